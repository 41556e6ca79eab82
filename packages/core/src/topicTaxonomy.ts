/** One second-level 主题分类 (topic) entry. `code` is `<parent>.<nn>`, e.g. `'02.01'` for 综合政务\政务公开. */
export type TopicTaxonomyChild = { code: string; name: string }

/** One top-level 主题分类 branch with its children in the State Council's order. */
export type TopicTaxonomyBranch = { code: string; name: string; children: readonly TopicTaxonomyChild[] }

/**
 * 主题分类 — the State Council policy library's two-level topic taxonomy (国务院政策文件库), used as
 * the default seed. Codes are stable ASCII strings: `'02'` is 综合政务, `'02.01'` is its child
 * 政务公开. Provinces rename some branches; treat this as seed data that editors may change, and never
 * renumber existing codes (append new entries instead).
 */
export const topicTaxonomy = [
  {
    code: '01',
    name: '国务院组织机构',
    children: [
      { code: '01.01', name: '国务院' },
      { code: '01.02', name: '国务院办公厅' },
      { code: '01.03', name: '国务院组成部门' },
      { code: '01.04', name: '国务院直属特设机构' },
      { code: '01.05', name: '国务院直属机构' },
      { code: '01.06', name: '国务院办事机构' },
      { code: '01.07', name: '国务院直属事业单位' },
      { code: '01.08', name: '国务院部委管理的国家局' },
      { code: '01.09', name: '国务院议事协调机构' },
      { code: '01.10', name: '其他' },
    ],
  },
  {
    code: '02',
    name: '综合政务',
    children: [
      { code: '02.01', name: '政务公开' },
      { code: '02.02', name: '政务督查' },
      { code: '02.03', name: '应急管理' },
      { code: '02.04', name: '电子政务' },
      { code: '02.05', name: '文秘工作' },
      { code: '02.06', name: '保密工作' },
      { code: '02.07', name: '信访' },
      { code: '02.08', name: '参事、文史' },
      { code: '02.09', name: '其他' },
    ],
  },
  {
    code: '03',
    name: '国民经济管理、国有资产监管',
    children: [
      { code: '03.01', name: '宏观经济' },
      { code: '03.02', name: '经济体制改革' },
      { code: '03.03', name: '统计' },
      { code: '03.04', name: '物价' },
      { code: '03.05', name: '国有资产监管' },
      { code: '03.06', name: '重大建设项目' },
      { code: '03.07', name: '其他' },
    ],
  },
  {
    code: '04',
    name: '财政、金融、审计',
    children: [
      { code: '04.01', name: '财政' },
      { code: '04.02', name: '税务' },
      { code: '04.03', name: '银行' },
      { code: '04.04', name: '货币（含外汇）' },
      { code: '04.05', name: '证券' },
      { code: '04.06', name: '保险' },
      { code: '04.07', name: '社会信用体系建设' },
      { code: '04.08', name: '审计' },
      { code: '04.09', name: '其他' },
    ],
  },
  {
    code: '05',
    name: '国土资源、能源',
    children: [
      { code: '05.01', name: '土地' },
      { code: '05.02', name: '矿产' },
      { code: '05.03', name: '水资源' },
      { code: '05.04', name: '海洋' },
      { code: '05.05', name: '煤炭' },
      { code: '05.06', name: '石油与天然气' },
      { code: '05.07', name: '电力' },
      { code: '05.08', name: '其他' },
    ],
  },
  {
    code: '06',
    name: '农业、林业、水利',
    children: [
      { code: '06.01', name: '农业、畜牧业、渔业' },
      { code: '06.02', name: '林业' },
      { code: '06.03', name: '水利' },
      { code: '06.04', name: '其他' },
    ],
  },
  {
    code: '07',
    name: '工业、交通',
    children: [
      { code: '07.01', name: '机械制造与重工业' },
      { code: '07.02', name: '轻工纺织' },
      { code: '07.03', name: '化工' },
      { code: '07.04', name: '国防工业' },
      { code: '07.05', name: '航天、航空' },
      { code: '07.06', name: '信息产业（含电信）' },
      { code: '07.07', name: '公路' },
      { code: '07.08', name: '水运' },
      { code: '07.09', name: '铁路' },
      { code: '07.10', name: '民航' },
      { code: '07.11', name: '邮政' },
      { code: '07.12', name: '其他' },
    ],
  },
  {
    code: '08',
    name: '商贸、海关、旅游',
    children: [
      { code: '08.01', name: '对外经贸合作' },
      { code: '08.02', name: '国内贸易（含供销）' },
      { code: '08.03', name: '海关' },
      { code: '08.04', name: '检验、检疫' },
      { code: '08.05', name: '旅游' },
      { code: '08.06', name: '其他' },
    ],
  },
  {
    code: '09',
    name: '市场监管、安全生产监管',
    children: [
      { code: '09.01', name: '工商' },
      { code: '09.02', name: '质量监督' },
      { code: '09.03', name: '标准' },
      { code: '09.04', name: '食品药品监管' },
      { code: '09.05', name: '安全生产监管' },
      { code: '09.06', name: '其他' },
    ],
  },
  {
    code: '10',
    name: '城乡建设、环境保护',
    children: [
      { code: '10.01', name: '城市规划' },
      { code: '10.02', name: '城乡建设（含住房）' },
      { code: '10.03', name: '环境监测、保护与治理' },
      { code: '10.04', name: '节能与资源综合利用' },
      { code: '10.05', name: '气象、水文、测绘、地震' },
      { code: '10.06', name: '其他' },
    ],
  },
  {
    code: '11',
    name: '科技、教育',
    children: [
      { code: '11.01', name: '科技' },
      { code: '11.02', name: '教育' },
      { code: '11.03', name: '知识产权' },
      { code: '11.04', name: '其他' },
    ],
  },
  {
    code: '12',
    name: '文化、广电、新闻出版',
    children: [
      { code: '12.01', name: '文化' },
      { code: '12.02', name: '文物' },
      { code: '12.03', name: '新闻出版' },
      { code: '12.04', name: '广播、电影、电视' },
      { code: '12.05', name: '其他' },
    ],
  },
  {
    code: '13',
    name: '卫生、体育',
    children: [
      { code: '13.01', name: '卫生' },
      { code: '13.02', name: '医药管理' },
      { code: '13.03', name: '体育' },
      { code: '13.04', name: '其他' },
    ],
  },
  {
    code: '14',
    name: '人口与计划生育、妇女儿童工作',
    children: [
      { code: '14.01', name: '人口与计划生育' },
      { code: '14.02', name: '妇女儿童' },
      { code: '14.03', name: '其他' },
    ],
  },
  {
    code: '15',
    name: '劳动、人事、监察',
    children: [
      { code: '15.01', name: '劳动就业' },
      { code: '15.02', name: '社会保障' },
      { code: '15.03', name: '人事工作' },
      { code: '15.04', name: '军转安置' },
      { code: '15.05', name: '监察' },
      { code: '15.06', name: '纠正行业不正之风' },
      { code: '15.07', name: '其他' },
    ],
  },
  {
    code: '16',
    name: '公安、安全、司法',
    children: [
      { code: '16.01', name: '公安' },
      { code: '16.02', name: '国家安全' },
      { code: '16.03', name: '司法' },
      { code: '16.04', name: '其他' },
    ],
  },
  {
    code: '17',
    name: '民政、扶贫、救灾',
    children: [
      { code: '17.01', name: '减灾救灾' },
      { code: '17.02', name: '优抚安置' },
      { code: '17.03', name: '社会福利' },
      { code: '17.04', name: '行政区划与地名' },
      { code: '17.05', name: '社团管理' },
      { code: '17.06', name: '扶贫' },
      { code: '17.07', name: '其他' },
    ],
  },
  {
    code: '18',
    name: '民族、宗教',
    children: [
      { code: '18.01', name: '民族事务' },
      { code: '18.02', name: '宗教事务' },
    ],
  },
  {
    code: '19',
    name: '对外事务',
    children: [
      { code: '19.01', name: '外交、外事' },
      { code: '19.02', name: '国际条约、国际组织' },
      { code: '19.03', name: '其他' },
    ],
  },
  {
    code: '20',
    name: '港澳台侨工作',
    children: [
      { code: '20.01', name: '港澳工作' },
      { code: '20.02', name: '对台工作' },
      { code: '20.03', name: '侨务工作' },
    ],
  },
  {
    code: '21',
    name: '国防',
    children: [
      { code: '21.01', name: '国防建设' },
      { code: '21.02', name: '国防动员' },
    ],
  },
  {
    code: '22',
    name: '其他',
    children: [],
  },
] as const satisfies readonly TopicTaxonomyBranch[]

/** A top-level or second-level entry found by {@link findTopic}. */
export type TopicLookup = { code: string; name: string; path: string; parent?: { code: string; name: string } }

/**
 * Looks a topic up by code (`'02.01'`) or by its displayed path (`'综合政务\\政务公开'`, the way the
 * State Council library prints it; `/` and `>` are accepted as separators too).
 * Returns `path` in the canonical backslash form.
 */
export function findTopic(
  codeOrPath: string,
  taxonomy: readonly TopicTaxonomyBranch[] = topicTaxonomy,
): TopicLookup | undefined {
  const query = codeOrPath.trim()
  const names = query
    .split(/[\\/>＞／]/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
  for (const branch of taxonomy) {
    if (branch.code === query || (names.length === 1 && branch.name === names[0])) {
      return { code: branch.code, name: branch.name, path: branch.name }
    }
    for (const child of branch.children) {
      const isMatch =
        child.code === query || (names.length === 2 && branch.name === names[0] && child.name === names[1])
      if (isMatch) {
        return {
          code: child.code,
          name: child.name,
          path: `${branch.name}\\${child.name}`,
          parent: { code: branch.code, name: branch.name },
        }
      }
    }
  }
  return undefined
}
