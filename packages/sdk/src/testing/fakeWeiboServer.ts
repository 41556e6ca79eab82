import { parseForm, startTestServer, type ReceivedRequest, type Reply, type TestServer } from './httpServer.js'
import { countWeiboLength } from '../channels/weibo/countWeiboLength.js'

/**
 * A local stand-in for api.weibo.com: `POST /2/statuses/share.json` (form fields access_token, status,
 * optional multipart pic < 5 MB; the status must carry a URL on the bound safe domain, else 10017) and
 * `GET /2/statuses/show.json`, and `POST /2/statuses/destroy.json` (form fields access_token, id; answers
 * the deleted status; 20101 when there is no such status). Errors are HTTP 4xx `{error, error_code,
 * request}` as Weibo sends them.
 */
export type FakeWeibo = TestServer & {
  accessToken: string
  boundDomain: string
  posts: Map<string, { status: string; picture?: { name: string; type: string; size: number } }>
  /** Next `count` posts answer 10023 (user rate limit). */
  limitRate: (count: number) => void
  deletePost: (id: string) => void
  /** Statuses removed through `statuses/destroy.json`. */
  destroyed: string[]
  /** Handle the next request, then drop the connection without answering. */
  dropNextAnswer: () => void
}

export async function startFakeWeibo(): Promise<FakeWeibo> {
  const accessToken = '2.00weibo-token-do-not-log'
  const boundDomain = 'www.wuqing.gov.cn'
  const posts: FakeWeibo['posts'] = new Map()
  let rateLimited = 0
  const destroyed: string[] = []
  let shouldDropNextAnswer = false
  let serial = 4_900_000_000_000_000

  const error = (status: number, request: string, code: number, message: string): Reply => ({
    status,
    body: { request, error_code: code, error: message },
  })

  async function handle(request: ReceivedRequest): Promise<Reply> {
    const reply = await route(request)
    if (!shouldDropNextAnswer) return reply
    shouldDropNextAnswer = false
    return { ...reply, shouldDropConnection: true }
  }

  async function route(request: ReceivedRequest): Promise<Reply> {
    const path = request.url.pathname
    if (path === '/2/statuses/show.json' && request.method === 'GET') {
      if (request.url.searchParams.get('access_token') !== accessToken) return error(403, path, 21332, 'invalid_access_token')
      const id = request.url.searchParams.get('id') ?? ''
      const post = posts.get(id)
      if (!post) return error(400, path, 20101, 'target weibo does not exist!')
      return { body: { id: Number(id), idstr: id, text: post.status } }
    }
    if (path === '/2/statuses/destroy.json' && request.method === 'POST') return await destroy(request)
    if (path !== '/2/statuses/share.json' || request.method !== 'POST') return error(404, path, 10014, 'Insufficient app permissions!')
    const contentType = String(request.headers['content-type'] ?? '')
    if (!contentType.startsWith('multipart/form-data') && !contentType.startsWith('application/x-www-form-urlencoded')) {
      return error(400, path, 10016, 'miss required parameter (status), see doc for more info.')
    }
    const form = await parseForm(request)
    const token = form.get('access_token')
    if (!token) return error(403, path, 21301, 'auth faild!')
    if (token !== accessToken) return error(403, path, 21332, 'invalid_access_token')
    if (rateLimited > 0) {
      rateLimited--
      return error(403, path, 10023, 'User requests out of rate limit!')
    }
    const status = form.get('status')
    if (typeof status !== 'string' || status.trim() === '') return error(400, path, 10016, 'miss required parameter (status), see doc for more info.')
    if (countWeiboLength(status) > 140) return error(400, path, 20012, 'Text too long, please input text less than 140 characters!')
    const urls = status.match(/https?:\/\/[^\s]+/gu) ?? []
    const hasBoundUrl = urls.some((url) => {
      const host = new URL(url).hostname
      return host === boundDomain || host.endsWith(`.${boundDomain}`)
    })
    if (!hasBoundUrl) return error(400, path, 10017, 'parameter (status)\'s value invalid, expect (safe domain url), see doc for more info.')
    if ([...posts.values()].some((post) => post.status === status)) return error(400, path, 20019, 'Repeat content!')
    const pic = form.get('pic')
    let picture: { name: string; type: string; size: number } | undefined
    if (pic !== null) {
      if (!(pic instanceof File)) return error(400, path, 20005, 'unsupported image type, only suport JPG, GIF, PNG!')
      if (pic.size >= 5 * 1024 * 1024) return error(400, path, 20006, 'image size too large.')
      if (!['image/jpeg', 'image/png', 'image/gif'].includes(pic.type)) return error(400, path, 20005, 'unsupported image type, only suport JPG, GIF, PNG!')
      picture = { name: pic.name, type: pic.type, size: pic.size }
    }
    const id = String(++serial)
    posts.set(id, { status, ...(picture ? { picture } : {}) })
    return { body: { id: Number(id), idstr: id, mid: id, text: status, user: { id: 1_234_567, idstr: '1234567' } } }
  }

  async function destroy(request: ReceivedRequest): Promise<Reply> {
    const path = request.url.pathname
    const contentType = String(request.headers['content-type'] ?? '')
    if (!contentType.startsWith('multipart/form-data') && !contentType.startsWith('application/x-www-form-urlencoded')) {
      return error(400, path, 10016, 'miss required parameter (id), see doc for more info.')
    }
    const form = await parseForm(request)
    const token = form.get('access_token')
    if (!token) return error(403, path, 21301, 'auth faild!')
    if (token !== accessToken) return error(403, path, 21332, 'invalid_access_token')
    const id = form.get('id')
    if (typeof id !== 'string' || id === '') return error(400, path, 10016, 'miss required parameter (id), see doc for more info.')
    if (!/^\d+$/u.test(id)) return error(400, path, 10008, 'param error, see doc for more info.')
    const post = posts.get(id)
    if (!post) return error(400, path, 20101, 'target weibo does not exist!')
    posts.delete(id)
    destroyed.push(id)
    return { body: { id: Number(id), idstr: id, mid: id, text: post.status, user: { id: 1_234_567, idstr: '1234567' } } }
  }

  const server = await startTestServer(handle)
  return Object.assign(server, {
    accessToken,
    boundDomain,
    posts,
    destroyed,
    dropNextAnswer: () => {
      shouldDropNextAnswer = true
    },
    limitRate: (count: number) => {
      rateLimited = count
    },
    deletePost: (id: string) => {
      posts.delete(id)
    },
  })
}
