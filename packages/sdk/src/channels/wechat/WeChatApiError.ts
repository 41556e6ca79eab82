/** A WeChat API answer `{errcode, errmsg}` with a non-zero `errcode` (WeChat sends these with HTTP 200). */
export class WeChatApiError extends Error {
  readonly errcode: number
  readonly errmsg: string
  readonly path: string
  constructor(input: { errcode: number; errmsg: string; path: string }) {
    super(`WeChat ${input.path} answered errcode ${input.errcode}: ${input.errmsg}`)
    this.name = 'WeChatApiError'
    this.errcode = input.errcode
    this.errmsg = input.errmsg
    this.path = input.path
  }
}

export type WeChatFailure = { reason: string; isRetryable: boolean }

/** Turns a WeChat error code into a message the new-media team can act on, and whether retrying helps. */
export function describeWeChatError(errcode: number, errmsg: string): WeChatFailure {
  switch (errcode) {
    case -1:
      return { reason: '微信系统繁忙（-1），请稍后重试。', isRetryable: true }
    case 40001:
    case 40125:
      return {
        reason: `微信拒绝了公众号凭证（${errcode}）：请核对配置中的 AppID 与 AppSecret 是否与公众号后台“设置与开发 → 基本配置”一致。`,
        isRetryable: false,
      }
    case 40013:
      return { reason: '公众号 AppID 无效（40013）：请核对配置中的 AppID。', isRetryable: false }
    case 40164: {
      const ip = /invalid ip ([^\s,]+)/u.exec(errmsg)?.[1]
      return {
        reason: `调用微信接口的服务器 IP${ip ? ` ${ip} ` : ''}不在公众号的 IP 白名单中（40164）：请公众号管理员在“设置与开发 → 基本配置 → IP白名单”中添加该 IP 后重试。`,
        isRetryable: false,
      }
    }
    case 42001:
      return { reason: 'access_token 已过期且刷新后仍无效（42001），请稍后重试。', isRetryable: true }
    case 45009:
      return {
        reason: '公众号今日接口调用次数已达上限（45009）：请明天再发，或由管理员在公众号后台“基本配置”中清零调用次数。',
        isRetryable: true,
      }
    case 48001:
      return {
        reason: '公众号没有该接口的权限（48001）：未认证的公众号自 2025 年 7 月起不能通过接口发布文章。请完成微信认证，或将草稿在公众号后台手动发表。',
        isRetryable: false,
      }
    case 40007:
      return { reason: `微信找不到所引用的素材（40007）：素材可能已被删除，请重新上传后再发。`, isRetryable: false }
    case 45002:
      return { reason: '正文超过微信长度上限（45002）：请缩短正文（少于 2 万字符、1 MB）。', isRetryable: false }
    case 45003:
      return { reason: '标题超过微信长度上限（45003）：标题不超过 32 个字。', isRetryable: false }
    case 45004:
      return { reason: '摘要超过微信长度上限（45004）：摘要不超过 128 个字。', isRetryable: false }
    case 53503:
      return { reason: '该草稿未通过微信发布检查（53503）：请在公众号后台打开草稿查看原因并修改。', isRetryable: false }
    default:
      return { reason: `微信接口返回错误 ${errcode}：${errmsg}`, isRetryable: false }
  }
}

/** `freepublish/get` publish_status codes. */
export const publishStatuses = {
  0: 'success',
  1: 'publishing',
  2: 'originality-check-failed',
  3: 'failed',
  4: 'review-rejected',
  5: 'deleted',
  6: 'banned',
} as const

export function describePublishStatus(status: number): WeChatFailure {
  switch (status) {
    case 2:
      return { reason: '原创声明校验未通过（publish_status 2）：请核对原创声明或转载授权后修改再发。', isRetryable: false }
    case 3:
      return { reason: '微信常规发布失败（publish_status 3），可重试。', isRetryable: true }
    case 4:
      return { reason: '文章未通过微信平台审核（publish_status 4）：请在公众号后台查看审核意见，修改后作为新版本发布。', isRetryable: false }
    case 5:
      return { reason: '文章发布成功后已被用户删除（publish_status 5）。', isRetryable: false }
    case 6:
      return { reason: '文章发布成功后被微信封禁（publish_status 6）：请在公众号后台查看通知。', isRetryable: false }
    default:
      return { reason: `未知的发布状态 ${status}`, isRetryable: false }
  }
}
