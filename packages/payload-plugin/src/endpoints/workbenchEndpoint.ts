import type { Endpoint } from 'payload'

import { buildWorkbench } from '../workbench/buildWorkbench.js'
import { gongkaiOptionsOf } from '../infrastructure/runtime.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { message } from '../translations/message.js'

/**
 * `GET /api/gongkai/workbench` — the signed-in user's 工作台: one line per thing to do (drafts, returned, waiting
 * for review or release, scheduled, policies needing an interpretation, 公开属性 reviews due, failed deliveries,
 * this year's 列席会议 against the target), each with counts per collection and a link to the filtered list.
 * Read as the user; 401 without one.
 */
export const workbenchEndpoint: Endpoint = {
  path: '/gongkai/workbench',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new WorkflowError(message(req, 'loginToSeeWorkbench'), 401)
    const workbench = await buildWorkbench({
      payload: req.payload,
      req,
      user: req.user as never,
      options: gongkaiOptionsOf(req.payload),
    })
    return Response.json(workbench, { headers: { 'cache-control': 'no-store' } })
  },
}
