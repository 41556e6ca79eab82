import { parseForm, parseJson, startTestServer, type ReceivedRequest, type Reply, type TestServer } from './httpServer.js'

/**
 * A local stand-in for api.weixin.qq.com following its published protocol: stable_token, media/uploadimg,
 * material/add_material, draft/add, freepublish/submit, freepublish/get and freepublish/delete, with
 * their validation and error codes (`{errcode, errmsg}` with HTTP 200). A deleted article's publish
 * answers publish_status 5.
 */
export type PublishScenario = {
  /** `freepublish/get` answers publish_status 1 this many times before the final state. */
  pollsWhilePublishing: number
  /** Final publish_status: 0 success, 2..6 failures. */
  finalStatus: number
}

export type FakeWeChat = TestServer & {
  appId: string
  appSecret: string
  tokensIssued: string[]
  uploadedImages: Array<{ filename: string; type: string; size: number; url: string }>
  materials: Array<{ mediaId: string; size: number }>
  drafts: Map<string, { articles: Array<Record<string, unknown>> }>
  submissions: Array<{ mediaId: string; publishId: string }>
  /** `freepublish/delete` calls carried out. */
  deletions: Array<{ articleId: string; index: number }>
  /** Marks every issued token as expired: the next call with one gets 42001. */
  expireTokens: () => void
  /**
   * Invalidates every issued token as another client's `force_refresh` does: the next call with one gets
   * 40001, and stable_token issues a new one.
   */
  revokeTokens: () => void
  /** Every token issued from now on is already superseded (40001 on first use), as when another system keeps force-refreshing. */
  isRevokingNewTokens: boolean
  /** Handle the next call to `path`, then drop the connection without answering. */
  dropAnswer: (path: string) => void
  /** Next `count` calls to `path` answer 45009. */
  exhaustQuota: (path: string, count: number) => void
  /** Answers 48001 on freepublish/* (an unverified account). */
  isPublishUnauthorised: boolean
  /** Answers 40164 on every API call from this "IP". */
  blockedIp?: string
  scenario: PublishScenario
}

const ok = { errcode: 0, errmsg: 'ok' }
const error = (errcode: number, errmsg: string): Reply => ({ body: { errcode, errmsg } })

