/**
 * The CLI's commands over an `Io` and a catalogue: `check`, `evaluate`, `explain`, `bench`. Returns the exit code:
 * 0 ok; 1 findings (check) or failed/aborted bindings (evaluate, explain); 2 usage or unreadable input (a missing
 * file, text that is not JSON, JSON that does not decode as bindings or as an event).
 *
 * @since 0.1.0
 */
import { checkWith } from '../analysis/check.js'
import { type Diagnostic, diagnostic, formatDiagnostic } from '../analysis/diagnostics.js'
import { explainWith, formatExplanation } from '../analysis/explain.js'
import { type DecodeErrors, decodeBindings, decodeEvent, formatDecodeErrors } from '../codec/index.js'
import type { Catalogue } from '../core/catalogue.js'
import { createEngine } from '../core/engine.js'
import { formatPath } from '../core/errors.js'
import type { Binding, Evaluation, Event } from '../core/model.js'
import { type Command, parseArgs, USAGE } from './args.js'
import { formatEvaluation } from './format.js'
import { fileError, type Io, parseJson } from './io.js'
import { listPrefix, sourcePath } from './source-path.js'

type Loaded =
  | { readonly _tag: 'Bindings'; readonly json: unknown; readonly bindings: ReadonlyArray<Binding> }
  | { readonly _tag: 'Invalid'; readonly json: unknown; readonly errors: DecodeErrors }
  | { readonly _tag: 'Unreadable'; readonly message: string }

const loadBindings = async (io: Io, file: string): Promise<Loaded> => {
  let text: string
  try {
    text = await io.readText(file)
  } catch (e) {
    return fileError(file, e)
  }
  const parsed = parseJson(text, file)
  if (parsed._tag === 'Unreadable') return parsed
  const decoded = decodeBindings(parsed.value)
  return decoded._tag === 'Left'
    ? { _tag: 'Invalid', json: parsed.value, errors: decoded.left }
    : { _tag: 'Bindings', json: parsed.value, bindings: decoded.right }
}

const prefixLines = (label: string, text: string): string =>
  text
    .split('\n')
    .map((line) => `${label}: ${line}`)
    .join('\n')

type EventItem =
  | { readonly _tag: 'Event'; readonly label: string; readonly event: Event }
  | { readonly _tag: 'Problem'; readonly label: string; readonly message: string }

const decodeItem = (label: string, json: unknown): EventItem => {
  const decoded = decodeEvent(json)
  return decoded._tag === 'Right'
    ? { _tag: 'Event', label, event: decoded.right }
    : { _tag: 'Problem', label, message: prefixLines(label, formatDecodeErrors(decoded.left)) }
}

const lineItem = (file: string, n: number, line: string): EventItem | undefined => {
  if (line.trim() === '') return undefined
  const label = `${file}:${n}`
  const parsed = parseJson(line, file, n)
  return parsed._tag === 'Unreadable'
    ? { _tag: 'Problem', label, message: parsed.message }
    : decodeItem(label, parsed.value)
}

const STREAM_EXTENSIONS = /\.(ndjson|jsonl)$/i

/** Events from a file: one event, a list of events, or one event per line (NDJSON). */
async function* readEvents(io: Io, file: string): AsyncGenerator<EventItem> {
  if (STREAM_EXTENSIONS.test(file)) {
    let n = 0
    try {
      for await (const line of io.readLines(file)) {
        n++
        const item = lineItem(file, n, line)
        if (item !== undefined) yield item
      }
    } catch (e) {
      yield { _tag: 'Problem', label: file, message: fileError(file, e).message }
    }
    return
  }
  let text: string
  try {
    text = await io.readText(file)
  } catch (e) {
    yield { _tag: 'Problem', label: file, message: fileError(file, e).message }
    return
  }
  const parsed = parseJson(text, file)
  if (parsed._tag === 'Json') {
    if (Array.isArray(parsed.value)) {
      for (let i = 0; i < parsed.value.length; i++) yield decodeItem(`${file}[${i}]`, parsed.value[i])
    } else yield decodeItem(file, parsed.value)
    return
  }
  // not one JSON document: one event per line, if the first line is one
  const lines = text.split(/\r?\n/)
  const first = lines.findIndex((l) => l.trim() !== '')
  if (
    first >= 0 &&
    lines.filter((l) => l.trim() !== '').length > 1 &&
    parseJson(lines[first] ?? '', file)._tag === 'Json'
  ) {
    for (let i = 0; i < lines.length; i++) {
      const item = lineItem(file, i + 1, lines[i] ?? '')
      if (item !== undefined) yield item
    }
    return
  }
  yield { _tag: 'Problem', label: file, message: parsed.message }
}

