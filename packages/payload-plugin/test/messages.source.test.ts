import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Every message a user reads comes from the `gongkai` translations in the request's language (issues 11 and 12):
// no Chinese (or any other) wording is thrown, returned by a field validation or put into a field problem as a
// string literal. This reads the source with TypeScript's parser; src/translations/ is where the words live.

const sourceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src')
const chinese = /\p{Script=Han}/u

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) return entry.name === 'translations' ? [] : sourceFiles(full)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

/** String and template literals holding Chinese inside `node`, as `file:line text`. */
function chineseLiterals(node: ts.Node, source: ts.SourceFile, file: string): string[] {
  const found: string[] = []
  const visit = (child: ts.Node) => {
    if (ts.isStringLiteral(child) || ts.isNoSubstitutionTemplateLiteral(child) || ts.isTemplateExpression(child)) {
      const text = child.getText(source)
      if (chinese.test(text)) found.push(`${file}:${source.getLineAndCharacterOfPosition(child.getStart(source)).line + 1} ${text}`)
      return
    }
    ts.forEachChild(child, visit)
  }
  visit(node)
  return found
}

const errorClass = /(?:^|\.)(?:\w*Error|Forbidden|NotFound)$/

/**
 * A delivery failure is not said to anyone: the background worker, which has no request and so no reader's
 * language, records it on the delivery (`lastError`) in Chinese, as the 操作日志 records reasons.
 */
const recordedNotSaid = (node: ts.Node, source: ts.SourceFile) => {
  const created = ts.isThrowStatement(node) ? node.expression : node
  if (created === undefined) return false
  if (ts.isNewExpression(created)) return created.expression.getText(source) === 'DeliveryFailure'
  return ts.isCallExpression(created) && created.expression.getText(source) === 'libraryFailure'
}

/** Chinese literals a user would read as a message: thrown, constructed as an error, or given as a problem's `message`. */
function messagesIn(source: ts.SourceFile, file: string): string[] {
  const found: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isThrowStatement(node) || (ts.isNewExpression(node) && errorClass.test(node.expression.getText(source)))) {
      if (!recordedNotSaid(node, source)) found.push(...chineseLiterals(node, source, file))
      return
    }
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'message') found.push(...chineseLiterals(node.initializer, source, file))
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function messagesWrittenInPlace(): string[] {
  const found = sourceFiles(sourceRoot).flatMap((full) => {
    const source = ts.createSourceFile(full, readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true, full.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
    return messagesIn(source, path.relative(sourceRoot, full))
  })
  return [...new Set(found)]
}

/** Chinese literals returned by a field validation (src/validations: a returned string is the field's error). */
function validationMessagesWrittenInPlace(): string[] {
  const found: string[] = []
  for (const full of sourceFiles(path.join(sourceRoot, 'validations'))) {
    const file = path.relative(sourceRoot, full)
    const source = ts.createSourceFile(full, readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node) => {
      if (ts.isReturnStatement(node) && node.expression) found.push(...chineseLiterals(node.expression, source, file))
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

describe('messages are not written in place', () => {
  it('throws, constructs and reports no Chinese string literal as a message (the words live in src/translations/)', () => {
    expect(messagesWrittenInPlace()).toEqual([])
  })

  it('returns no Chinese string literal from a field validation', () => {
    expect(validationMessagesWrittenInPlace()).toEqual([])
  })

  it('would find one (the scan reads what it claims to)', () => {
    const probe = [
      'throw new WorkflowError(`${label}不能发布`, 409)',
      "errors.push({ path: 'x', message: '缺少标题' })",
      "const failure = new APIError('找不到', 404)",
      "throw new WorkflowError(message(req, 'documentNotFound', { id }), 404)",
      "throw new DeliveryFailure('文件已被删除，无法推送', { isRetryable: false })",
    ].join('\n')
    const source = ts.createSourceFile('probe.ts', probe, ts.ScriptTarget.Latest, true)
    expect(messagesIn(source, 'probe.ts')).toEqual(['probe.ts:1 `${label}不能发布`', "probe.ts:2 '缺少标题'", "probe.ts:3 '找不到'"])
  })
})
