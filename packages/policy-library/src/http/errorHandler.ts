import type { ErrorRequestHandler } from 'express'
import type { Logger } from 'pino'
import { DomainError } from '../domain/errors.js'
import { problem, problemOf, ProblemError, sendProblem } from './problem.js'

/** Turns every error into problem+json: the rules' domain errors, our ProblemErrors, body-parser errors (4xx), unique violations (409), the rest 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    if (response.headersSent) {
      request.socket.destroy()
      return
    }
    if (error instanceof DomainError) {
      sendProblem(response, problemOf(error))
      return
    }
    if (error instanceof ProblemError) {
      if (error.problem.status === 401) response.set('WWW-Authenticate', 'Bearer')
      sendProblem(response, error.problem)
      return
    }
    // body-parser errors carry a status and a type.
    const parserError = error as { status?: number; type?: string; message?: string }
    if (parserError.type === 'entity.parse.failed') {
      sendProblem(response, problem('malformedJson', `请求体不是合法的 JSON：${parserError.message ?? ''}`))
      return
    }
    if (parserError.type === 'entity.too.large') {
      sendProblem(response, problem('payloadTooLarge', '请求体超过大小上限'))
      return
    }
    if (parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported') {
      sendProblem(response, problem('unsupportedMediaType', '请求体应为 UTF-8 编码的 JSON'))
      return
    }
    if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      sendProblem(response, { ...problem('validation', parserError.message), status: parserError.status })
      return
    }
    const code = (error as { code?: string }).code
    if (code === '23505') {
      sendProblem(response, problem('conflict', '与已存储的数据冲突（唯一约束），例如索引号已被另一个文件使用；请重试'))
      return
    }
    if (code === '40P01' || code === '40001') {
      // Still deadlocked after the write's retries: nothing was kept, trying again is safe.
      response.set('Retry-After', '1')
      sendProblem(response, problem('unavailable', '写入与其他请求冲突，未保存任何内容；请稍后重试'))
      return
    }
    logger.error({ err: error, method: request.method, url: request.originalUrl }, 'request failed')
    sendProblem(response, problem('internal', '服务器内部错误'))
  }
}
