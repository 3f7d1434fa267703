import { describe, expect, it } from 'vitest'
import type { Catalogue, ModuleDescriptor } from '../../src/core/catalogue.js'
import { compileWith } from '../../src/core/compile.js'
import { right } from '../../src/core/either.js'
import { evaluateRuleSet, select } from '../../src/core/evaluate.js'
import type { Binding, Evaluation, Event } from '../../src/core/model.js'
import { binding, event, type ToyIntent, toyCatalogue } from './test-catalogue.js'

const run = (e: Event, bindings: ReadonlyArray<unknown>, catalogue: Catalogue = toyCatalogue): Evaluation<ToyIntent> =>
  evaluateRuleSet(e, compileWith(catalogue, bindings as ReadonlyArray<Binding>)) as Evaluation<ToyIntent>
const fired = (ev: Evaluation) => ev.intents.map((i) => i.bindingId)
const audited = (ev: Evaluation) => ev.audit.map((a) => a.bindingId)

const setParam = (id: string | number, key: string, value: string, over: Partial<Binding> = {}): Binding =>
  binding({ id, name: `set ${key}`, handlerModule: 'SetParam', action: 'set', options: { key, value }, ...over })
const setResponse = (id: string | number, key: string, value: string, over: Partial<Binding> = {}): Binding =>
  binding({ id, name: `respond ${key}`, handlerModule: 'SetResponse', action: 'set', options: { key, value }, ...over })

describe('selection (SPEC 1.2)', () => {
  it('selects active bindings whose events list the exact, case-sensitive event name', () => {
    const bs = [
      binding({ id: 1 }),
      binding({ id: 2, events: ['Token_Init'] }),
      binding({ id: 3, events: ['token_init '] }),
      binding({ id: 4, events: ['token'] }),
      binding({ id: 5, events: ['token_init_more'] }),
      binding({ id: 6, events: ['*'] }),
      binding({ id: 7, events: ['validate_check', 'token_init'] }),
      binding({ id: 8, events: [] }),
      binding({ id: 9, active: false }),
    ]
    expect(fired(run(event(), bs))).toStrictEqual([1, 7])
    expect(fired(run(event({ name: 'Token_Init' }), bs))).toStrictEqual([2])
    expect(fired(run(event({ name: 'validate_check' }), bs))).toStrictEqual([7])
    expect(fired(run(event({ name: '' }), bs))).toStrictEqual([])
  })

  it("selects only the event's position", () => {
    const bs = [binding({ id: 'post' }), binding({ id: 'pre', position: 'pre' })]
    expect(fired(run(event(), bs))).toStrictEqual(['post'])
    expect(fired(run(event({ position: 'pre' }), bs))).toStrictEqual(['pre'])
  })

  it('never selects an inactive binding, not even a failing one', () => {
    const ev = run(event(), [binding({ active: false, handlerModule: 'Nope', abortOnError: true })])
    expect(ev).toStrictEqual({ intents: [], audit: [], request: { params: {} } })
  })

  it('select returns the compiled bindings in execution order', () => {
    const rules = compileWith(toyCatalogue, [binding({ id: 2 }), binding({ id: 1 })])
    expect(select(rules, event()).map((cb) => cb.binding.id)).toStrictEqual([1, 2])
    expect(select(rules, event({ name: 'x' }))).toStrictEqual([])
  })
})

describe('execution order (SPEC 1.3, D15)', () => {
  it('runs by ordering ascending, ties by id, numbers before strings, then input order', () => {
    const bs = [
      binding({ id: 'b', ordering: 1 }),
      binding({ id: 10, ordering: 1 }),
      binding({ id: 'a', ordering: 1 }),
      binding({ id: 9, ordering: 1 }),
      binding({ id: 'late', ordering: 2 }),
      binding({ id: 'early', ordering: -1 }),
      binding({ id: 9, ordering: 1, name: 'twin' }),
    ]
    const ev = run(event(), bs)
    expect(fired(ev)).toStrictEqual(['early', 9, 9, 10, 'a', 'b', 'late'])
    expect(ev.intents[1]?.bindingName).toBe('notify admin')
    expect(ev.intents[2]?.bindingName).toBe('twin')
    expect(audited(ev)).toStrictEqual(fired(ev))
  })

  it('orders failures and declines with the rest', () => {
    const bs = [binding({ id: 3, action: 'decline' }), binding({ id: 1, action: 'fail' }), binding({ id: 2 })]
    expect(audited(run(event(), bs))).toStrictEqual([1, 2, 3])
  })
})

