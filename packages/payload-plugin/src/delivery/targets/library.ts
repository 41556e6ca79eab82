import { createPolicyLibraryClient, PolicyLibraryConflictError, PolicyLibraryError } from '@gongkai/sdk'
import type { paths } from '@gongkai/sdk'
import createClient from 'openapi-fetch'
import type { Payload } from 'payload'

import type { Agency } from '../../generated/payload-types.js'
import type { SanitizedDeliveryOptions } from '../../types.js'
import { readStoredSecret, storeSecret } from '../deliveryStore.js'
import { DeliveryFailure } from '../DeliveryFailure.js'
import type { TargetOutcome } from '../DeliveryFailure.js'
import type { OutgoingDocument } from '../outgoingDocument.js'

type LibraryOptions = NonNullable<SanitizedDeliveryOptions['library']>

const agencyIdPattern = /^[a-z0-9][a-z0-9-]{1,63}$/u

/** The library's id of an agency: the option's function, else its 组织机构代码／统一社会信用代码 in lower case. */
export function libraryAgencyIdOf(library: LibraryOptions, agency: Agency | null): string {
  const id = !agency ? '' : library.agencyId ? library.agencyId(agency) : (agency.organizationCode ?? '').toLowerCase()
  if (!agencyIdPattern.test(id)) {
    throw new DeliveryFailure(`机构“${String(agency?.name ?? agency?.id)}”没有可用于政策文件库的机构标识（须为小写字母、数字和“-”，2至64个字符，默认取组织机构代码），请先填写组织机构代码`, {
      isRetryable: false,
    })
  }
  return id
}

/** Describes a library error in Chinese; network errors, 408, 429 and 5xx may succeed later. */
export function libraryFailure(error: unknown, doing: string): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error
  if (error instanceof PolicyLibraryError) {
    const detail = error.problem?.errors?.map((item) => `${item.pointer}：${item.detail}`).join('；') || error.problem?.detail || error.problem?.title || ''
    const status = error.status
    if (status === undefined) return new DeliveryFailure(`无法连接政策文件库（${doing}）：${error.message}`, { isRetryable: true })
    if (status === 401 || status === 403) {
      return new DeliveryFailure(`政策文件库拒绝了本机构的推送令牌（${status}，${doing}）：请检查推送令牌是否有效、是否属于该机构`, { isRetryable: false })
    }
    if (error.isRetryable) return new DeliveryFailure(`政策文件库暂时不可用（${status}，${doing}）${detail ? `：${detail}` : ''}`, { isRetryable: true })
    return new DeliveryFailure(`政策文件库拒绝了${doing}（${status}）${detail ? `：${detail}` : ''}`, { isRetryable: false })
  }
  const message = error instanceof Error ? error.message : String(error)
  // fetch throws TypeError on refused connections and resets; those may succeed later.
  return new DeliveryFailure(`无法连接政策文件库（${doing}）：${message}`, { isRetryable: true })
}

/**
 * The push token of an agency: from the options, else the one the plugin provisioned earlier (stored
 * encrypted), else — with the admin token — registers the agency in the library and issues a token now.
 *
 * The SDK's client has no admin (agency, token) calls yet; these two use openapi-fetch with the SDK's types
 * generated from the library's spec, the same client the SDK is built on.
 */
async function tokenOf(args: { payload: Payload; library: LibraryOptions; agencyId: string; agencyName: string; fetch: SanitizedDeliveryOptions['fetch'] }): Promise<string> {
  const { payload, library, agencyId } = args
  const configured = library.tokens[agencyId]
  if (configured) return configured
  const secretName = `library-token:${agencyId}`
  const stored = await readStoredSecret(payload, secretName)
  if (stored) return stored
  if (!library.adminToken) {
    throw new DeliveryFailure(`没有机构“${args.agencyName}”（${agencyId}）的政策文件库推送令牌：请在 delivery.library.tokens 中配置，或配置 adminToken 由系统自动开通`, { isRetryable: false })
  }
  const admin = createClient<paths>({
    baseUrl: library.url,
    headers: { authorization: `Bearer ${library.adminToken}` },
    ...(args.fetch ? { fetch: args.fetch } : {}),
  })
  try {
    const agency = await admin.POST('/v1/agencies', { body: { id: agencyId, name: args.agencyName.slice(0, 200) } })
    if (agency.response.status !== 201 && agency.response.status !== 409) {
      throw new PolicyLibraryError({ message: `register agency: ${agency.response.status}`, status: agency.response.status, problem: agency.error as never })
    }
    const token = await admin.POST('/v1/agencies/{agencyId}/tokens', { params: { path: { agencyId } }, body: { name: 'gongkai-cms' } })
    if (!token.data) throw new PolicyLibraryError({ message: `issue token: ${token.response.status}`, status: token.response.status, problem: token.error as never })
    await storeSecret(payload, secretName, token.data.token)
    payload.logger.info({ msg: `gongkai delivery: registered agency ${agencyId} in the policy library and stored its push token (encrypted)` })
    return token.data.token
  } catch (error) {
    throw libraryFailure(error, '开通机构推送令牌')
  }
}