/** A progress line on a terminal's standard error, for streams that take more than a second. */
const progress = (io: Io, what: string) => {
  const start = io.clock()
  let shown = false
  let last = 0
  let count = 0
  const clear = (): void => {
    if (shown) io.err('\r\x1b[K')
    shown = false
  }
  return {
    tick: (): void => {
      count++
      if (!io.stderrIsTTY) return
      const now = io.clock()
      if (now - start < 1000 || now - last < 200) return
      last = now
      const rate = Math.round((count * 1000) / Math.max(1, now - start))
      io.err(`\r\x1b[K${what}: ${count.toLocaleString('en')} events (${rate.toLocaleString('en')}/s)`)
      shown = true
    },
    /** Before writing to standard output on the same terminal. */
    beforeOutput: (): void => {
      if (io.stdoutIsTTY) clear()
    },
    done: clear,
  }
}

const decodeDiagnostics = (json: unknown, errors: DecodeErrors): ReadonlyArray<Diagnostic> => {
  const { prefix, list } = listPrefix(json)
  return errors.map((e) => {
    const at = e.path[prefix.length]
    const within = prefix.every((p, i) => e.path[i] === p) && typeof at === 'number'
    const raw = within ? (list[at] as { readonly id?: unknown; readonly name?: unknown } | undefined) : undefined
    const id =
      typeof raw?.id === 'string' || (typeof raw?.id === 'number' && Number.isFinite(raw.id))
        ? raw.id
        : within
          ? at
          : ''
    const name = typeof raw?.name === 'string' ? raw.name : ''
    return diagnostic('decode-error', 'error', id, name, e.path, e.message)
  })
}

const runCheck = async (io: Io, catalogue: Catalogue, file: string, json: boolean): Promise<number> => {
  const loaded = await loadBindings(io, file)
  if (loaded._tag === 'Unreadable') {
    io.err(`${loaded.message}\n`)
    return 2
  }
  // decode errors already name paths in the file; diagnostics of decoded bindings are mapped back to it
  const diagnostics =
    loaded._tag === 'Invalid'
      ? decodeDiagnostics(loaded.json, loaded.errors)
      : checkWith(catalogue)(loaded.bindings).map((d) => ({ ...d, path: sourcePath(loaded.json, d.path) }))
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  if (json) {
    const report = {
      file,
      errors,
      warnings: diagnostics.length - errors,
      diagnostics: diagnostics.map((d) => ({ ...d, location: formatPath(d.path) })),
    }
    await io.out(`${JSON.stringify(report, null, 2)}\n`)
  } else {
    const lines = diagnostics.map((d) => `${file}: ${formatDiagnostic(d)}`)
    const count =
      loaded._tag === 'Bindings' ? `${loaded.bindings.length} binding${loaded.bindings.length === 1 ? '' : 's'}: ` : ''
    lines.push(
      diagnostics.length === 0
        ? `${file}: ${count}no findings`
        : `${file}: ${count}${errors} error${errors === 1 ? '' : 's'}, ${diagnostics.length - errors} warning${
            diagnostics.length - errors === 1 ? '' : 's'
          }`,
    )
    await io.out(`${lines.join('\n')}\n`)
  }
  return diagnostics.length > 0 ? 1 : 0
}

const failures = (ev: Evaluation): number => ev.audit.filter((a) => a.error !== undefined).length