describe('conditions (SPEC 1.4)', () => {
  it('fires a binding without conditions', () => {
    expect(fired(run(event(), [binding()]))).toStrictEqual([1])
  })

  it('ANDs all conditions', () => {
    const e = event({ user: { login: 'u', realm: 'r1', resolver: 'x' } })
    expect(fired(run(e, [binding({ conditions: { flag: 'yes', realm: 'r1' } })]))).toStrictEqual([1])
    expect(fired(run(e, [binding({ conditions: { flag: 'yes', realm: 'r2' } })]))).toStrictEqual([])
    expect(fired(run(e, [binding({ conditions: { flag: 'no', realm: 'r1' } })]))).toStrictEqual([])
  })

  it('compares exactly (a toy condition: realm is case-sensitive)', () => {
    const e = event({ user: { login: 'u', realm: 'r1', resolver: 'x' } })
    expect(fired(run(e, [binding({ conditions: { realm: 'R1' } })]))).toStrictEqual([])
  })

  it('a false binding is silent: no intent, no audit entry', () => {
    expect(run(event(), [binding({ conditions: { flag: 'no' } })])).toStrictEqual({
      intents: [],
      audit: [],
      request: { params: {} },
    })
  })

  it('exits early on the first false condition in rank order, so a later failing one is not reached', () => {
    // flag has rank 0, fail rank 5: the key order of the map does not matter.
    const ev = run(event(), [binding({ conditions: { fail: 'BoomError', flag: 'no' } })])
    expect(ev.audit).toStrictEqual([])
    const ev2 = run(event(), [binding({ conditions: { fail: 'BoomError', flag: 'yes' } })])
    expect(ev2.audit.map((a) => a.info)).toStrictEqual(['notify admin (BoomError)'])
  })

  it('does not run the action when the conditions fail', () => {
    // Notify:fail would fail; the conditions keep it from running.
    expect(run(event(), [binding({ action: 'fail', conditions: { flag: 'no' } })]).audit).toStrictEqual([])
  })
})

