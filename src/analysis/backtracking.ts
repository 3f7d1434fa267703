/**
 * Regular expressions prone to catastrophic backtracking (ReDoS), found by recheck (a well-kept checker based on
 * automata theory and fuzzing) rather than a home-made heuristic. The regexes come from the compiled condition data
 * (every `RegExp` in it: `serial`, `detail_message`, `detail_error_message`, `challenge_session`, `matches`
 * comparisons), falling back to the raw value of a regex-valued condition where a plug-in keeps none, and from
 * RequestMangler's `match_pattern`.
 *
 * @since 0.1.0
 */
import type * as Recheck from 'recheck'
// recheck's browser build is plain JavaScript: no Node built-ins, no worker threads, no environment reads at import
// (its Node build spawns a synckit worker and reads env vars, which Deno refuses). It has no declarations of its
// own; its API is recheck's.
// @ts-expect-error untyped file of a typed package
import * as recheckBrowser from 'recheck/lib/browser.js'
import type { CompiledCondition } from '../core/catalogue.js'
import type { Binding } from '../core/model.js'

// esbuild-made CJS marked __esModule: required (CJS) it is the API; imported from ESM, Node gives it as `default`.
const recheck = (
  'checkSync' in recheckBrowser ? recheckBrowser : (recheckBrowser as { readonly default: unknown }).default
) as typeof Recheck
const { checkSync } = recheck

/**
 * One regular expression found in a binding, with where it is.
 *
 * @example
 * const found: FoundRegex = { path: ['conditions', 'serial'], source: '^(?:OATH\\d+)', flags: 'u', written: 'OATH\\d+', whole: true }
 * @since 0.1.0
 */
export interface FoundRegex {
  /** Path relative to the binding: `['conditions', 'serial']`. */
  readonly path: ReadonlyArray<string>
  /** JavaScript source and flags, as matched at evaluation. */
  readonly source: string
  readonly flags: string
  /** What the administrator wrote: the regex, or the whole condition value it is part of (`key 'matches' regex`). */
  readonly written: string
  /** Whether `written` is the regex itself (false: the regex is part of a comparison). */
  readonly whole: boolean
}

/**
 * A regex recheck found vulnerable.
 *
 * @example
 * backtrackingChecker()({ path: ['conditions', 'serial'], source: '(a+)+$', flags: '', written: '(a+)+$', whole: true })
 * // { ..., complexity: 'exponential', summary: 'exponential', attack: "'a' + 'a'.repeat(31) + '\\x00'" }
 * @since 0.1.0
 */
export interface Vulnerability extends FoundRegex {
  /** `exponential` or `polynomial`. */
  readonly complexity: string
  /** recheck's summary, e.g. `exponential` or `2nd degree polynomial`. */
  readonly summary: string
  /** An input that makes matching slow, as a JavaScript expression. */
  readonly attack: string
}

/** Conditions whose value is itself a regular expression (SPEC 3.2). */
const REGEX_CONDITIONS: ReadonlySet<string> = new Set([
  'serial',
  'detail_message',
  'detail_error_message',
  'challenge_session',
])

const collectRegExps = (data: unknown, out: RegExp[], seen: Set<object>, depth: number): void => {
  if (typeof data !== 'object' || data === null || depth > 8 || seen.has(data)) return
  seen.add(data)
  if (data instanceof RegExp) {
    out.push(data)
    return
  }
  const values = Array.isArray(data) ? data : Object.values(data)
  for (const v of values) collectRegExps(v, out, seen, depth + 1)
}

/**
 * A light translation of Python's regex syntax for analysis only (the condition plug-ins own the real one, D14):
 * a leading inline flag group becomes flags, `(?P<n>` becomes `(?<n>`, `(?P=n)` becomes `\k<n>`, `\A` `^`, `\Z` `$`.
 */
