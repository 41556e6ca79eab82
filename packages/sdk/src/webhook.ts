/** Receiver-side entry point: verify Gongkai webhook deliveries without loading the channel adapters. */
export {
  signWebhook,
  verifyWebhookSignature,
  signatureHeader,
  deliveryHeader,
  eventHeader,
  type VerifyWebhookSignatureInput,
  type VerifyWebhookSignatureResult,
} from './channels/webhook/signature.js'
export type { WebhookPayload, WebhookReceiverAnswer } from './channels/webhook/createWebhookChannel.js'
