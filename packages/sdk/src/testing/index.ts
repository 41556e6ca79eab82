/**
 * @gongkai/sdk/testing — local servers that follow the WeChat official-account and Weibo open-platform
 * protocols (endpoints, validation, error codes as the platforms send them), on 127.0.0.1 with a random
 * port. Integrators test their delivery code against them instead of the real platforms; Gongkai's own
 * packages test theirs the same way. Node only (`node:http`).
 */
export { startFakeWeChat, type FakeWeChat, type PublishScenario } from './fakeWeChatServer'
export { startFakeWeibo, type FakeWeibo } from './fakeWeiboServer'
export { fakePng, parseForm, parseJson, startTestServer, type ReceivedRequest, type Reply, type TestServer } from './httpServer'
