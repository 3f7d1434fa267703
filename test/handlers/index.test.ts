import { describe, expect, test } from 'vitest'
import type { Event } from '../../src/core/model.js'
import { describeModule } from '../../src/handlers/descriptions.js'
import { handlerCatalogue, MODULES } from '../../src/handlers/index.js'
import type { OptionSpec } from '../../src/handlers/options.js'
import { fullOptions, minimalOptions, sampleValue } from './catalogue-data.js'
import { baseEvent, binding, compile, evaluate, issueSummary, roundTrip } from './helpers.js'

/** Whether an unusable value of the option only warns (privacyIDEA's action does not raise on it). */
const isLenient = (o: OptionSpec): boolean => o.invalid === 'nothing' || o.invalid === 'decline'

const EXPECTED: Readonly<Record<string, { positions: string[]; abort: boolean; actions: string[] }>> = {
  UserNotification: { positions: ['post', 'pre'], abort: false, actions: ['sendmail', 'sendsms', 'savefile'] },
  Token: {
    positions: ['post', 'pre'],
    abort: false,
    actions: [
      'set tokenrealm',
      'delete',
      'unassign',
      'disable',
      'enable',
      'set random pin',
      'enroll',
      'set description',
      'set validity',
      'set countwindow',
      'set tokeninfo',
      'increase tokeninfo',
      'delete tokeninfo',
      'set failcounter',
      'set max failcount',
      'change failcounter',
      'add tokengroup',
      'remove tokengroup',
      'attach application',
    ],
  },
  Script: { positions: ['post', 'pre'], abort: false, actions: ['<script file name>'] },
  Federation: { positions: ['post'], abort: true, actions: ['forward'] },
  Counter: {
    positions: ['post', 'pre'],
    abort: false,
    actions: ['increase_counter', 'decrease_counter', 'reset_counter'],
  },
  RequestMangler: { positions: ['post', 'pre'], abort: false, actions: ['delete', 'set'] },
  ResponseMangler: { positions: ['post'], abort: false, actions: ['delete', 'set'] },
  Logging: { positions: ['post', 'pre'], abort: false, actions: ['logging'] },
  CustomUserAttributes: {
    positions: ['post', 'pre'],
    abort: false,
    actions: ['set_custom_user_attributes', 'delete_custom_user_attributes'],
  },
  WebHook: { positions: ['post', 'pre'], abort: false, actions: ['post_webhook'] },
  Container: {
    positions: ['post', 'pre'],
    abort: false,
    actions: [
      'create',
      'delete',
      'unassign',
      'assign',
      'set states',
      'add states',
      'set description',
      'remove all tokens',
      'disable all tokens',
      'enable all tokens',
      'unregister',
      'set container info',
      'add container info',
      'delete container info',
    ],
  },
}

/** An event where every action has its targets: serials, a container with an owner, a user, a login. */
const richEvent: Event = {
  ...baseEvent,
  container: {
    serial: 'SMPH0001',
    type: 'smartphone',
    states: ['active'],
    owners: [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }],
    realms: ['realm1'],
    tokenCount: 1,
    info: {},
  },
  loggedIn: { role: 'user', username: 'alice', realm: 'realm1' },
}

/** [module, action] for every fixed action, plus one script. */
const ALL_ACTIONS: ReadonlyArray<readonly [string, string]> = MODULES.flatMap((m) =>
  m.actionNames === 'script' ? [[m.name, 'notify.sh'] as const] : m.actions.map((a) => [m.name, a.name] as const),
)

const specOf = (module: string, action: string) => {
  const m = handlerCatalogue.module(module)
  const a = m?.actions.find((x) => x.name === action) ?? m?.actions[0]
  if (a === undefined) throw new Error(`${module} ${action}`)
  return a
}

describe('the catalogue as data (SPEC 1.9, 4)', () => {
  test('11 modules with their positions, abortOnError default and actions', () => {
    expect(MODULES.map((m) => m.name)).toEqual(Object.keys(EXPECTED))
    for (const m of MODULES) {
      const e = EXPECTED[m.name]
      expect([m.name, [...m.positions], m.abortOnError, m.actions.map((a) => a.name)]).toEqual([
        m.name,
        e?.positions,
        e?.abort,
        e?.actions,
      ])
    }
  })
  test('lookup by exact name; prototype names are unknown', () => {
    for (const m of MODULES) expect(handlerCatalogue.module(m.name)).toBe(m)
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'usernotification', ''])
      expect(handlerCatalogue.module(name)).toBeUndefined()
    expect(handlerCatalogue.module(42 as unknown as string)).toBeUndefined()
  })
  test('the catalogue data is plain JSON (option tables), and so is its described view', () => {
    const data = MODULES.map(({ compile: _c, ...rest }) => rest)
    expect(roundTrip(data)).toEqual(data)
    const described = MODULES.map((m) => describeModule(m))
    expect(roundTrip(described)).toEqual(described)
  })
  test('option names are unique within each action', () => {
    for (const m of MODULES)
      for (const a of m.actions) expect(new Set(a.options.map((o) => o.name)).size).toBe(a.options.length)
  })
})

