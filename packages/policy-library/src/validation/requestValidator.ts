import type { ErrorObject, ValidateFunction } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { fullFormats } from 'ajv-formats/dist/formats.js'
import localize from 'ajv-i18n/localize/zh/index.js'
import type { RequestHandler } from 'express'
import { InvalidInput, UnsupportedBody } from '../domain/errors.js'
import type { FieldError } from '../domain/types.js'
import type { OpenApiDocument } from '../spec/openapiDocument.js'
import { labelOf } from './fieldLabels.js'
import { inspectInput, type InputLimits } from './inspectInput.js'

/**
 * Request validation driven by the OpenAPI document: for each operation, path, query and header
 * parameters and the JSON body are checked with Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1)
 * with every error collected, so one answer names every invalid field. Unknown query parameters are
 * rejected like unknown body fields.
 */

type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Record<string, unknown> }
type Operation = { operationId: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: unknown }> } }

export type ValidatedRequest = {
  params: Record<string, unknown>
  query: Record<string, unknown>
  body: unknown
}

const specId = 'openapi.json'

function rebaseRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebaseRefs)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        key === '$ref' && typeof child === 'string' && child.startsWith('#/') ? `${specId}${child}` : rebaseRefs(child),
      ]),
    )
  }
  return value
}

function resolve<T>(document: OpenApiDocument, value: unknown): T {
  const ref = (value as { $ref?: string }).$ref
  if (!ref) return value as T
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')], document)
  return target as T
}

export function createAjv(document: OpenApiDocument): Ajv2020 {
  // strict: false because the OpenAPI document around the schemas has non-schema keys (paths, info).
  const ajv = new Ajv2020({ allErrors: true, strict: false, messages: true })
  addFormats(ajv)
  // RFC 3339 allows a leap second (23:59:60), which JavaScript dates (and so our answers) cannot hold.
  const dateTime = fullFormats['date-time'] as { validate: (text: string) => boolean; compare: (a: string, b: string) => number | undefined }
  ajv.addFormat('date-time', { validate: (text: string) => dateTime.validate(text) && Number.isFinite(Date.parse(text)), compare: dateTime.compare })
  ajv.addSchema({ ...document, $id: specId })
  return ajv
}

/** The spec's patterns that have a message of their own. */
const urlPattern = '^[Hh][Tt][Tt][Pp][Ss]?://'
const datePattern = '^(1949|19[5-9][0-9]|2[01][0-9]{2})-'

/** Errors listed at most in one answer (the rest are counted): 50,000 invalid codes must not become a 5 MB answer. */
export const maxReportedErrors = 20

/** The limits of `inspectInput`, the largest array from the spec itself. */
export function inputLimitsOf(document: OpenApiDocument): InputLimits {
  let maxArrayItems = 0
  const stack: unknown[] = [document]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node || typeof node !== 'object') continue
    const maxItems = (node as { maxItems?: unknown }).maxItems
    if (typeof maxItems === 'number' && maxItems > maxArrayItems) maxArrayItems = maxItems
    stack.push(...Object.values(node))
  }
  return { maxDepth: 32, maxArrayItems, maxProperties: 64, maxErrors: maxReportedErrors }
}

/** Caps a list of errors, ending it with one that says how many were left out. */
export function capErrors(errors: FieldError[], total = errors.length): FieldError[] {
  if (total <= maxReportedErrors && errors.length <= maxReportedErrors) return errors
  const shown = errors.slice(0, maxReportedErrors)
  return [...shown, { pointer: '/', rule: 'maxErrors', detail: `另有 ${Math.max(total, errors.length) - shown.length} 处错误未列出` }]
}

/**
 * The batch envelope without the items' documents: those are validated one by one, so one invalid
 * historical document is answered in its result instead of failing the whole batch.
 */
export function batchEnvelopeValidator(ajv: Ajv2020, document: OpenApiDocument): ValidateFunction {
  // The item limits are the spec's own (BatchRequest.items), never copied here.
  const batch = document.components.schemas.BatchRequest as { properties: { items: { minItems: number; maxItems: number } } }
  const { minItems, maxItems } = batch.properties.items
  return ajv.compile({
    type: 'object',
    additionalProperties: false,
    required: ['items'],
    properties: {
      items: {
        type: 'array',
        minItems,
        maxItems,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['contentId', 'document'],
          properties: { contentId: { $ref: `${specId}#/components/schemas/ContentId` }, document: { type: 'object' } },
        },
      },
    },
  })
}