export async function startFakeWeChat(input: { scenario?: PublishScenario; expiresIn?: number } = {}): Promise<FakeWeChat> {
  const appId = 'wx1234567890abcdef'
  const appSecret = 'secret-do-not-log-0123456789'
  const validTokens = new Map<string, boolean>()
  const quota = new Map<string, number>()
  const materialIds = new Set<string>()
  const publishes = new Map<string, { polls: number; scenario: PublishScenario; mediaId: string; isDeleted: boolean }>()
  const droppedAnswers = new Set<string>()
  let serial = 0
  let currentToken: string | undefined

  const state = {
    appId,
    appSecret,
    tokensIssued: [] as string[],
    uploadedImages: [] as FakeWeChat['uploadedImages'],
    materials: [] as FakeWeChat['materials'],
    drafts: new Map<string, { articles: Array<Record<string, unknown>> }>(),
    submissions: [] as FakeWeChat['submissions'],
    deletions: [] as FakeWeChat['deletions'],
    isPublishUnauthorised: false,
    isRevokingNewTokens: false,
    blockedIp: undefined as string | undefined,
    scenario: input.scenario ?? { pollsWhilePublishing: 0, finalStatus: 0 },
  }

  async function handle(request: ReceivedRequest): Promise<Reply> {
    const path = request.url.pathname.replace(/^\/cgi-bin\//u, '')
    if (request.method !== 'POST') return { status: 405, body: 'method not allowed' }
    if (path === 'stable_token') return issueToken(request)

    const token = request.url.searchParams.get('access_token')
    if (!token) return error(41001, 'access_token missing rid: test')
    if (!validTokens.has(token)) return error(40001, 'invalid credential, access_token is invalid or not latest rid: test')
    if (validTokens.get(token) === false) return error(42001, 'access_token expired rid: test')
    if (state.blockedIp) return error(40164, `invalid ip ${state.blockedIp} ipv6 ::ffff:${state.blockedIp}, not in whitelist rid: test`)
    const remaining = quota.get(path) ?? 0
    if (remaining > 0) {
      quota.set(path, remaining - 1)
      return error(45009, 'reach max api daily quota limit rid: test')
    }
    if (path.startsWith('freepublish/') && state.isPublishUnauthorised) return error(48001, 'api unauthorized rid: test')

    const reply = await route(path, request)
    if (droppedAnswers.delete(path)) return { ...reply, shouldDropConnection: true }
    return reply
  }

  async function route(path: string, request: ReceivedRequest): Promise<Reply> {
    switch (path) {
      case 'media/uploadimg':
        return await uploadImage(request)
      case 'material/add_material':
        return await addMaterial(request)
      case 'draft/add':
        return addDraft(request)
      case 'freepublish/submit':
        return submit(request)
      case 'freepublish/get':
        return getPublish(request)
      case 'freepublish/delete':
        return deletePublished(request)
      default:
        return error(48001, 'api unauthorized')
    }
  }

  function issueToken(request: ReceivedRequest): Reply {
    let body: Record<string, unknown>
    try {
      body = parseJson(request)
    } catch {
      return error(47001, 'data format error')
    }
    if (body.grant_type !== 'client_credential') return error(40002, 'invalid grant_type')
    if (body.appid !== appId) return error(40013, 'invalid appid')
    if (body.secret !== appSecret) return error(40125, 'invalid appsecret')
    // stable_token: the same token until it expires, unless force_refresh.
    if (!currentToken || !validTokens.get(currentToken) || body.force_refresh === true) {
      currentToken = `token-${++serial}-${Math.random().toString(36).slice(2)}`
      if (!state.isRevokingNewTokens) validTokens.set(currentToken, true)
      state.tokensIssued.push(currentToken)
    }
    return { body: { access_token: currentToken, expires_in: input.expiresIn ?? 7200 } }
  }

  async function readMedia(request: ReceivedRequest): Promise<File | Reply> {
    const contentType = String(request.headers['content-type'] ?? '')
    if (!contentType.startsWith('multipart/form-data')) return error(41005, 'media data missing')
    const form = await parseForm(request)
    const media = form.get('media')
    if (!(media instanceof File)) return error(41005, 'media data missing')
    return media
  }

  async function uploadImage(request: ReceivedRequest): Promise<Reply> {
    const media = await readMedia(request)
    if (!(media instanceof File)) return media
    if (!['image/jpeg', 'image/png'].includes(media.type)) return error(40005, 'invalid file type')
    if (media.size >= 1024 * 1024) return error(40009, 'invalid image size')
    const url = `http://mmbiz.qpic.cn/mmbiz_png/test${++serial}/0?wx_fmt=png`
    state.uploadedImages.push({ filename: media.name, type: media.type, size: media.size, url })
    return { body: { url } }
  }

  async function addMaterial(request: ReceivedRequest): Promise<Reply> {
    const type = request.url.searchParams.get('type')
    if (!type || !['image', 'thumb', 'voice', 'video'].includes(type)) return error(40004, 'invalid media type')
    const media = await readMedia(request)
    if (!(media instanceof File)) return media
    if (type === 'image' && media.size > 10 * 1024 * 1024) return error(40009, 'invalid image size')
    const mediaId = `material-${++serial}`
    materialIds.add(mediaId)
    state.materials.push({ mediaId, size: media.size })
    return { body: { media_id: mediaId, url: `http://mmbiz.qpic.cn/mmbiz_png/${mediaId}/0` } }
  }

  function addDraft(request: ReceivedRequest): Reply {
    const body = parseJson(request)
    const articles = body.articles
    if (!Array.isArray(articles) || articles.length === 0) return error(40007, 'invalid media_id')
    for (const article of articles as Array<Record<string, unknown>>) {
      const title = String(article.title ?? '')
      const content = String(article.content ?? '')
      if (!title) return error(44003, 'empty news data')
      if ([...title].length > 32) return error(45003, 'title size out of limit')
      if (article.author !== undefined && [...String(article.author)].length > 16) return error(45110, 'author size out of limit')
      if (article.digest !== undefined && [...String(article.digest)].length > 128) return error(45004, 'description size out of limit')
      if (!content) return error(44004, 'empty content')
      if (content.length >= 20_000 || Buffer.byteLength(content) >= 1024 * 1024) return error(45002, 'content size out of limit')
      if (!materialIds.has(String(article.thumb_media_id))) return error(40007, 'invalid media_id')
      // The platform strips scripts and drops images not hosted by WeChat.
      article.content = content
        .replace(/<script[\s\S]*?<\/script>/giu, '')
        .replace(/<img\b[^>]*\bsrc="(?!https?:\/\/mmbiz\.qpic\.cn\/)[^"]*"[^>]*>/giu, '')
    }
    const mediaId = `draft-${++serial}`
    state.drafts.set(mediaId, { articles: articles as Array<Record<string, unknown>> })
    return { body: { media_id: mediaId } }
  }

  function submit(request: ReceivedRequest): Reply {
    const { media_id: mediaId } = parseJson(request)
    if (typeof mediaId !== 'string' || !state.drafts.has(mediaId)) return error(40007, 'invalid media_id')
    const publishId = String(2247483000 + ++serial)
    publishes.set(publishId, { polls: 0, scenario: { ...state.scenario }, mediaId, isDeleted: false })
    state.submissions.push({ mediaId, publishId })
    return { body: { ...ok, publish_id: publishId, msg_data_id: 2247483000 + serial } }
  }

  function getPublish(request: ReceivedRequest): Reply {
    const { publish_id: publishId } = parseJson(request)
    const publish = publishes.get(String(publishId))
    if (!publish) return error(40007, 'invalid media_id')
    publish.polls++
    if (publish.isDeleted) return { body: { publish_id: publishId, publish_status: 5, fail_idx: [] } }
    if (publish.polls <= publish.scenario.pollsWhilePublishing) {
      return { body: { publish_id: publishId, publish_status: 1 } }
    }
    const status = publish.scenario.finalStatus
    if (status === 0) {
      return {
        body: {
          publish_id: publishId,
          publish_status: 0,
          article_id: `article-${publishId}`,
          article_detail: { count: 1, item: [{ idx: 1, article_url: `https://mp.weixin.qq.com/s/${publishId}` }] },
          fail_idx: [],
        },
      }
    }
    return { body: { publish_id: publishId, publish_status: status, fail_idx: [1] } }
  }

  /** `{article_id, index?}`: index 0 or absent deletes every article of the message, n the n-th (from 1). */
  function deletePublished(request: ReceivedRequest): Reply {
    let body: Record<string, unknown>
    try {
      body = parseJson(request)
    } catch {
      return error(47001, 'data format error')
    }
    const { article_id: articleId, index = 0 } = body
    if (typeof articleId !== 'string' || articleId === '') return error(47001, 'data format error')
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) return error(47001, 'data format error')
    const publishId = articleId.replace(/^article-/u, '')
    const publish = publishes.get(publishId)
    const isLive = publish && !publish.isDeleted && publish.polls > publish.scenario.pollsWhilePublishing && publish.scenario.finalStatus === 0
    if (!publish || !isLive || !articleId.startsWith('article-')) return error(40007, 'invalid media_id')
    const count = state.drafts.get(publish.mediaId)?.articles.length ?? 1
    if (index > count) return error(40007, 'invalid media_id')
    publish.isDeleted = true
    state.deletions.push({ articleId, index })
    return { body: ok }
  }

  const server = await startTestServer(handle)
  return Object.assign(state, server, {
    expireTokens: () => {
      for (const token of validTokens.keys()) validTokens.set(token, false)
    },
    exhaustQuota: (path: string, count: number) => {
      quota.set(path, count)
    },
    revokeTokens: () => {
      validTokens.clear()
      currentToken = undefined
    },
    dropAnswer: (path: string) => {
      droppedAnswers.add(path)
    },
  })
}
