/**
 * Command-line arguments: `tripline <command> [--json] <files...>`.
 *
 * @since 0.1.0
 */

/**
 * A parsed command line, or why it is not one.
 *
 * @example
 * const c: Command = { _tag: 'Check', json: false, bindings: 'bindings.json' }
 * @since 0.1.0
 */
export type Command =
  | { readonly _tag: 'Help' }
  | { readonly _tag: 'Version' }
  | { readonly _tag: 'Bench' }
  | { readonly _tag: 'Check'; readonly json: boolean; readonly bindings: string }
  | { readonly _tag: 'Evaluate'; readonly json: boolean; readonly bindings: string; readonly events: string }
  | { readonly _tag: 'Explain'; readonly json: boolean; readonly bindings: string; readonly events: string }
  | { readonly _tag: 'Usage'; readonly message: string }

/**
 * The usage text.
 *
 * @example
 * process.stdout.write(`${USAGE}\n`)
 * @since 0.1.0
 */
export const USAGE = `Usage: tripline <command> [--json] <files>

Commands:
  check <bindings.json>                       report configuration errors and warnings
  evaluate <bindings.json> <event.json | events.ndjson>
                                              evaluate events: intents and audit entries
  explain <bindings.json> <event.json | events.ndjson>
                                              why each binding did what it did
  bench                                       how to run the benchmarks
  help                                        this text

Options:
  --json        machine-readable output (one JSON document per event for evaluate and explain)
  -h, --help    this text
  -V, --version the version

Bindings files may be a list of bindings (tripline's shape or privacyIDEA's), a privacyIDEA configuration
export { "event": [...] } or a REST response { "result": { "value": [...] } }. Events files hold one event, a
list of events, or one event per line (.ndjson, .jsonl).

Exit codes: 0 ok; 1 findings (check) or failed/aborted bindings (evaluate, explain); 2 usage or unreadable input.`

const usage = (message: string): Command => ({ _tag: 'Usage', message })

/**
 * Parses the arguments after the program name.
 *
 * @example
 * parseArgs(['check', 'bindings.json', '--json']) // { _tag: 'Check', json: true, bindings: 'bindings.json' }
 * parseArgs([])                                   // { _tag: 'Usage', message: 'no command given' }
 * @since 0.1.0
 */
export const parseArgs = (argv: ReadonlyArray<string>): Command => {
  let json = false
  let help = false
  let version = false
  const positional: string[] = []
  let options = true
  for (const arg of argv) {
    if (options && arg === '--') options = false
    else if (options && arg === '--json') json = true
    else if (options && (arg === '-h' || arg === '--help')) help = true
    else if (options && (arg === '-V' || arg === '--version')) version = true
    else if (options && arg.startsWith('-') && arg !== '-') return usage(`unknown option "${arg}"`)
    else positional.push(arg)
  }
  if (help) return { _tag: 'Help' }
  if (version) return { _tag: 'Version' }
  const [command, ...files] = positional
  const arity = (n: number, what: string): string | undefined =>
    files.length === n
      ? undefined
      : files.length < n
        ? `${command} needs ${what}`
        : `${command} takes ${what}, got ${files.length} arguments`
  switch (command) {
    case undefined:
      return usage('no command given')
    case 'help':
      return { _tag: 'Help' }
    case 'version':
      return { _tag: 'Version' }
    case 'bench':
      return files.length === 0 ? { _tag: 'Bench' } : usage('bench takes no arguments')
    case 'check': {
      const wrong = arity(1, 'a bindings file')
      return wrong !== undefined ? usage(wrong) : { _tag: 'Check', json, bindings: files[0] as string }
    }
    case 'evaluate':
    case 'explain': {
      const wrong = arity(2, 'a bindings file and an events file')
      if (wrong !== undefined) return usage(wrong)
      return {
        _tag: command === 'evaluate' ? 'Evaluate' : 'Explain',
        json,
        bindings: files[0] as string,
        events: files[1] as string,
      }
    }
    default:
      return usage(`unknown command "${command}"`)
  }
}
