/**
 * @gongkai/sdk — the policy library client (this entry point: fetch only, runs in Node 20+ and
 * browsers). Channel adapters live in `@gongkai/sdk/channels`; webhook verification for receivers in
 * `@gongkai/sdk/webhook`.
 */
export * from './client/index.js'
export type { paths, components, operations } from './generated/policy-library.js'
