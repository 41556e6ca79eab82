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
} from './Channel'
export { createMemoryProgressStore, type ProgressStore } from './ProgressStore'
export { createAccessTokenCache, type AccessTokenCache, type AccessTokenCacheOptions } from './accessTokenCache'
export { truncate, plainText, characterCount } from './text'
export { createWeChatChannel, weChatLimits, type WeChatChannelOptions, type WeChatProgress } from './wechat/createWeChatChannel'
export { sanitizeWeChatHtml, collectImageSources, type SanitizeWeChatHtmlOptions } from './wechat/sanitizeWeChatHtml'
export { WeChatApiError, describeWeChatError, describePublishStatus } from './wechat/WeChatApiError'
export { createWeiboChannel, composeWeiboStatus, weiboLimits, type WeiboChannelOptions, type WeiboProgress } from './weibo/createWeiboChannel'
export { countWeiboLength, weiboMaxLength } from './weibo/countWeiboLength'
export { createWebhookChannel, type WebhookChannelOptions, type WebhookPayload, type WebhookReceiverAnswer } from './webhook/createWebhookChannel'
export {
  signWebhook,
  verifyWebhookSignature,
  signatureHeader,
  deliveryHeader,
  eventHeader,
  type VerifyWebhookSignatureInput,
  type VerifyWebhookSignatureResult,
} from './webhook/signature'
export { createFeedChannel, createMemoryFeedItemStore, type FeedChannelOptions, type FeedItem, type FeedItemStore } from './feed/createFeedChannel'