/** A validator for a named schema of `components.schemas` (also used by tests to check answers). */
export function schemaValidator(ajv: Ajv2020, name: string): ValidateFunction {
  return ajv.getSchema(`${specId}#/components/schemas/${name}`) ?? ajv.compile({ $ref: `${specId}#/components/schemas/${name}` })
}

export function fieldErrors(errors: ErrorObject[] | null | undefined, prefix: string): FieldError[] {
  if (!errors) return []
  localize(errors)
  const seen = new Set<string>()
  const formatted = new Set<string>()
  const result: FieldError[] = []
  for (const error of errors) {
    // `if`/`oneOf` wrappers repeat what their branches already said.
    if (error.keyword === 'if' || error.keyword === 'oneOf' || error.keyword === 'anyOf') continue
    let pointer = error.instancePath
    if (error.keyword === 'required') pointer += `/${String(error.params.missingProperty)}`
    if (error.keyword === 'additionalProperties') pointer += `/${String(error.params.additionalProperty)}`
    const fullPointer = prefix ? `${prefix}${pointer.replace(/^\//, '')}` : pointer || '/'
    // A value of the wrong format usually breaks the pattern too (`not a url`): say it once.
    if (error.keyword === 'format' || error.keyword === 'pattern') {
      if (formatted.has(fullPointer)) continue
      formatted.add(fullPointer)
    }
    const detail = describe(error, fullPointer)
    const key = `${fullPointer} ${detail}`
    if (seen.has(key)) continue
    seen.add(key)
    result.push({ pointer: fullPointer, detail, rule: error.keyword })
  }
  return result
}

function describe(error: ErrorObject, pointer: string): string {
  switch (error.keyword) {
    case 'format':
      if (error.params.format === 'date') return `${labelOf(pointer)}应为 YYYY-MM-DD 格式的有效日期`
      if (error.params.format === 'date-time') return `${labelOf(pointer)}应为 RFC 3339 日期时间，如 2024-03-01T08:00:00+08:00（不接受闰秒 :60）`
      return `${labelOf(pointer)}${error.message ?? error.keyword}`
    case 'pattern':
      if (error.params.pattern === urlPattern) return `${labelOf(pointer)}只接受 http:// 或 https:// 网址`
      if (error.params.pattern === datePattern) return `${labelOf(pointer)}的年份应在 1949 至 2199 之间`
      return `${labelOf(pointer)}${error.message ?? error.keyword}`
    case 'required':
      // The pointer already ends with the missing field.
      return `缺少必填字段 ${labelOf(pointer)}`
    case 'additionalProperties':
      return `不允许的字段 ${String(error.params.additionalProperty)}`
    case 'type':
      return `${labelOf(pointer)}类型错误：应为 ${String(error.params.type)}`
    default:
      return `${labelOf(pointer)}${error.message ?? error.keyword}`
  }
}

/** A validator per operation; `body` replaces the document's body schema (the batch envelope checks items itself). */
export type RequestValidator = (operationId: string, options?: { body?: ValidateFunction }) => RequestHandler

export function createRequestValidator(document: OpenApiDocument, ajv: Ajv2020): RequestValidator {
  const limits = inputLimitsOf(document)
  const operations = new Map<string, (body?: ValidateFunction) => RequestHandler>()
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = ((item.parameters as unknown[]) ?? []).map((parameter) => resolve<Parameter>(document, parameter))
    for (const [method, value] of Object.entries(item)) {
      if (method === 'parameters') continue
      const operation = value as Operation
      const parameters = [...shared, ...(operation.parameters ?? []).map((parameter) => resolve<Parameter>(document, parameter))]
      operations.set(operation.operationId, (body) => buildHandler({ ajv, limits, parameters, operation, label: `${method.toUpperCase()} ${path}`, bodyOverride: body }))
    }
  }
  return (operationId, options) => {
    const build = operations.get(operationId)
    if (!build) throw new Error(`no operation ${operationId} in the OpenAPI document`)
    return build(options?.body)
  }
}

function coerce(raw: unknown, schema: Record<string, unknown>): unknown {
  if (typeof raw !== 'string') return raw
  const type = schema.type
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw
  return raw
}

