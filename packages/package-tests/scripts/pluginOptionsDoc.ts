import path from 'node:path'

import ts from 'typescript'

import { packageDirectory, workspaceRoot } from '../test/support/workspace'

/**
 * The options reference of docs/plugin-options.md, generated from the JSDoc of `GongkaiPluginOptions` (and the
 * delivery, library and channel option types under it) in the plugin's built declarations — what an
 * integrator's editor shows. `pnpm --filter @gongkai/package-tests docs:options` rewrites the document;
 * test/pluginOptions.test.ts fails when it is out of date.
 */
export const docPath = path.join(workspaceRoot, 'docs', 'plugin-options.md')
export const startMarker = '<!-- generated from GongkaiPluginOptions: pnpm --filter @gongkai/package-tests docs:options -->'
export const endMarker = '<!-- end of generated options -->'

export type DocumentedOption = { name: string; type: string; isRequired: boolean; description: string; defaultValue?: string; example?: string }
export type OptionTable = { heading: string; options: DocumentedOption[] }

function tagText(tag: ts.JSDocTagInfo): string {
  return ts.displayPartsToString(tag.text).trim()
}

function optionsOf(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): DocumentedOption[] {
  return checker.getPropertiesOfType(type).map((property) => {
    const tags = property.getJsDocTags(checker)
    const declaration = property.valueDeclaration ?? property.declarations?.[0]
    const propertyType = checker.getTypeOfSymbolAtLocation(property, declaration ?? at)
    const typeText = declaration && ts.isPropertySignature(declaration) && declaration.type ? declaration.type.getText() : checker.typeToString(propertyType)
    const defaultTag = tags.find((tag) => tag.name === 'default')
    const exampleTag = tags.find((tag) => tag.name === 'example')
    return {
      name: property.name,
      type: typeText.replace(/\s+/gu, ' '),
      isRequired: (property.flags & ts.SymbolFlags.Optional) === 0,
      description: ts.displayPartsToString(property.getDocumentationComment(checker)).replace(/\s+/gu, ' ').trim(),
      ...(defaultTag ? { defaultValue: tagText(defaultTag).replace(/\s+/gu, ' ') } : {}),
      ...(exampleTag ? { example: tagText(exampleTag).replace(/\s+/gu, ' ') } : {}),
    }
  })
}

let cached: OptionTable[] | undefined

/** The option tables, read from the plugin's dist/index.d.ts with the TypeScript checker (once a process). */
export function readPluginOptions(): OptionTable[] {
  cached ??= readDeclarations()
  return cached
}

function readDeclarations(): OptionTable[] {
  const entry = path.join(packageDirectory('payload-plugin'), 'dist', 'index.d.ts')
  const program = ts.createProgram([entry], { strict: true, skipLibCheck: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(entry)
  if (!source) throw new Error(`cannot read ${entry}`)
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source) as ts.Symbol)
  const typeNamed = (name: string): ts.Type => {
    const symbol = exported.find((candidate) => candidate.name === name)
    if (!symbol) throw new Error(`@gongkai/payload-plugin does not export ${name}`)
    return checker.getDeclaredTypeOfSymbol(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol)
  }
  const propertyType = (type: ts.Type, name: string): ts.Type => {
    const property = type.getProperty(name)
    if (!property) throw new Error(`no option ${name}`)
    return checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(property, source))
  }
  const plugin = typeNamed('GongkaiPluginOptions')
  const delivery = propertyType(plugin, 'delivery')
  const channel = checker.getNonNullableType(checker.getIndexTypeOfType(propertyType(delivery, 'channels'), ts.IndexKind.String) as ts.Type)
  const tables: OptionTable[] = [
    { heading: '`gongkaiPlugin(options)`', options: optionsOf(checker, plugin, source) },
    { heading: '`delivery`', options: optionsOf(checker, delivery, source) },
    { heading: '`delivery.library`', options: optionsOf(checker, propertyType(delivery, 'library'), source) },
  ]
  for (const member of channel.isUnion() ? channel.types : [channel]) {
    const kind = member.getProperty('kind')
    const kindType = kind ? checker.typeToString(checker.getTypeOfSymbolAtLocation(kind, source)) : 'unknown'
    tables.push({ heading: `\`delivery.channels.<name>\` with \`kind: ${kindType}\``, options: optionsOf(checker, member, source) })
  }
  return tables
}

const cell = (text: string) => text.replace(/\|/gu, '\\|')

export function renderOptionTables(tables: OptionTable[]): string {
  return tables
    .map(({ heading, options }) => {
      const rows = options.map(({ name, type, isRequired, description, defaultValue, example }) =>
        [
          `\`${name}\`${isRequired ? ' (required)' : ''}`,
          `\`${cell(type)}\``,
          cell(defaultValue ?? (isRequired ? '—' : 'undefined')),
          cell(`${description}${example ? ` Example: ${example}` : ''}`),
        ].join(' | '),
      )
      return `### ${heading}\n\n| Option | Type | Default | What it does |\n| --- | --- | --- | --- |\n${rows.map((row) => `| ${row} |`).join('\n')}\n`
    })
    .join('\n')
}

/** docs/plugin-options.md with its generated part replaced by what the declarations say now. */
export function renderPluginOptionsDoc(current: string): string {
  const start = current.indexOf(startMarker)
  const end = current.indexOf(endMarker)
  if (start < 0 || end < start) throw new Error(`${docPath} lacks the markers of its generated part`)
  return `${current.slice(0, start + startMarker.length)}\n\n${renderOptionTables(readPluginOptions())}\n${current.slice(end)}`
}
