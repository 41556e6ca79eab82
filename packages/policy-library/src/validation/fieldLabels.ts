/**
 * Chinese labels of the fields the API accepts, so messages name a field the way editors know it
 * (正文, 发文字号), never by its key. Looked up by the last named segment of a pointer.
 */
const labels: Record<string, string> = {
  version: '版本号',
  previousVersion: '上一版本号',
  kind: '文件类别',
  title: '标题',
  indexNumber: '索引号',
  documentNumber: '发文字号',
  documentType: '文种',
  isNormative: '规范性文件',
  interpretationForm: '解读形式',
  issuers: '发文机关',
  topics: '主题分类',
  subjectWords: '主题词',
  writtenAt: '成文日期',
  publishedAt: '发布日期',
  validity: '有效性',
  expiresAt: '失效日期',
  summary: '摘要',
  bodyHtml: '正文（HTML）',
  bodyText: '正文',
  attachments: '附件',
  mediaType: '附件媒体类型',
  byteSize: '附件大小',
  links: '关联文件',
  url: '网址',
  notice: '撤回说明',
  withdrawnAt: '撤回时间',
  changedAt: '有效性变更时间',
  note: '变更说明',
  items: '批次条目',
  document: '批次条目的文件',
  contentId: '内容标识',
  id: '标识',
  name: '名称',
  indexPrefix: '索引号前段码',
  q: '检索词',
  agency: '机关',
  year: '年份',
  topic: '主题分类',
  publishedFrom: '发布日期起',
  publishedTo: '发布日期止',
  status: '状态',
  sort: '排序',
  limit: '条数',
  cursor: '翻页游标',
  facets: '分面统计',
  after: '事件序号',
  page: '页码',
  agencyId: '机关标识',
  tokenId: '令牌标识',
  topicCode: '主题分类代码',
}

/** `/attachments/0/title` → 附件·标题 (`/attachments/0/title`); unknown keys keep the pointer alone. */
export function labelOf(pointer: string): string {
  const segments = pointer
    .replace(/^(query|path|header)\//, '/')
    .split('/')
    .filter((segment) => segment !== '' && !/^\d+$/.test(segment))
  const named = segments.map((segment) => labels[segment]).filter((label): label is string => label !== undefined)
  if (named.length === 0) return `字段 ${pointer || '/'}`
  // The parent gives context for generic names (附件·标题, not just 标题).
  const shown = named.length > 1 && ['标题', '网址', '名称'].includes(named[named.length - 1] as string) ? named.slice(-2).join('·') : named[named.length - 1]
  return `${shown as string}（${pointer || '/'}）`
}
