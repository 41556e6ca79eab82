/** Receiver-side entry point: verify Gongkai webhook deliveries without loading the channel adapters. */
export {
  signWebhook,
  verifyWebhookSignature,
  signatureHeader,
  deliveryHeader,
  eventHeader,
  type VerifyWebhookSignatureInput,
  type VerifyWebhookSignatureResult,
} from './channels/webhook/signature'
export type { WebhookPayload, WebhookReceiverAnswer } from './channels/webhook/createWebhookChannel'
