// @ts-check
/**
 * The runtime-matrix judge: runs the conformance vectors (test/conformance/conditions.json) against a loaded
 * `tripline` and reports. Plain ECMAScript with no import, so the same file runs unchanged on Node (ESM and CJS),
 * Deno, Bun, workerd and in a browser.
 *
 * The vector semantics (the file's `about`): build one Binding from `binding` with events = [event.name],
 * position = event.position and the vector's conditions, then evaluate(event, [binding]):
 *   fire  ⇒ exactly one intent and one audit entry, success true;
 *   skip  ⇒ no intent and no audit entry;
 *   error ⇒ no intent and one audit entry, success false.
 *
 * When `tripline/codec` exports the decoders, every vector's event must decode (`decodeEvent`) and its binding too
 * (`decodeBindings`): Right, and evaluating the decoded values gives the same verdict. This runs in stub mode too.
 *
 * Stub mode (`stub: true`) checks the harness itself before the condition catalogue exists: `evaluate` comes from
 * `createEngine` of `tripline/core` with a catalogue that knows the Logging module and one condition,
 * `stub_never` (never holds); vectors without conditions keep their expectation, the others must be `error`
 * (an unknown condition), and a synthetic vector checks `skip`.
 */

/** FNV-1a, 32 bit, over a string's UTF-16 code units: a digest that needs no crypto API. @param {string} s */
const fnv1a = (s) => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** @param {unknown} e */
const describe = (e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e))

/**
 * The stub catalogue of stub mode, built on the kernel's own engine.
 * @param {any} core the `tripline/core` module
 */
const stubEvaluate = (core) => {
  const logging = {
    name: 'Logging',
    positions: ['pre', 'post'],
    abortOnError: false,
    /** @param {any} binding */
    compile: (binding) =>
      core.right({
        facts: [],
        warnings: [],
        /** @param {any} ctx @param {any} b */
        run: (ctx, b) => ({
          _tag: 'Intent',
          intent: {
            _tag: 'Logging.logging',
            bindingId: b.id,
            bindingName: b.name,
            handlerModule: b.handlerModule,
            action: b.action,
            event: ctx.event.name,
            position: ctx.event.position,
            options: binding.options,
          },
        }),
      }),
  }
  const catalogue = {
    conditions: {
      /** @param {string} name @param {string} value */
      compile: (name, value) =>
        name === 'stub_never'
          ? core.right({
              name,
              value,
              rank: 0,
              data: { _tag: 'StubNever' },
              test: () => false,
              trace: () => ({ name, value, verdict: 'fail', compared: {}, reason: 'never' }),
              facts: [],
              warnings: [],
            })
          : core.left([{ code: 'unknown-condition', message: `the stub catalogue knows no "${name}"`, path: [] }]),
    },
    handlers: { module: (/** @type {string} */ name) => (name === 'Logging' ? logging : undefined) },
  }
  return core.createEngine(catalogue).evaluate
}

/**
 * @param {{ intents?: ReadonlyArray<unknown>, audit?: ReadonlyArray<{ success?: unknown }> }} r
 * @returns {'fire' | 'skip' | 'error' | 'other'}
 */
const verdictOf = (r) => {
  const intents = r.intents?.length ?? -1
  const audit = r.audit ?? []
  if (intents === 1 && audit.length === 1 && audit[0]?.success === true) return 'fire'
  if (intents === 0 && audit.length === 0) return 'skip'
  if (intents === 0 && audit.length === 1 && audit[0]?.success === false) return 'error'
  return 'other'
}

/** @param {{ intents?: ReadonlyArray<unknown>, audit?: ReadonlyArray<{ success?: unknown, info?: unknown }> }} r */
const summary = (r) =>
  `${r.intents?.length ?? '?'} intent(s), ${r.audit?.length ?? '?'} audit entr${r.audit?.length === 1 ? 'y' : 'ies'}` +
  (r.audit?.[0] !== undefined ? ` (success ${String(r.audit[0].success)}: ${String(r.audit[0].info)})` : '')

/**
 * Runs every vector and judges it.
 * @param {{ runtime: string, tripline: any, core: any, codec: any, doc: any, stub?: boolean }} input
 */
export const runVectors = ({ runtime, tripline, core, codec: decoders, doc, stub = false }) => {
  const started = performance.now()
  /** @type {Array<{ id: string, expect: string, got: string, detail: string }>} */
  const failures = []
  /** @type {unknown[]} */
  const evaluations = []
  const evaluate = stub ? stubEvaluate(core) : tripline.evaluate
  const decodeEvent = decoders?.decodeEvent
  const decodeBindings = decoders?.decodeBindings
  const codec = typeof decodeEvent === 'function' && typeof decodeBindings === 'function'
  /** @type {ReadonlyArray<any>} */
  const vectors = stub
    ? [
        ...doc.vectors.map((/** @type {any} */ v) =>
          Object.keys(v.conditions).length === 0 ? v : { ...v, expect: 'error' },
        ),
        { ...doc.vectors[0], id: 'stub-skip-1', conditions: { stub_never: 'x' }, expect: 'skip' },
      ]
    : doc.vectors
  let passed = 0
  let checks = 0
  if (typeof evaluate !== 'function') {
    return {
      runtime,
      stub,
      total: vectors.length,
      passed: 0,
      failures: [{ id: '*', expect: '-', got: '-', detail: "'tripline' does not export evaluate()" }],
      codec,
      exports: Object.keys(tripline).length,
      digest: '-',
      ms: 0,
    }
  }
  for (const v of vectors) {
    const binding = { ...doc.binding, events: [v.event.name], position: v.event.position, conditions: v.conditions }
    /** @param {string} got @param {string} detail */
    const fail = (got, detail) => failures.push({ id: v.id, expect: v.expect, got, detail })
    checks++
    try {
      const result = evaluate(v.event, [binding])
      evaluations.push(result)
      const got = verdictOf(result)
      if (got === v.expect) passed++
      else fail(got, summary(result))
      if (codec) {
        checks++
        const ev = decodeEvent(v.event)
        const bs = decodeBindings([binding])
        if (ev?._tag !== 'Right' || bs?._tag !== 'Right') {
          const errors = ev?._tag === 'Right' ? bs?.left : ev?.left
          const text = typeof decoders.formatDecodeErrors === 'function' ? decoders.formatDecodeErrors(errors) : ''
          fail('decode error', `codec: ${ev?._tag !== 'Right' ? 'decodeEvent' : 'decodeBindings'} failed ${text}`)
        } else {
          const again = verdictOf(evaluate(ev.right, bs.right))
          if (again === v.expect) passed++
          else fail(again, 'codec: evaluating the decoded event and binding gives another verdict')
        }
      }
    } catch (e) {
      fail('threw', describe(e))
    }
  }
  return {
    runtime,
    stub,
    total: checks,
    passed,
    failures,
    codec,
    exports: Object.keys(tripline).length,
    digest: fnv1a(JSON.stringify(evaluations)),
    ms: Math.round(performance.now() - started),
  }
}

/** The line prefix a runtime prints before its JSON result. */
export const MARK = '@@tripline-matrix '
