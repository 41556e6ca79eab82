export type {
  Channel,
  ChannelCallOptions,
  ChannelDocument,
  ChannelImage,
  ChannelLogger,
  ChannelResult,
  ChannelValidationIssue,
  ChannelWithdrawal,
  ChannelWithdrawResult,
  FetchLike,
} from './Channel.js'
export { createMemoryProgressStore, type ProgressStore } from './ProgressStore.js'
export { createAccessTokenCache, type AccessTokenCache, type AccessTokenCacheOptions } from './accessTokenCache.js'
export { truncate, plainText, characterCount } from './text.js'
export { createWeChatChannel, weChatLimits, type WeChatChannelOptions, type WeChatProgress } from './wechat/createWeChatChannel.js'
export { sanitizeWeChatHtml, collectImageSources, type SanitizeWeChatHtmlOptions } from './wechat/sanitizeWeChatHtml.js'
export { WeChatApiError, describeWeChatError, describePublishStatus } from './wechat/WeChatApiError.js'
export { createWeiboChannel, composeWeiboStatus, weiboLimits, type WeiboChannelOptions, type WeiboProgress } from './weibo/createWeiboChannel.js'
export { countWeiboLength, weiboMaxLength } from './weibo/countWeiboLength.js'
export { createWebhookChannel, type WebhookChannelOptions, type WebhookPayload, type WebhookReceiverAnswer } from './webhook/createWebhookChannel.js'
export {
  signWebhook,
  verifyWebhookSignature,
  signatureHeader,
  deliveryHeader,
  eventHeader,
  type VerifyWebhookSignatureInput,
  type VerifyWebhookSignatureResult,
} from './webhook/signature.js'
export { createFeedChannel, createMemoryFeedItemStore, type FeedChannelOptions, type FeedItem, type FeedItemStore } from './feed/createFeedChannel.js'