const fromPython = (written: string): { readonly source: string; readonly flags: string } => {
  const inline = /^\(\?([aiLmsux]+)\)/.exec(written)
  const flags = [...new Set((inline?.[1] ?? '').split(''))].filter((f) => f === 'i' || f === 'm' || f === 's').join('')
  const source = (inline === null ? written : written.slice(inline[0].length))
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?P=(\w+)\)/g, '\\k<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\Z/g, '$')
  return { source, flags }
}

/** The flags recheck understands; `v` (unicode sets) is read as `u`, which parses every pattern that uses no set operations. */
const recheckFlags = (flags: string): string => [...new Set(flags.replace('v', 'u').replace(/[^imsu]/g, ''))].join('')

/**
 * Every regular expression of one binding: from each compiled condition's data (falling back to the raw value for
 * regex-valued conditions) and RequestMangler's `match_pattern` option. Conditions with warnings of their own are
 * left out: the plug-in reports them as always false, so their regex never runs.
 *
 * @example
 * regexesOf(cb.binding, cb.conditions) // [{ path: ['conditions', 'serial'], source: '^(?:OATH)', flags: 'v', ... }]
 * @since 0.1.0
 */
export const regexesOf = (
  binding: Binding,
  conditions: ReadonlyArray<CompiledCondition>,
): ReadonlyArray<FoundRegex> => {
  const out: FoundRegex[] = []
  for (const c of conditions) {
    if (c.warnings.length > 0) continue
    const found: RegExp[] = []
    collectRegExps(c.data, found, new Set(), 0)
    if (found.length > 0) {
      for (const r of found)
        out.push({
          path: ['conditions', c.name],
          source: r.source,
          flags: recheckFlags(r.flags),
          written: c.value,
          whole: REGEX_CONDITIONS.has(c.name),
        })
      continue
    }
    // a plug-in that keeps no RegExp in its data: the value of a regex-valued condition is the regex
    if (REGEX_CONDITIONS.has(c.name) && c.value !== '')
      out.push({ path: ['conditions', c.name], ...fromPython(c.value), written: c.value, whole: true })
  }
  if (binding.handlerModule === 'RequestMangler') {
    const pattern = binding.options.match_pattern
    if (typeof pattern === 'string' && pattern !== '') {
      // the pattern must match the whole parameter value (SPEC 4.6)
      const { source, flags } = fromPython(pattern)
      out.push({ path: ['options', 'match_pattern'], source: `^(?:${source})$`, flags, written: pattern, whole: true })
    }
  }
  return out
}

/**
 * A checker with a per-call cache (the same regex in many bindings is checked once).
 *
 * @example
 * const vulnerable: BacktrackingChecker = backtrackingChecker()
 * @since 0.1.0
 */
export type BacktrackingChecker = (regex: FoundRegex) => Vulnerability | undefined

/**
 * Creates a checker: runs recheck on a regex (synchronously, offline) and reports it when vulnerable. Regexes
 * recheck cannot analyse (unsupported syntax, timeouts) are not reported.
 *
 * @example
 * const vulnerable = backtrackingChecker()
 * vulnerable({ path: ['conditions', 'serial'], source: '(a+)+$', flags: '', written: '(a+)+$', whole: true })?.complexity
 * // 'exponential'
 * @since 0.1.0
 */
export const backtrackingChecker = (): BacktrackingChecker => {
  const cache = new Map<string, Omit<Vulnerability, keyof FoundRegex> | null>()
  return (regex) => {
    const key = `${regex.flags}/${regex.source}`
    let verdict = cache.get(key)
    if (verdict === undefined) {
      verdict = null
      try {
        const d = checkSync(regex.source, regex.flags, { timeout: 5000 })
        if (d.status === 'vulnerable')
          verdict = { complexity: d.complexity.type, summary: d.complexity.summary, attack: d.attack.pattern }
      } catch {
        verdict = null
      }
      cache.set(key, verdict)
    }
    return verdict === null ? undefined : { ...regex, ...verdict }
  }
}