describe('failures, declines and audit entries (SPEC 1.5, 1.6)', () => {
  it('writes one success entry per triggered binding, with the run details', () => {
    const ev = run(event(), [binding({ id: 5, name: 'mail', options: { to: 'ops' } })])
    expect(ev.audit).toStrictEqual([
      {
        action: 'POST-EVENT token_init>>Notify:send',
        actionDetail: "{'to': 'ops'}",
        info: 'mail',
        details: 'to ops',
        event: 'token_init',
        position: 'post',
        bindingId: 5,
        bindingName: 'mail',
        handlerModule: 'Notify',
        success: true,
      },
    ])
    expect(ev.intents).toStrictEqual([
      {
        _tag: 'Notify.send',
        bindingId: 5,
        bindingName: 'mail',
        handlerModule: 'Notify',
        action: 'send',
        event: 'token_init',
        position: 'post',
        options: { to: 'ops' },
        sawParams: {},
      },
    ])
  })

  it('a declined action: no intent, success false with details, no abort', () => {
    const ev = run(event(), [binding({ id: 1, action: 'decline', abortOnError: true }), binding({ id: 2 })])
    expect(fired(ev)).toStrictEqual([2])
    expect(ev.audit[0]).toMatchObject({ bindingId: 1, success: false, info: 'notify admin', details: 'no recipient' })
    expect(ev.audit[0]).not.toHaveProperty('error')
    expect(ev.aborted).toBeUndefined()
  })

  it('a condition that fails: info is "name (ErrorTag)", the error is recorded', () => {
    const ev = run(event(), [binding({ name: 'n', conditions: { fail: 'ParseError' } })])
    expect(ev.intents).toStrictEqual([])
    expect(ev.audit).toHaveLength(1)
    expect(ev.audit[0]).toMatchObject({
      action: 'POST-EVENT token_init>>Notify:send',
      info: 'n (ParseError)',
      success: false,
      error: { tag: 'ParseError', message: 'fail failed' },
    })
  })

  it('an action that fails: info is "name (ErrorTag)"', () => {
    const ev = run(event(), [binding({ name: 'n', action: 'fail' })])
    expect(ev.audit[0]).toMatchObject({ info: 'n (SendError)', success: false, error: { tag: 'SendError' } })
  })

  it('a binding with a configuration error fails whenever it is selected, with the first error', () => {
    const ev = run(event(), [binding({ name: 'n', handlerModule: 'Nope', conditions: { flag: 'no' } })])
    expect(ev.audit).toHaveLength(1)
    expect(ev.audit[0]).toMatchObject({
      info: 'n (ConfigurationError)',
      success: false,
      error: { tag: 'ConfigurationError', message: 'unknown handler module "Nope"' },
      action: 'POST-EVENT token_init>>Nope:send',
    })
  })

  it('a malformed binding fails with a well-typed audit entry', () => {
    const ev = run(event(), [{ ...binding({ id: 'm' }), name: Symbol('n'), handlerModule: 3, options: [] }])
    expect(ev.audit).toStrictEqual([
      {
        action: 'POST-EVENT token_init>>:send',
        actionDetail: '{}',
        info: ' (ConfigurationError)',
        event: 'token_init',
        position: 'post',
        bindingId: 'm',
        bindingName: '',
        handlerModule: '',
        success: false,
        error: { tag: 'ConfigurationError', message: 'name must be a string' },
      },
    ])
  })

  it('a plug-in that throws fails the binding with InternalError instead of throwing', () => {
    const ev = run(event(), [
      binding({ id: 1, conditions: { throws: '' } }),
      binding({ id: 2, action: 'throw' }),
      binding({ id: 3 }),
    ])
    expect(ev.audit.map((a) => [a.bindingId, a.info, a.error?.message, a.details])).toStrictEqual([
      [1, 'notify admin (InternalError)', 'condition bug', undefined],
      [2, 'notify admin (InternalError)', 'action bug', undefined],
      [3, 'notify admin', undefined, 'to admin'],
    ])
  })

  it('a plug-in that returns something that is not an outcome fails the binding with InternalError', () => {
    const liar: ModuleDescriptor = {
      name: 'Liar',
      positions: ['pre', 'post'],
      abortOnError: false,
      compile: () => right({ run: () => ({ _tag: 'Maybe' }) as never, facts: [], warnings: [] }),
    }
    const catalogue: Catalogue = {
      conditions: {
        compile: (name, value) =>
          name === 'odd'
            ? right({
                name,
                value,
                rank: 0,
                data: { _tag: 'odd' },
                test: () => 'yes' as never,
                trace: () => ({ name, value, verdict: 'pass', compared: {}, reason: '' }),
                facts: [],
                warnings: [],
              })
            : toyCatalogue.conditions.compile(name, value),
      },
      handlers: { module: (name) => (name === 'Liar' ? liar : toyCatalogue.handlers.module(name)) },
    }
    const ev = run(
      event(),
      [binding({ id: 1, handlerModule: 'Liar' }), binding({ id: 2, conditions: { odd: '' } })],
      catalogue,
    )
    expect(ev.intents).toStrictEqual([])
    expect(ev.audit.map((a) => [a.bindingId, a.success, a.error?.tag])).toStrictEqual([
      [1, false, 'InternalError'],
      [2, false, 'InternalError'],
    ])
    expect(JSON.parse(JSON.stringify(ev))).toStrictEqual(ev)
  })
})