describe.each(ALL_ACTIONS)('%s %s', (module, action) => {
  const spec = specOf(module, action)
  test('compiles with its required options only, without warnings', () => {
    const c = compile(binding(module, action, minimalOptions(spec)))
    expect(c.issues).toEqual([])
    expect(c.action?.warnings.filter((w) => w.code === 'unknown-option')).toEqual([])
  })
  test('every required option missing is a configuration error at its path (a warning where lenient)', () => {
    for (const o of spec.options.filter((x) => x.required === true && x.default === undefined)) {
      const { [o.name]: _dropped, ...rest } = minimalOptions(spec)
      const c = compile(binding(module, action, rest))
      const found = isLenient(o) ? (c.action?.warnings ?? []) : c.issues
      expect(issueSummary(found)).toContainEqual({ code: 'missing-option', path: ['options', o.name] })
      if (isLenient(o)) expect(c.issues).toEqual([])
    }
  })
  test('every allowed value compiles; any other value is a configuration error (a warning where lenient)', () => {
    for (const o of spec.options.filter((x) => x.values !== undefined)) {
      for (const v of o.values ?? []) {
        const options = { ...fullOptions(spec), [o.name]: v }
        expect([o.name, v, compile(binding(module, action, options)).issues]).toEqual([o.name, v, []])
      }
      const bad = compile(binding(module, action, { ...fullOptions(spec), [o.name]: 'not-a-value' }))
      const found = isLenient(o) ? (bad.action?.warnings ?? []) : bad.issues
      expect(issueSummary(found)).toContainEqual({ code: 'invalid-option', path: ['options', o.name] })
      expect(bad.issues).toHaveLength(isLenient(o) ? 0 : 1)
    }
  })
  test('a lenient option with a value privacyIDEA cannot use: decline ⇒ no intent, success false (true for UserNotification, whose missing recipient still returns true, SPEC 4.1); nothing ⇒ fires, success true; details say why; never an abort', () => {
    const declineSucceeds = module === 'UserNotification'
    for (const o of spec.options.filter(isLenient)) {
      const base: Record<string, string> = {
        ...fullOptions(spec),
        ...(o.requiredWhen !== undefined ? { [o.requiredWhen.option]: o.requiredWhen.value } : {}),
      }
      const { [o.name]: _dropped, ...absent } = base
      const unusable: ReadonlyArray<Record<string, string>> = [
        ...(o.default === undefined ? [absent] : []),
        ...(o.type === 'int' ? [{ ...base, [o.name]: 'x' }] : []),
        ...(o.values !== undefined ? [{ ...base, [o.name]: 'not-a-value' }] : []),
      ]
      expect([o.name, unusable.length > 0]).toEqual([o.name, true])
      for (const options of unusable) {
        const e = evaluate(binding(module, action, options), richEvent)
        const a = e.audit[0]
        expect([o.name, options[o.name], e.intents.length, a?.success, typeof a?.details, e.aborted]).toEqual([
          o.name,
          options[o.name],
          o.invalid === 'decline' ? 0 : 1,
          o.invalid !== 'decline' || declineSucceeds,
          'string',
          undefined,
        ])
      }
    }
  })
  test('runs on a rich event: an intent tagged <module>.<action>, JSON round-trip stable, audited', () => {
    const e = evaluate(binding(module, action, fullOptions(spec)), richEvent)
    expect(e.aborted).toBeUndefined()
    expect(e.intents).toHaveLength(1)
    const intent = e.intents[0]
    expect(intent?._tag).toBe(module === 'Script' ? 'Script.run' : `${module}.${action}`)
    expect(intent).toMatchObject({
      bindingId: 1,
      bindingName: 'b1',
      handlerModule: module,
      action,
      event: 'token_init',
      position: 'post',
    })
    expect(roundTrip(intent)).toEqual(intent)
    expect(e.audit).toHaveLength(1)
    expect(e.audit[0]).toMatchObject({ action: `POST-EVENT token_init>>${module}:${action}`, success: true })
  })
})

describe('module and action names', () => {
  test('an unknown action is a configuration error at ["action"], with a hint for case', () => {
    expect(compile(binding('Counter', 'nope')).issues).toEqual([
      {
        code: 'unknown-action',
        message: 'Counter has no action "nope"; actions: "increase_counter", "decrease_counter", "reset_counter"',
        path: ['action'],
      },
    ])
    expect(compile(binding('UserNotification', 'SendMail', { emailconfig: 'm' })).issues[0]?.message).toContain(
      'did you mean "sendmail"?',
    )
    for (const a of ['__proto__', 'constructor', 'toString'])
      expect(issueSummary(compile(binding('Logging', a)).issues)).toEqual([
        { code: 'unknown-action', path: ['action'] },
      ])
  })
  test('a position the module does not allow fails the binding (kernel check over the module data)', () => {
    const e = evaluate(binding('Federation', 'forward', { privacyIDEA: 'remote' }), { ...baseEvent, position: 'pre' })
    expect(e.intents).toEqual([])
    expect(e.audit[0]).toMatchObject({ success: false, error: { tag: 'ConfigurationError' } })
    expect(e.aborted).toBeDefined()
    const rules = evaluate(binding('ResponseMangler', 'delete', { 'JSON pointer': '/a' }), {
      ...baseEvent,
      position: 'pre',
    })
    expect(rules.audit[0]).toMatchObject({ success: false, error: { tag: 'ConfigurationError' } })
  })
  test('sampleValue covers every option type', () => {
    expect(sampleValue({ name: 'n', type: 'int' })).toBe('3')
  })
})
