import { defaultValidityStatuses, documentTypes, findTopic, labelOf } from '@gongkai/core'

const kinds: Record<string, string> = { policy: '政策文件', interpretation: '政策解读', decision: '重大决策' }

export const kindLabel = (kind: string) => kinds[kind] ?? kind
export const validityLabel = (validity: string) => labelOf(defaultValidityStatuses, validity)
export const documentTypeLabel = (type: string) => labelOf(documentTypes, type)
export const topicLabel = (code: string) => findTopic(code)?.path ?? code

export const facetLabels: Record<string, { title: string; label: (value: string) => string }> = {
  kind: { title: '类别', label: kindLabel },
  topic: { title: '主题分类', label: topicLabel },
  year: { title: '年份', label: (year) => `${year}年` },
  documentType: { title: '文种', label: documentTypeLabel },
  validity: { title: '有效性', label: validityLabel },
  agency: { title: '发文机关', label: (agency) => agency },
}