function compileParameters(ajv: Ajv2020, parameters: Parameter[], location: Parameter['in']): ValidateFunction | undefined {
  const selected = parameters.filter((parameter) => parameter.in === location)
  if (selected.length === 0 && location !== 'query') return undefined
  return ajv.compile({
    type: 'object',
    properties: Object.fromEntries(selected.map((parameter) => [location === 'header' ? parameter.name.toLowerCase() : parameter.name, rebaseRefs(parameter.schema)])),
    required: selected.filter((parameter) => parameter.required).map((parameter) => (location === 'header' ? parameter.name.toLowerCase() : parameter.name)),
    additionalProperties: location !== 'query' && location !== 'path' ? true : false,
  })
}

function buildHandler({
  ajv,
  limits,
  parameters,
  operation,
  label,
  bodyOverride,
}: {
  ajv: Ajv2020
  limits: InputLimits
  parameters: Parameter[]
  operation: Operation
  label: string
  bodyOverride: ValidateFunction | undefined
}): RequestHandler {
  const pathValidator = compileParameters(ajv, parameters, 'path')
  const queryValidator = compileParameters(ajv, parameters, 'query')
  const headerValidator = compileParameters(ajv, parameters, 'header')
  const bodySchema = operation.requestBody?.content['application/json']?.schema
  const bodyValidator = bodySchema ? (bodyOverride ?? ajv.compile(rebaseRefs(bodySchema) as object)) : undefined
  const schemaOf = (location: Parameter['in'], name: string): Record<string, unknown> =>
    resolveSchema(ajv, parameters.find((parameter) => parameter.in === location && parameter.name === name)?.schema ?? {})

  return (request, response, next) => {
    // Hostile text, sizes and depths are refused before any schema runs (see inspectInput).
    const hasBody = bodyValidator !== undefined && request.is('application/json')
    const inspected = [
      inspectInput(request.params ?? {}, 'path/', limits),
      inspectInput(request.query, 'query/', limits),
      ...(hasBody ? [inspectInput(request.body, '', limits)] : []),
    ]
    const hostile = inspected.flatMap((result) => result.errors)
    if (hostile.length > 0) {
      const total = inspected.reduce((sum, result) => sum + result.total, 0)
      next(new InvalidInput(`请求有 ${total} 处不符合接口定义`, capErrors(hostile, total)))
      return
    }
    const errors: FieldError[] = []
    const params: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(request.params ?? {})) params[name] = coerce(value, schemaOf('path', name))
    if (pathValidator && !pathValidator(params)) errors.push(...fieldErrors(pathValidator.errors, 'path/'))

    const query: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
      query[name] = Array.isArray(value) ? value : coerce(value, schemaOf('query', name))
    }
    if (queryValidator && !queryValidator(query)) {
      errors.push(
        ...fieldErrors(queryValidator.errors, 'query/').map((error) =>
          error.rule === 'additionalProperties' ? { ...error, detail: `未知的查询参数 ${error.pointer.slice('query/'.length)}` } : error,
        ),
      )
    }
    if (headerValidator) {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([, value]) => value !== undefined))
      if (!headerValidator(headers)) errors.push(...fieldErrors(headerValidator.errors, 'header/'))
    }

    let body: unknown
    if (bodyValidator) {
      if (!request.is('application/json')) {
        next(new UnsupportedBody(`${label} 需要 Content-Type: application/json 的请求体`))
        return
      }
      body = request.body
      if (!bodyValidator(body)) errors.push(...fieldErrors(bodyValidator.errors, ''))
    }
    if (errors.length > 0) {
      next(new InvalidInput(`请求有 ${errors.length} 处不符合接口定义`, capErrors(errors)))
      return
    }
    const validated: ValidatedRequest = { params, query, body }
    response.locals.validated = validated
    next()
  }
}

function resolveSchema(ajv: Ajv2020, schema: Record<string, unknown>): Record<string, unknown> {
  const ref = schema.$ref
  if (typeof ref !== 'string') return schema
  const resolved = ajv.getSchema(ref.startsWith('#/') ? `${specId}${ref}` : ref)?.schema
  return resolved && typeof resolved === 'object' ? (resolved as Record<string, unknown>) : schema
}
