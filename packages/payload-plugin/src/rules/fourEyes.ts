import type { StoredDocument } from '../infrastructure/documents.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { relationId } from '../utilities/relationIds.js'

function isSameUser(a: unknown, b: unknown): boolean {
  const left = relationId(a)
  const right = relationId(b)
  return left !== undefined && right !== undefined && left === right
}

/**
 * 四眼原则 (four eyes) of the approval: the reviewer who approves a version is neither the person who wrote or
 * last changed its content (`lastEditedBy`) nor the one who submitted it for review. A site administrator is
 * held to it too: acting in any role does not make one person two.
 *
 * @throws WorkflowError (403) naming the document and which of the two the reviewer is
 */
export function assertFourEyes({ doc, userId, label }: { doc: StoredDocument; userId: number | string | null; label: string }): void {
  if (isSameUser(doc.lastEditedBy, userId)) {
    throw new WorkflowError(`${label}的当前版本由你撰写或修改，不能由你审核通过：审核人不得是该版本的撰稿人（四眼原则）`, 403)
  }
  if (isSameUser(doc.workflow?.submittedBy, userId)) {
    throw new WorkflowError(`${label}由你提交审核，不能由你审核通过：审核人不得是提交人（四眼原则）`, 403)
  }
}