/**
 * Makes sure a co-issuer (联合发文机关) is a registered agency of the library, which requires it of every
 * issuer: an agency with a configured or provisioned push token is; otherwise, with the admin token, it is
 * registered now (no token is issued: a co-issuer gets no right over the document) and remembered. Without
 * the admin token the library's administrator registers it; the library's 422 then says which one is missing.
 */
async function ensureRegistered(args: { payload: Payload; library: LibraryOptions; agencyId: string; agencyName: string; fetch: SanitizedDeliveryOptions['fetch'] }): Promise<void> {
  const { payload, library, agencyId } = args
  if (library.tokens[agencyId] || !library.adminToken) return
  const marker = `library-agency:${agencyId}`
  if ((await readStoredSecret(payload, `library-token:${agencyId}`)) || (await readStoredSecret(payload, marker))) return
  const admin = createClient<paths>({
    baseUrl: library.url,
    headers: { authorization: `Bearer ${library.adminToken}` },
    ...(args.fetch ? { fetch: args.fetch } : {}),
  })
  try {
    const agency = await admin.POST('/v1/agencies', { body: { id: agencyId, name: args.agencyName.slice(0, 200) } })
    if (agency.response.status !== 201 && agency.response.status !== 409) {
      throw new PolicyLibraryError({ message: `register agency: ${agency.response.status}`, status: agency.response.status, problem: agency.error as never })
    }
  } catch (error) {
    throw libraryFailure(error, `登记联合发文机关“${args.agencyName}”`)
  }
  await storeSecret(payload, marker, 'registered')
  payload.logger.info({ msg: `gongkai delivery: registered joint issuer ${agencyId} in the policy library` })
}

export type LibraryDelivery = {
  action: 'publish' | 'withdraw' | 'validity' | 'delete' | 'redact'
  /** The library version this delivery makes; for a redaction, the version it erases. */
  version: number
  /** Stable across attempts of this delivery: the library answers a repeat with the stored answer. */
  idempotencyKey: string
  notice?: string | null
  validity?: string | null
  expiresAt?: string | null
  /** True when an earlier delivery of the same document to the library is still pending. */
  hasEarlierPending: boolean
}

/**
 * 删除 and 抹除: the library erases the text of every version (deletion) or of one earlier version (redaction).
 * Both answer 200 again when repeated. A deletion of a document whose publication has not arrived yet (404),
 * or a redaction while the corrected version is still on its way (409), waits for the earlier delivery.
 */
async function removeFromLibrary(args: {
  client: ReturnType<typeof createPolicyLibraryClient>
  library: LibraryOptions
  contentId: string
  delivery: LibraryDelivery
  doing: string
}): Promise<TargetOutcome> {
  const { client, contentId, delivery } = args
  const reason = (delivery.notice ?? '').trim()
  if (!reason) throw new DeliveryFailure(`${args.doing}须有理由`, { isRetryable: false })
  const externalUrl = `${args.library.url}/v1/documents/${encodeURIComponent(contentId)}`
  try {
    if (delivery.action === 'delete') {
      const deleted = await client.deleteDocument(contentId, { reason }, { idempotencyKey: delivery.idempotencyKey })
      return { state: 'delivered', externalId: contentId, externalUrl, note: `政策文件库已删除该文件（第${deleted.versions.join('、')}版的内容均已抹除）` }
    }
    const redacted = await client.redactVersion(contentId, delivery.version, { reason }, { idempotencyKey: delivery.idempotencyKey })
    return { state: 'delivered', externalId: contentId, externalUrl: `${externalUrl}/versions/${redacted.version}`, note: `政策文件库第${redacted.version}版的内容已抹除` }
  } catch (error) {
    const status = error instanceof PolicyLibraryError ? error.status : undefined
    if (delivery.hasEarlierPending && (status === 404 || status === 409)) {
      throw new DeliveryFailure(`等待本文件此前的推送完成后再${args.doing}`, { isRetryable: true })
    }
    if (delivery.action === 'redact' && status === 409) {
      throw new DeliveryFailure(`第${delivery.version}版是政策文件库中的当前版本，不能抹除：请先发布更正后的版本`, { isRetryable: false })
    }
    throw libraryFailure(error, args.doing)
  }
}

