// @ts-check
/**
 * `npm run docs`: the documentation site. TypeDoc renders the guides in docs/*.md (typedoc.json
 * `projectDocuments`, docs/index.md as the home page) and the API reference of the package entries (`tripline`,
 * `tripline/core`, `tripline/codec`) from their doc comments into docs/api (gitignored), with TypeDoc's validation
 * (not exported, invalid links, not documented).
 *
 * Then a doc-comment audit: every export of every entry must have a summary, an `@example` and `@since`; the
 * missing ones are listed by source folder, so each folder's owner can fix theirs. `--strict` exits non-zero when
 * any is missing (and on TypeDoc errors); `--json <file>` writes the audit as JSON.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import * as td from 'typedoc'
import { entries, manifest, root } from './lib.mjs'

const args = process.argv.slice(2)
const strict = args.includes('--strict')
const jsonArg = args.indexOf('--json')
const jsonOut = jsonArg >= 0 ? args[jsonArg + 1] : undefined

const present = entries.filter((e) => existsSync(join(root, e.source)))
for (const e of entries.filter((x) => !present.includes(x)))
  console.warn(`! entry ${e.subpath} (${e.source}) does not exist yet: not documented`)
const config = /** @type {{ projectDocuments: string[] }} */ (
  JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8'))
)
const documents = config.projectDocuments.filter((d) => existsSync(join(root, d)))

const app = await td.Application.bootstrapWithPlugins({
  options: join(root, 'typedoc.json'),
  entryPoints: present.map((e) => join(root, e.source)),
  projectDocuments: documents,
})
const project = await app.convert()
if (project === undefined) {
  console.error('✗ typedoc could not convert the project (see the errors above)')
  process.exit(1)
}

// Name the modules after their import specifiers.
const name = manifest().name
/** @param {string} source */
const specifierOf = (source) => {
  const e = present.find((x) => x.source === source)
  return e === undefined ? undefined : e.subpath === '.' ? String(name) : `${name}/${e.subpath.slice(2)}`
}
for (const m of project.children ?? []) {
  const source = m.sources?.[0]?.fullFileName
  const specifier = source === undefined ? undefined : specifierOf(relative(root, source))
  if (specifier !== undefined) m.name = specifier
}

app.validate(project)
await app.generateDocs(project, join(root, 'docs', 'api'))
const typedocErrors = app.logger.errorCount
console.log(`\n✓ docs/api generated (${documents.length} guides, ${present.length} entries)`)

// The doc-comment audit.
/** @param {td.Comment | undefined} c */
const hasSummary = (c) => c?.summary.some((p) => p.text.trim().length > 0) ?? false
/** @param {td.Comment | undefined} c @param {`@${string}`} tag */
const hasTag = (c, tag) => c?.blockTags.some((t) => t.tag === tag) ?? false
/** @param {td.DeclarationReflection} r @returns {ReadonlyArray<td.Comment | undefined>} */
const commentsOf = (r) => [
  r.comment,
  ...(r.signatures ?? []).map((s) => s.comment),
  ...(r.getSignature ? [r.getSignature.comment] : []),
  ...(r.type?.type === 'reflection' ? (r.type.declaration.signatures ?? []).map((s) => s.comment) : []),
]
/** @type {Map<string, { name: string, kind: string, file: string, line: number, entries: string[], missing: string[] }>} */
const audit = new Map()
for (const m of project.children ?? []) {
  for (const child of m.children ?? []) {
    // A re-export of another entry's declaration is a reference: audit the declaration itself.
    const target = child instanceof td.ReferenceReflection ? child.getTargetReflectionDeep() : child
    if (!(target instanceof td.DeclarationReflection)) continue
    const r = target
    const comments = commentsOf(r)
    const missing = [
      ...(comments.some(hasSummary) ? [] : ['summary']),
      ...(comments.some((c) => hasTag(c, '@example')) ? [] : ['@example']),
      ...(comments.some((c) => hasTag(c, '@since')) ? [] : ['@since']),
    ]
    const source = r.sources?.[0]
    const file = source ? relative(root, source.fullFileName) : '?'
    const key = `${file}#${r.name}`
    const seen = audit.get(key)
    if (seen !== undefined) seen.entries.push(m.name)
    else
      audit.set(key, {
        name: r.name,
        kind: td.ReflectionKind.singularString(r.kind),
        file,
        line: source?.line ?? 0,
        entries: [m.name],
        missing,
      })
  }
}
const all = [...audit.values()]
const lacking = all.filter((a) => a.missing.length > 0)
const count = (/** @type {string} */ what) => lacking.filter((a) => a.missing.includes(what)).length
console.log(
  `\n== doc comments: ${all.length} exports, ${all.length - lacking.length} complete; ` +
    `missing a summary: ${count('summary')}, an @example: ${count('@example')}, @since: ${count('@since')}`,
)
/** @type {Map<string, typeof lacking>} */
const byFolder = new Map()
for (const a of lacking) {
  const folder = a.file.split('/').slice(0, 2).join('/')
  byFolder.set(folder, [...(byFolder.get(folder) ?? []), a])
}
for (const [folder, items] of [...byFolder.entries()].sort()) {
  console.log(`\n${folder} (${items.length})`)
  for (const a of items.sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line))
    console.log(`  ${a.file}:${a.line} ${a.kind} ${a.name}: no ${a.missing.join(', no ')}`)
}
if (jsonOut !== undefined) writeFileSync(jsonOut, `${JSON.stringify({ exports: all }, null, 2)}\n`)
if (strict && (lacking.length > 0 || typedocErrors > 0)) {
  console.log(`\n✗ docs --strict: ${lacking.length} exports lack docs, ${typedocErrors} typedoc errors`)
  process.exit(1)
}