describe('abort (SPEC 1.5)', () => {
  it('a failing binding with abortOnError stops the fold and sets aborted', () => {
    const bs = [
      binding({ id: 1 }),
      binding({ id: 2, name: 'fwd', handlerModule: 'Forward', action: 'fail' }),
      binding({ id: 3 }),
      binding({ id: 4, action: 'fail' }),
    ]
    const ev = run(event(), bs)
    expect(fired(ev)).toStrictEqual([1])
    expect(audited(ev)).toStrictEqual([1, 2])
    expect(ev.aborted).toStrictEqual({ bindingId: 2, reason: 'fwd (ForwardError): the other server is a toy' })
    expect(ev.audit[1]).toMatchObject({ info: 'fwd (ForwardError)', success: false })
  })

  it('without abortOnError a failure is audited and the fold goes on', () => {
    const bs = [
      binding({ id: 1, action: 'fail' }),
      binding({ id: 2, handlerModule: 'Forward', action: 'fail', abortOnError: false }),
      binding({ id: 3 }),
    ]
    const ev = run(event(), bs)
    expect(audited(ev)).toStrictEqual([1, 2, 3])
    expect(fired(ev)).toStrictEqual([3])
    expect(ev.aborted).toBeUndefined()
    expect('aborted' in ev).toBe(false)
  })

  it('an explicit abortOnError aborts any module, also on a condition failure', () => {
    const ev = run(event(), [binding({ id: 1, abortOnError: true, conditions: { fail: 'E' } }), binding({ id: 2 })])
    expect(audited(ev)).toStrictEqual([1])
    expect(ev.aborted).toStrictEqual({ bindingId: 1, reason: 'notify admin (E): fail failed' })
  })

  it('a configuration error aborts a binding with abortOnError', () => {
    const ev = run(event(), [
      binding({ id: 1, handlerModule: 'Forward', action: 'forward', conditions: { flag: 'x' } }),
      binding({ id: 2 }),
    ])
    expect(audited(ev)).toStrictEqual([1])
    expect(ev.aborted?.reason).toBe('notify admin (ConfigurationError): flag: "x" is neither yes nor no')
  })

  it('a silent aborting binding does not abort', () => {
    const ev = run(event(), [
      binding({ id: 1, handlerModule: 'Forward', action: 'fail', conditions: { flag: 'no' } }),
      binding({ id: 2 }),
    ])
    expect(fired(ev)).toStrictEqual([2])
    expect(ev.aborted).toBeUndefined()
  })

  it('keeps the request and response of the bindings before the abort', () => {
    const ev = run(event({ response: { a: 1 } }), [
      setParam(1, 'x', '1'),
      setResponse(2, 'b', '2'),
      binding({ id: 3, handlerModule: 'Forward', action: 'fail' }),
      setParam(4, 'x', '4'),
    ])
    expect(ev.request.params).toStrictEqual({ x: '1' })
    expect(ev.response).toStrictEqual({ a: 1, b: '2' })
    expect(ev.aborted?.bindingId).toBe(3)
  })
})