/** Sends one delivery to the library through the SDK's client. */
export async function deliverToLibrary(args: {
  payload: Payload
  options: SanitizedDeliveryOptions
  agency: Agency | null
  /** 联合发文机关 with their library ids: registered before a publication names them. */
  jointIssuers?: readonly { id: string; name: string }[]
  outgoing: OutgoingDocument
  delivery: LibraryDelivery
}): Promise<TargetOutcome> {
  const library = args.options.library
  if (!library) throw new DeliveryFailure('没有配置政策文件库', { isRetryable: false })
  const { outgoing, delivery } = args
  const agencyId = libraryAgencyIdOf(library, args.agency)
  const token = await tokenOf({ payload: args.payload, library, agencyId, agencyName: args.agency?.name ?? agencyId, fetch: args.options.fetch })
  if (delivery.action === 'publish') {
    for (const joint of args.jointIssuers ?? []) await ensureRegistered({ payload: args.payload, library, agencyId: joint.id, agencyName: joint.name, fetch: args.options.fetch })
  }
  // One attempt per job run: the outbox retries with its own backoff, so the client does not wait as well.
  const client = createPolicyLibraryClient({ baseUrl: library.url, token, retry: false, ...(args.options.fetch ? { fetch: args.options.fetch } : {}) })
  const contentId = outgoing.contentId
  const doing = { publish: '发布文件', withdraw: '撤回文件', validity: '变更有效性', delete: '删除文件', redact: `抹除第${delivery.version}版` }[delivery.action]
  if (delivery.action === 'delete' || delivery.action === 'redact') return removeFromLibrary({ client, library, contentId, delivery, doing })
  const send = async (previousVersion: number | undefined, key: string) => {
    if (delivery.action === 'publish') {
      if (!outgoing.library) throw new DeliveryFailure('该类文件不推送到政策文件库', { isRetryable: false })
      const result = await client.push(contentId, { ...outgoing.library, version: delivery.version, ...(previousVersion ? { previousVersion } : {}) }, { idempotencyKey: key })
      return result.document
    }
    if (!previousVersion) throw new DeliveryFailure(`政策文件库中没有该文件，无法${doing}`, { isRetryable: false })
    if (delivery.action === 'withdraw') {
      return client.withdraw(contentId, { version: delivery.version, previousVersion, notice: (delivery.notice ?? '').trim() || '本文件已撤回。' }, { idempotencyKey: key })
    }
    return client.changeValidity(
      contentId,
      { version: delivery.version, previousVersion, validity: delivery.validity ?? 'expired', ...(delivery.expiresAt ? { expiresAt: delivery.expiresAt } : {}) },
      { idempotencyKey: key },
    )
  }
  const outcome = (document: { version: number }): TargetOutcome => ({
    state: 'delivered',
    externalId: contentId,
    externalUrl: `${library.url}/v1/documents/${encodeURIComponent(contentId)}`,
    note: `政策文件库版本 ${document.version}`,
  })
  const previous = delivery.version > 1 ? delivery.version - 1 : undefined
  try {
    return outcome(await send(previous, delivery.idempotencyKey))
  } catch (error) {
    if (!(error instanceof PolicyLibraryConflictError)) throw libraryFailure(error, doing)
    const current = error.currentVersion
    // An earlier attempt of this very delivery went through but its answer was lost.
    if (current !== undefined && current >= delivery.version) return outcome({ version: current })
    // An earlier delivery of this document (e.g. its publication) has not arrived yet: keep the order.
    if (delivery.hasEarlierPending) {
      throw new DeliveryFailure(`等待本文件此前的推送完成（政策文件库当前版本 ${current ?? '无'}）`, { isRetryable: true })
    }
    // An earlier delivery failed for good or was cancelled: build on what the library holds.
    try {
      return outcome(await send(current, `${delivery.idempotencyKey}:on-${current ?? 0}`))
    } catch (retryError) {
      throw libraryFailure(retryError, doing)
    }
  }
}
