import { describe, expect, it } from 'vitest'
import { findTopic, topicTaxonomy } from './topicTaxonomy.js'

describe('topicTaxonomy', () => {
  it('has the 22 State Council top-level branches in order', () => {
    expect(topicTaxonomy.map((branch) => branch.name)).toEqual([
      '国务院组织机构', '综合政务', '国民经济管理、国有资产监管', '财政、金融、审计', '国土资源、能源', '农业、林业、水利',
      '工业、交通', '商贸、海关、旅游', '市场监管、安全生产监管', '城乡建设、环境保护', '科技、教育', '文化、广电、新闻出版',
      '卫生、体育', '人口与计划生育、妇女儿童工作', '劳动、人事、监察', '公安、安全、司法', '民政、扶贫、救灾', '民族、宗教',
      '对外事务', '港澳台侨工作', '国防', '其他',
    ])
  })

  it('numbers branches 01… and children <branch>.01… with no gaps', () => {
    topicTaxonomy.forEach((branch, index) => {
      expect(branch.code).toBe(String(index + 1).padStart(2, '0'))
      branch.children.forEach((child, childIndex) => {
        expect(child.code).toBe(`${branch.code}.${String(childIndex + 1).padStart(2, '0')}`)
      })
    })
  })

  it('has unique codes and no duplicate child names within a branch', () => {
    const codes = topicTaxonomy.flatMap((branch) => [branch.code, ...branch.children.map((child) => child.code)])
    expect(new Set(codes).size).toBe(codes.length)
    for (const branch of topicTaxonomy) {
      const names = branch.children.map((child) => child.name)
      expect(new Set(names).size).toBe(names.length)
    }
  })

  it.each([
    [
      '01',
      [
        '国务院', '国务院办公厅', '国务院组成部门', '国务院直属特设机构', '国务院直属机构', '国务院办事机构',
        '国务院直属事业单位', '国务院部委管理的国家局', '国务院议事协调机构', '其他',
      ],
    ],
    ['02', ['政务公开', '政务督查', '应急管理', '电子政务', '文秘工作', '保密工作', '信访', '参事、文史', '其他']],
    ['04', ['财政', '税务', '银行', '货币（含外汇）', '证券', '保险', '社会信用体系建设', '审计', '其他']],
    ['07', ['机械制造与重工业', '轻工纺织', '化工', '国防工业', '航天、航空', '信息产业（含电信）', '公路', '水运', '铁路', '民航', '邮政', '其他']],
    ['18', ['民族事务', '宗教事务']],
    ['20', ['港澳工作', '对台工作', '侨务工作']],
    ['21', ['国防建设', '国防动员']],
    ['22', []],
  ])('branch %s has the reference children', (code, names) => {
    expect(topicTaxonomy.find((branch) => branch.code === code)?.children.map((child) => child.name)).toEqual(names)
  })

  it('holds the 121 second-level topics of the reference', () => {
    expect(topicTaxonomy.reduce((total, branch) => total + branch.children.length, 0)).toBe(121)
  })
})

describe('findTopic', () => {
  it.each([
    ['02.01', '02.01', '综合政务\\政务公开'],
    ['综合政务\\政务公开', '02.01', '综合政务\\政务公开'],
    ['综合政务/政务公开', '02.01', '综合政务\\政务公开'],
    [' 财政、金融、审计 > 税务 ', '04.02', '财政、金融、审计\\税务'],
    ['22', '22', '其他'],
    ['卫生、体育', '13', '卫生、体育'],
  ])('finds %j', (query, code, path) => {
    expect(findTopic(query)).toMatchObject({ code, path })
  })

  it('finds the 国务院组织机构 children by the names the State Council policy library uses, with stable codes', () => {
    expect(findTopic('国务院组织机构\\国务院组成部门')).toMatchObject({ code: '01.03' })
    expect(findTopic('国务院组织机构\\国务院部委管理的国家局')).toMatchObject({ code: '01.08' })
    expect(findTopic('01.09')).toMatchObject({ name: '国务院议事协调机构' })
    expect(findTopic('国务院组织机构\\组成部门')).toBeUndefined()
  })

  it('reports the parent of a child topic', () => {
    expect(findTopic('02.01')?.parent).toEqual({ code: '02', name: '综合政务' })
  })

  it.each(['99', '综合政务\\不存在', '政务公开', ''])('returns undefined for %j', (query) => {
    expect(findTopic(query)).toBeUndefined()
  })
})

describe('findTopic: hostile input', () => {
  it('answers for a long run of blanks before a separator', () => {
    expect(findTopic(`综合政务${'\t'.repeat(100_000)}x/政务公开`)).toBeUndefined()
    expect(findTopic(`综合政务${'\t'.repeat(100_000)}/${' '.repeat(100_000)}政务公开`)).toMatchObject({ code: '02.01' })
  })
})
