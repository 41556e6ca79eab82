// Deterministic synthetic corpus of Chinese policy documents for the benchmark: titles like
// 关于印发《…》的通知, bodies whose words follow a Zipf-like distribution per topic, agencies, years,
// topics, and a few planted phrases whose document frequency is known (from <0.1% to >50%).

/** mulberry32: small, fast, seedable. */
export function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function zipfPicker(words, rand, exponent = 1.1) {
  const weights = words.map((_, index) => 1 / (index + 1) ** exponent)
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const cumulative = []
  let running = 0
  for (const weight of weights) cumulative.push((running += weight / total))
  return () => {
    const value = rand()
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle] < value) low = middle + 1
      else high = middle
    }
    return words[low]
  }
}

const districts = ['武清区', '宝坻区', '滨海新区', '和平区', '河西区', '南开区', '河北区', '红桥区', '东丽区', '西青区']
const offices = [['人民政府办公室', 'gov'], ['发展和改革委员会', 'fgw']]
export const agencies = districts.flatMap((district, districtIndex) =>
  offices.map(([office, code]) => ({ id: `d${districtIndex + 1}-${code}`, name: `天津市${district}${office}` })),
)

const general = [
  '工作', '加强', '推进', '落实', '部门', '单位', '管理', '服务', '建设', '发展', '制度', '机制', '监督', '检查', '实施', '要求',
  '有关', '规定', '组织', '领导', '责任', '提高', '完善', '健全', '保障', '促进', '开展', '做好', '进一步', '全面', '深化', '改革',
  '统筹', '协调', '考核', '评估', '公开', '信息', '平台', '数据', '标准', '规范', '质量', '效率', '群众', '企业', '社会', '经济',
  '政策', '措施', '方案', '计划', '目标', '任务', '重点', '问题', '整改', '宣传', '培训', '队伍', '资金', '项目', '审批', '备案',
  '街道', '乡镇', '社区', '村', '年度', '季度', '及时', '依法', '按照', '根据', '结合', '实际', '情况', '报告', '总结', '经验',
]
const topics = [
  { code: '02.01', words: ['政府信息', '主动公开', '依申请公开', '政策解读', '公开目录', '信息发布', '回应关切', '政务服务', '透明度', '公开平台'] },
  { code: '02.03', words: ['应急预案', '突发事件', '应急演练', '风险隐患', '应急物资', '救援队伍', '值班值守', '预警信息', '应急响应', '防汛'] },
  { code: '13.01', words: ['医疗卫生', '公共卫生', '医疗机构', '疫苗接种', '健康教育', '基层医疗', '卫生健康', '传染病', '医保', '药品'] },
  { code: '15.01', words: ['就业创业', '职业技能', '高校毕业生', '农民工', '创业担保', '就业岗位', '技能培训', '劳动关系', '人力资源', '失业保险'] },
  { code: '15.02', words: ['养老保险', '社会保险', '医疗保险', '工伤保险', '社保卡', '待遇', '参保', '缴费', '基金', '社会救助'] },
  { code: '10.02', words: ['城市更新', '老旧小区', '住房保障', '物业管理', '建筑施工', '燃气安全', '排水管网', '市政设施', '保障性住房', '棚户区'] },
  { code: '06.01', words: ['粮食生产', '高标准农田', '种业', '农产品', '乡村振兴', '农村人居环境', '农机', '耕地保护', '畜牧', '渔业'] },
  { code: '09.05', words: ['安全生产', '隐患排查', '危险化学品', '消防安全', '特种设备', '执法检查', '事故调查', '安全培训', '双重预防', '重大危险源'] },
  { code: '11.01', words: ['科技创新', '高新技术企业', '研发投入', '成果转化', '科技型中小企业', '创新平台', '人才引进', '知识产权', '孵化器', '数字经济'] },
  { code: '11.02', words: ['义务教育', '学前教育', '职业教育', '教师队伍', '课后服务', '校园安全', '招生', '教育质量', '学校', '学生'] },
]
const documentTypes = ['notice', 'notice', 'notice', 'opinion', 'opinion', 'announcement', 'circular', 'reply', 'letter', 'decision']
const titleForms = [
  (name) => `关于印发《${name}》的通知`,
  (name) => `关于做好${name}工作的通知`,
  (name) => `${name}实施意见`,
  (name) => `关于进一步加强${name}的意见`,
]

/** Planted phrases and the share of documents that carry them. */
export const planted = [
  { phrase: '政务公开', share: 0.6 },
  { phrase: '疫情防控', share: 0.1 },
  { phrase: '就业见习', share: 0.01 },
  { phrase: '冬季供暖保障', share: 0.0005 },
]

export function createCorpus(seed = 42) {
  const rand = random(seed)
  const pickGeneral = zipfPicker(general, rand)
  const pickers = topics.map((topic) => zipfPicker(topic.words, rand, 0.9))
  const connectors = ['，', '和', '的', '，', '。', '；', '，']
  const sentence = (topicIndex, words) => {
    let text = ''
    for (let index = 0; index < words; index++) {
      text += rand() < 0.35 ? pickers[topicIndex]() : pickGeneral()
      if (index < words - 1) text += connectors[Math.floor(rand() * connectors.length)]
    }
    return `${text}。`
  }
  return (index) => {
    const topicIndex = Math.floor(rand() * rand() * topics.length) // skewed: early topics more common
    const topic = topics[topicIndex]
    const agency = agencies[Math.floor(rand() * rand() * agencies.length)]
    const year = 2015 + Math.floor(rand() * 10)
    const month = 1 + Math.floor(rand() * 12)
    const day = 1 + Math.floor(rand() * 28)
    const publishedAt = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    const subject = `${topic.words[Math.floor(rand() * topic.words.length)]}${pickGeneral()}`
    const titleForm = titleForms[Math.floor(rand() * titleForms.length)]
    const sentences = []
    const sentenceCount = 8 + Math.floor(rand() * 16)
    for (let count = 0; count < sentenceCount; count++) sentences.push(sentence(topicIndex, 4 + Math.floor(rand() * 8)))
    for (const { phrase, share } of planted) {
      if (rand() < share) sentences.splice(Math.floor(rand() * sentences.length), 0, `按照${phrase}有关要求，认真组织实施。`)
    }
    return {
      contentId: `bench-${index}`,
      document: {
        version: 1,
        kind: rand() < 0.8 ? 'policy' : rand() < 0.5 ? 'interpretation' : 'decision',
        title: titleForm(`${agency.name.replace(/^天津市/, '')}${subject}`),
        documentNumber: `津${agency.id.toUpperCase()}发〔${year}〕${1 + (index % 300)}号`,
        documentType: documentTypes[Math.floor(rand() * documentTypes.length)],
        issuers: [agency.id],
        topics: [topic.code],
        publishedAt,
        bodyText: sentences.join(''),
      },
    }
  }
}
