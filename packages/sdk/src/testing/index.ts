/**
 * @gongkai/sdk/testing — local servers that follow the WeChat official-account and Weibo open-platform
 * protocols (endpoints, validation, error codes as the platforms send them), on 127.0.0.1 with a random
 * port. Integrators test their delivery code against them instead of the real platforms; Gongkai's own
 * packages test theirs the same way. Node only (`node:http`).
 */
export { startFakeWeChat, type FakeWeChat, type PublishScenario } from './fakeWeChatServer.js'
export { startFakeWeibo, type FakeWeibo } from './fakeWeiboServer.js'
export { fakePng, parseForm, parseJson, startTestServer, type ReceivedRequest, type Reply, type TestServer } from './httpServer.js'