describe('request and response threading (SPEC 1.7)', () => {
  it('later bindings see the request a binding returned; earlier ones do not', () => {
    const bs = [
      binding({ id: 1, conditions: { param: 'x=1' } }),
      setParam(2, 'x', '1'),
      binding({ id: 3, conditions: { param: 'x=1' } }),
      binding({ id: 4, conditions: { param: 'x=0' } }),
    ]
    const e = event({ request: { path: '/token/init', params: { x: '0' } } })
    const ev = run(e, bs)
    expect(fired(ev)).toStrictEqual([2, 3])
    expect(ev.intents.map((i) => i.sawParams)).toStrictEqual([{ x: '0' }, { x: '1' }])
    expect(ev.request).toStrictEqual({ path: '/token/init', params: { x: '1' } })
    expect(e.request.params).toStrictEqual({ x: '0' })
  })

  it('threads the request in pre too', () => {
    const bs = [
      setParam(1, 'x', '1', { position: 'pre' }),
      binding({ id: 2, position: 'pre', conditions: { param: 'x=1' } }),
    ]
    const ev = run(event({ position: 'pre' }), bs)
    expect(fired(ev)).toStrictEqual([1, 2])
    expect(ev.request.params).toStrictEqual({ x: '1' })
  })

  it('chains several request changes', () => {
    const bs = [setParam(1, 'x', '1'), setParam(2, 'y', '2'), setParam(3, 'x', '3')]
    expect(run(event(), bs).request.params).toStrictEqual({ x: '3', y: '2' })
  })

  it('later post bindings see the response a binding returned', () => {
    const bs = [binding({ id: 1 }), setResponse(2, 'detail', 'gone'), binding({ id: 3 })]
    const ev = run(event({ response: { result: { status: true } } }), bs)
    expect(ev.intents.map((i) => i.sawResponse)).toStrictEqual([
      { result: { status: true } },
      { result: { status: true } },
      { result: { status: true }, detail: 'gone' },
    ])
    expect(ev.response).toStrictEqual({ result: { status: true }, detail: 'gone' })
  })

  it('a replaced response (Federation-like) is what later bindings and the caller get', () => {
    const bs = [binding({ id: 1, handlerModule: 'Forward', action: 'forward' }), binding({ id: 2 })]
    const ev = run(event({ response: { old: true } }), bs)
    expect(ev.intents[1]?.sawResponse).toStrictEqual({ forwardedBy: 1, result: { status: true, value: true } })
    expect(ev.response).toStrictEqual({ forwardedBy: 1, result: { status: true, value: true } })
  })

  it('a response can be created in post when the host had none', () => {
    const ev = run(event(), [setResponse(1, 'k', 'v')])
    expect(ev.response).toStrictEqual({ k: 'v' })
  })

  it('the evaluation returns the untouched request and response when nothing changed them', () => {
    const e = event({ request: { params: { a: '1' } }, response: { r: 1 } })
    const ev = run(e, [binding()])
    expect(ev.request).toBe(e.request)
    expect(ev.response).toBe(e.response)
  })

  it('an optional field a JavaScript host sets to null counts as absent, in conditions and audit entries', () => {
    const nulls = {
      entropy: null,
      baseUrl: null,
      loggedIn: null,
      user: null,
      serial: null,
      token: null,
      container: null,
      challenges: null,
      counters: null,
    }
    const e = { ...event({ request: { params: { x: '1' } } }), ...nulls } as unknown as Event
    // realm holds without a user (the toy's skip rule); with user null it would read null.realm
    const bs = [binding({ id: 1, conditions: { realm: 'realm1' } }), setParam(2, 'y', '2')]
    const ev = run(e, bs)
    expect(ev).toStrictEqual(run(event({ request: { params: { x: '1' } } }), bs))
    expect(ev.audit.map((a) => [a.bindingId, a.success, a.error])).toStrictEqual([
      [1, true, undefined],
      [2, true, undefined],
    ])
    // each field alone, in pre and post: the view every binding sees has no such key, and keeps everything else
    const response = { result: { status: true } }
    for (const k of Object.keys(nulls)) {
      for (const position of ['pre', 'post'] as const) {
        const host = { ...event({ position, response, serial: 'S1' }), [k]: null } as unknown as Event
        const views: Event[] = []
        const b = binding({ position, conditions: { realm: 'realm1' } })
        const ev = evaluateRuleSet(host, compileWith(toyCatalogue, [b, b]), (_cb, ctx) => views.push(ctx.event))
        const expected: Record<string, unknown> = { ...host }
        delete expected[k]
        if (position === 'pre') delete expected.response
        expect(views).toStrictEqual([expected, expected])
        expect(views[0]).toBe(views[1])
        expect(ev.response).toBe(position === 'post' ? response : undefined)
      }
    }
    // an event without nulls (post) is the view itself, not a copy; a null response in post is a JSON body and stays
    const clean = event({ response, serial: 'S1' })
    const seen: Event[] = []
    evaluateRuleSet(clean, compileWith(toyCatalogue, [binding()]), (_cb, ctx) => seen.push(ctx.event))
    expect(seen[0]).toBe(clean)
    const nullBody = event({ response: null })
    const body: Event[] = []
    const evaluated = evaluateRuleSet(nullBody, compileWith(toyCatalogue, [binding()]), (_cb, ctx) =>
      body.push(ctx.event),
    )
    expect(body[0]).toBe(nullBody)
    expect(evaluated.response).toBeNull()
  })

  it('an evaluation of a post event without a response has no response key', () => {
    expect('response' in run(event(), [binding()])).toBe(false)
  })

  it('a declined or failed binding changes nothing', () => {
    const ev = run(event({ request: { params: { x: '0' } } }), [
      binding({ id: 1, action: 'decline' }),
      binding({ id: 2, action: 'fail' }),
    ])
    expect(ev.request).toStrictEqual({ params: { x: '0' } })
  })

  it('conditions that memoise see the new request after a change (the memo does not outlive a view)', () => {
    const bs = [
      binding({ id: 1, conditions: { memo: 'x=1' } }),
      setParam(2, 'x', '1'),
      binding({ id: 3, conditions: { memo: 'x=1' } }),
    ]
    expect(fired(run(event(), bs))).toStrictEqual([2, 3])
  })
})