const runEvents = async (
  io: Io,
  catalogue: Catalogue,
  command: Extract<Command, { readonly _tag: 'Evaluate' | 'Explain' }>,
): Promise<number> => {
  const loaded = await loadBindings(io, command.bindings)
  if (loaded._tag === 'Unreadable') {
    io.err(`${loaded.message}\n`)
    return 2
  }
  if (loaded._tag === 'Invalid') {
    io.err(`${prefixLines(command.bindings, formatDecodeErrors(loaded.errors))}\n`)
    return 2
  }
  const engine = createEngine(catalogue)
  const rules = engine.compile(loaded.bindings)
  if (rules.errors.length > 0) {
    const broken = new Set(rules.errors.map((e) => e.path[0])).size
    io.err(
      `${command.bindings}: ${broken} binding${broken === 1 ? ' has' : 's have'} configuration errors and fail${
        broken === 1 ? 's' : ''
      } whenever selected; run "tripline check ${command.bindings}"\n`,
    )
  }
  const explain = explainWith(catalogue)
  const shown = progress(io, command._tag === 'Evaluate' ? 'evaluating' : 'explaining')
  let events = 0
  let unreadable = 0
  let failed = 0
  let aborted = 0
  let intents = 0
  for await (const item of readEvents(io, command.events)) {
    shown.tick()
    if (item._tag === 'Problem') {
      shown.beforeOutput()
      io.err(`${item.message}\n`)
      unreadable++
      continue
    }
    events++
    let text: string
    let evaluation: Evaluation
    if (command._tag === 'Evaluate') {
      evaluation = engine.evaluate(item.event, rules)
      text = command.json
        ? JSON.stringify({ source: item.label, event: item.event.name, position: item.event.position, evaluation })
        : formatEvaluation(item.label, item.event, evaluation)
    } else {
      const explanation = explain(item.event, rules)
      evaluation = explanation.evaluation
      text = command.json
        ? JSON.stringify({ source: item.label, explanation })
        : `${item.label}: ${formatExplanation(explanation)}`
    }
    failed += failures(evaluation)
    aborted += evaluation.aborted === undefined ? 0 : 1
    intents += evaluation.intents.length
    shown.beforeOutput()
    await io.out(`${text}\n${command.json ? '' : '\n'}`)
  }
  shown.done()
  if (events === 0 && unreadable === 0) {
    io.err(`${command.events}: no events in the file\n`)
    return 2
  }
  if (!command.json && events + unreadable > 1)
    await io.out(
      `${command.events}: ${events} event${events === 1 ? '' : 's'}, ${intents} intent${intents === 1 ? '' : 's'}, ${failed} failed binding${
        failed === 1 ? '' : 's'
      }, ${aborted} aborted, ${unreadable} unreadable\n`,
    )
  return unreadable > 0 ? 2 : failed > 0 || aborted > 0 ? 1 : 0
}

/**
 * Runs one command line (the arguments after the program name) and returns the exit code. Never throws for bad
 * input; a bug surfaces as exit code 2 with its message.
 *
 * @example
 * const code = await runCli(['check', 'bindings.json'], nodeIo, catalogue)
 * @since 0.1.0
 */
export const runCli = async (argv: ReadonlyArray<string>, io: Io, catalogue: Catalogue): Promise<number> => {
  const command = parseArgs(argv)
  try {
    switch (command._tag) {
      case 'Usage':
        io.err(`tripline: ${command.message}\n\n${USAGE}\n`)
        return 2
      case 'Help':
        await io.out(`${USAGE}\n`)
        return 0
      case 'Version':
        await io.out(`tripline ${io.version}\n`)
        return 0
      case 'Bench':
        await io.out(
          'The benchmarks run from a checkout of the tripline repository: npm run bench\n(workloads and peers in bench/, results in docs/benchmarks.md)\n',
        )
        return 0
      case 'Check':
        return await runCheck(io, catalogue, command.bindings, command.json)
      case 'Evaluate':
      case 'Explain':
        return await runEvents(io, catalogue, command)
    }
  } catch (e) {
    io.err(`tripline: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    return 2
  }
}