describe('pre events get no response (SPEC 1.3, 1.8)', () => {
  it('pre bindings do not see a response even if the host passed one, and the evaluation has none', () => {
    const e = event({ position: 'pre', response: { result: { status: true } } })
    const ev = run(e, [binding({ id: 1, position: 'pre' })])
    expect(ev.intents[0]).not.toHaveProperty('sawResponse')
    expect(ev).not.toHaveProperty('response')
  })

  it('a response returned by a pre action is not threaded', () => {
    const writer: ModuleDescriptor = {
      name: 'Writer',
      positions: ['pre', 'post'],
      abortOnError: false,
      compile: () =>
        right({
          run: (ctx, b) => ({
            _tag: 'Intent',
            intent: {
              _tag: 'Writer.write',
              bindingId: b.id,
              bindingName: b.name,
              handlerModule: b.handlerModule,
              action: b.action,
              event: ctx.event.name,
              position: ctx.event.position,
            },
            response: { written: true },
          }),
          facts: [],
          warnings: [],
        }),
    }
    const catalogue: Catalogue = {
      ...toyCatalogue,
      handlers: { module: (name) => (name === 'Writer' ? writer : toyCatalogue.handlers.module(name)) },
    }
    const ev = run(
      event({ position: 'pre' }),
      [
        binding({ id: 1, position: 'pre', handlerModule: 'Writer', action: 'write' }),
        binding({ id: 2, position: 'pre' }),
      ],
      catalogue,
    )
    expect(fired(ev)).toStrictEqual([1, 2])
    expect(ev.intents[1]).not.toHaveProperty('sawResponse')
    expect(ev).not.toHaveProperty('response')
  })
})

describe('actions never trigger further events (SPEC 1.3)', () => {
  it('only the bindings selected for the event run, once each', () => {
    const bs = [
      binding({ id: 1 }),
      binding({ id: 2, events: ['Notify.send'] }),
      binding({ id: 3, events: ['token_init'], position: 'pre' }),
      setParam(4, 'event', 'other'),
      binding({ id: 5, events: ['other'] }),
    ]
    const ev = run(event(), bs)
    expect(fired(ev)).toStrictEqual([1, 4])
    expect(ev.intents.every((i) => i.event === 'token_init' && i.position === 'post')).toBe(true)
  })
})
