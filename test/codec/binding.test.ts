import { describe, expect, it } from 'vitest'
import {
  BindingCodec,
  encodeBinding,
  isNativeShape,
  NativeBindingCodec,
  PrivacyIdeaDefinitionCodec,
} from '../../src/codec/binding.js'
import { type DecodeErrors, toDecodeErrors } from '../../src/codec/errors.js'
import type { Binding } from '../../src/core/model.js'

type Result = { readonly ok: Binding } | { readonly errors: DecodeErrors }
type Decoder = { readonly decode: (typeof BindingCodec)['decode'] }
const decode = (codec: Decoder, u: unknown): Result => {
  const r = codec.decode(u)
  return r._tag === 'Right' ? { ok: r.right } : { errors: toDecodeErrors(r.left) }
}
const ok = (codec: Decoder, u: unknown): Binding => {
  const r = decode(codec, u)
  if ('errors' in r) throw new Error(JSON.stringify(r.errors))
  return r.ok
}
const fail = (codec: Decoder, u: unknown): DecodeErrors => {
  const r = decode(codec, u)
  if ('ok' in r) throw new Error(`expected errors, got ${JSON.stringify(r.ok)}`)
  return r.errors
}

const pi = { id: 1, name: 'n', event: ['auth'], handlermodule: 'Token', action: 'disable' }
const native = { id: 1, name: 'n', events: ['auth'], handlerModule: 'Token', action: 'disable' }

describe('shape detection', () => {
  it('reads an object with events, handlerModule or abortOnError as native, anything else as privacyIDEA', () => {
    expect(isNativeShape(native)).toBe(true)
    expect(isNativeShape({ abortOnError: true })).toBe(true)
    expect(isNativeShape(pi)).toBe(false)
    expect(isNativeShape([])).toBe(false)
    expect(isNativeShape(null)).toBe(false)
  })
})

describe('native shape', () => {
  it('applies the SPEC 1.1 defaults and keeps abortOnError absent', () => {
    const b = ok(NativeBindingCodec, native)
    expect(b).toStrictEqual({
      id: 1,
      name: 'n',
      events: ['auth'],
      handlerModule: 'Token',
      action: 'disable',
      position: 'post',
      ordering: 0,
      active: true,
      options: {},
      conditions: {},
    })
    expect(Object.keys(b)).not.toContain('abortOnError')
  })

  it('treats an undefined-valued optional field as absent', () => {
    const b = ok(NativeBindingCodec, { ...native, abortOnError: undefined, position: undefined })
    expect(Object.keys(b)).not.toContain('abortOnError')
    expect(b.position).toBe('post')
  })

  it('requires id, name, events, handlerModule and action', () => {
    expect(fail(NativeBindingCodec, { events: [] })).toStrictEqual([
      { path: ['id'], message: 'missing; expected a number or a string' },
      { path: ['name'], message: 'missing; expected a string' },
      { path: ['handlerModule'], message: 'missing; expected a string' },
      { path: ['action'], message: 'missing; expected a string' },
    ])
  })

  it('requires option and condition values to be strings, and says how to write them', () => {
    expect(fail(NativeBindingCodec, { ...native, options: { a: true, b: 2.5, c: null } })).toStrictEqual([
      {
        path: ['options', 'a'],
        message: 'expected a string, got true; write "True" (values are text, as in privacyIDEA)',
      },
      {
        path: ['options', 'b'],
        message: 'expected a string, got the number 2.5; write "2.5" (values are text, as in privacyIDEA)',
      },
      { path: ['options', 'c'], message: 'expected a string, got null' },
    ])
    expect(fail(NativeBindingCodec, { ...native, conditions: null })).toStrictEqual([
      { path: ['conditions'], message: 'expected an object of condition names and string values, got null' },
    ])
  })

  it('rejects unknown fields, with a "did you mean" where one fits', () => {
    expect(
      fail(NativeBindingCodec, {
        ...native,
        handlermodule: 'x',
        abort_on_error: true,
        event: 'a',
        Ordering: 1,
        colour: 'red',
      }),
    ).toStrictEqual([
      { path: ['handlermodule'], message: 'unknown field; did you mean "handlerModule"?' },
      { path: ['abort_on_error'], message: 'unknown field; did you mean "abortOnError"?' },
      { path: ['event'], message: 'unknown field; did you mean "events"?' },
      { path: ['Ordering'], message: 'unknown field; did you mean "ordering"?' },
      {
        path: ['colour'],
        message:
          'unknown field (a binding has id, name, events, handlerModule, action, position, ordering, active, abortOnError, options, conditions)',
      },
    ])
  })

  it('checks every field type', () => {
    expect(
      fail(NativeBindingCodec, {
        id: Number.NaN,
        name: null,
        events: 'auth',
        handlerModule: 1,
        action: false,
        position: 'PRE',
        ordering: Number.POSITIVE_INFINITY,
        active: 'true',
        abortOnError: 'True',
      }),
    ).toStrictEqual([
      { path: ['id'], message: 'expected a number or a string, got the number NaN' },
      { path: ['name'], message: 'expected a string, got null' },
      { path: ['events'], message: 'expected a list of event names, got the string "auth"' },
      { path: ['handlerModule'], message: 'expected a string, got the number 1' },
      { path: ['action'], message: 'expected a string, got false' },
      { path: ['position'], message: 'expected "pre" or "post", got the string "PRE"' },
      { path: ['ordering'], message: 'expected a finite number, got the number Infinity' },
      { path: ['active'], message: 'expected true or false, got the string "true"' },
      { path: ['abortOnError'], message: 'expected true or false, got the string "True"' },
    ])
  })
})

describe("privacyIDEA's shape", () => {
  it('reads events from a list or a comma string: split, trimmed, empty items left out', () => {
    expect(ok(PrivacyIdeaDefinitionCodec, { ...pi, event: ' token_init ,token_delete,, ' }).events).toEqual([
      'token_init',
      'token_delete',
    ])
    expect(ok(PrivacyIdeaDefinitionCodec, { ...pi, event: ['a, b', ' c', ''] }).events).toEqual(['a', 'b', 'c'])
    expect(ok(PrivacyIdeaDefinitionCodec, { ...pi, event: '' }).events).toEqual([])
    expect(ok(PrivacyIdeaDefinitionCodec, { ...pi, event: [] }).events).toEqual([])
  })

  it('reports a bad item of an event list by its index', () => {
    expect(fail(PrivacyIdeaDefinitionCodec, { ...pi, event: ['a', 1, null] })).toStrictEqual([
      { path: ['event', 1], message: 'expected a string, got the number 1' },
      { path: ['event', 2], message: 'expected a string, got null' },
    ])
  })

  it('reads position null, "" or absent as post; rejects anything else', () => {
    for (const position of [null, '', undefined])
      expect(ok(PrivacyIdeaDefinitionCodec, { ...pi, position }).position).toBe('post')
    expect(ok(PrivacyIdeaDefinitionCodec, { ...pi, position: 'pre' }).position).toBe('pre')
    expect(fail(PrivacyIdeaDefinitionCodec, { ...pi, position: 'Pre' })).toStrictEqual([
      { path: ['position'], message: 'expected "pre" or "post", got the string "Pre"' },
    ])
  })

  it('reads active absent as true and null as false (privacyIDEA never selects a NULL active)', () => {
    expect(ok(PrivacyIdeaDefinitionCodec, pi).active).toBe(true)
    expect(ok(PrivacyIdeaDefinitionCodec, { ...pi, active: null }).active).toBe(false)
    expect(ok(PrivacyIdeaDefinitionCodec, { ...pi, active: false }).active).toBe(false)
  })

  it('keeps abort_on_error absent when absent or null', () => {
    expect('abortOnError' in ok(PrivacyIdeaDefinitionCodec, pi)).toBe(false)
    expect('abortOnError' in ok(PrivacyIdeaDefinitionCodec, { ...pi, abort_on_error: null })).toBe(false)
    expect(ok(PrivacyIdeaDefinitionCodec, { ...pi, abort_on_error: false }).abortOnError).toBe(false)
  })

  it('reads name and action null or absent as ""; ordering absent as 0', () => {
    const b = ok(PrivacyIdeaDefinitionCodec, { id: 1, event: 'a', handlermodule: 'Token', name: null, action: null })
    expect([b.name, b.action, b.ordering]).toEqual(['', '', 0])
    const c = ok(PrivacyIdeaDefinitionCodec, { id: 1, event: 'a', handlermodule: 'Token' })
    expect([c.name, c.action]).toEqual(['', ''])
  })

  it('reads options and conditions null as none', () => {
    const b = ok(PrivacyIdeaDefinitionCodec, { ...pi, options: null, conditions: null })
    expect([b.options, b.conditions]).toStrictEqual([{}, {}])
  })

  it("turns booleans and numbers into privacyIDEA's text", () => {
    const b = ok(PrivacyIdeaDefinitionCodec, {
      ...pi,
      options: { a: true, b: false, c: 3, d: 2.5, e: -0, f: 9007199254740991, g: 0.0001, h: -1234.5678 },
      conditions: { token_has_owner: false, count_auth: 10 },
    })
    expect(b.options).toStrictEqual({
      a: 'True',
      b: 'False',
      c: '3',
      d: '2.5',
      e: '0',
      f: '9007199254740991',
      g: '0.0001',
      h: '-1234.5678',
    })
    expect(b.conditions).toStrictEqual({ token_has_owner: 'False', count_auth: '10' })
  })

  it('refuses a number whose text in Python could differ from its text here', () => {
    // 12345678901234567890 (an int in Python) arrives as 12345678901234567000; Python writes 0.00001 as 1e-05
    const errors = fail(PrivacyIdeaDefinitionCodec, {
      ...pi,
      options: { big: JSON.parse('12345678901234567890') as number, huge: 1e21, edge: 9007199254740992, tiny: 0.00001 },
      conditions: { count_auth: -9007199254740992 },
    })
    expect(errors.map((e) => e.path)).toStrictEqual([
      ['options', 'big'],
      ['options', 'huge'],
      ['options', 'edge'],
      ['options', 'tiny'],
      ['conditions', 'count_auth'],
    ])
    expect(errors[3]?.message).toBe(
      'expected text: privacyIDEA would store the number 0.00001 as Python writes it, which need not be "0.00001" (too large an integer, or too small a fraction); write the value as a string',
    )
  })

  it('rejects other option and condition values, null included', () => {
    expect(fail(PrivacyIdeaDefinitionCodec, { ...pi, options: { a: null, b: [], c: {} } })).toStrictEqual([
      { path: ['options', 'a'], message: 'expected text (a string, true, false or a number), got null' },
      { path: ['options', 'b'], message: 'expected text (a string, true, false or a number), got a list' },
      { path: ['options', 'c'], message: 'expected text (a string, true, false or a number), got an object' },
    ])
  })

  it('parses conditions given as JSON text, with the same value rules', () => {
    expect(
      ok(PrivacyIdeaDefinitionCodec, { ...pi, conditions: '{"realm": "r1", "result_value": true}' }).conditions,
    ).toStrictEqual({
      realm: 'r1',
      result_value: 'True',
    })
    expect(fail(PrivacyIdeaDefinitionCodec, { ...pi, conditions: '{"last_auth": [1]}' })).toStrictEqual([
      { path: ['conditions', 'last_auth'], message: 'expected text (a string, true, false or a number), got a list' },
    ])
  })

  it('rejects conditions text that is not JSON of an object', () => {
    const [notJson] = fail(PrivacyIdeaDefinitionCodec, { ...pi, conditions: '{realm: r1}' })
    expect(notJson?.path).toEqual(['conditions'])
    expect(notJson?.message).toMatch(/^is text but not JSON \(.+\); expected an object$/)
    expect(fail(PrivacyIdeaDefinitionCodec, { ...pi, conditions: '["realm"]' })).toStrictEqual([
      { path: ['conditions'], message: 'is JSON text of a list; expected an object' },
    ])
    expect(fail(PrivacyIdeaDefinitionCodec, { ...pi, conditions: '' })[0]?.path).toEqual(['conditions'])
  })

  it('accepts the legacy condition string and ignores it; rejects other types there', () => {
    expect(ok(PrivacyIdeaDefinitionCodec, { ...pi, condition: '' })).toStrictEqual(ok(PrivacyIdeaDefinitionCodec, pi))
    expect(ok(PrivacyIdeaDefinitionCodec, { ...pi, condition: null })).toStrictEqual(ok(PrivacyIdeaDefinitionCodec, pi))
    expect(fail(PrivacyIdeaDefinitionCodec, { ...pi, condition: 1 })).toStrictEqual([
      { path: ['condition'], message: 'expected a string or null, got the number 1' },
    ])
  })

  it('ignores keys a later privacyIDEA version may add', () => {
    expect(ok(PrivacyIdeaDefinitionCodec, { ...pi, description: 'new in 4.0' })).toStrictEqual(
      ok(PrivacyIdeaDefinitionCodec, pi),
    )
  })

  it('refuses an unknown key that misspells a field, since ignoring it would drop what it says', () => {
    const hint = (field: string) =>
      `unknown field; did you mean "${field}"? (field names are exact: ignoring this one would drop what it says)`
    expect(fail(PrivacyIdeaDefinitionCodec, { ...pi, condtions: { realm: 'r1' } })).toStrictEqual([
      { path: ['condtions'], message: hint('conditions') },
    ])
    expect(
      fail(PrivacyIdeaDefinitionCodec, { ...pi, Position: 'pre', option: {}, handler_module: 'Token' }),
    ).toStrictEqual([
      { path: ['Position'], message: hint('position') },
      { path: ['option'], message: hint('options') },
      { path: ['handler_module'], message: hint('handlermodule') },
    ])
    // reported together with the other errors of the binding
    expect(fail(PrivacyIdeaDefinitionCodec, { ...pi, active: 'maybe', Active: true }).map((e) => e.path)).toStrictEqual(
      [['active'], ['Active']],
    )
    // form fields and keys far from every field are not misspellings; an undefined value counts as absent
    expect(
      ok(PrivacyIdeaDefinitionCodec, { ...pi, 'option.level': 'INFO', eventhandler_id: 3, Ordering: undefined }),
    ).toStrictEqual(ok(PrivacyIdeaDefinitionCodec, { ...pi, options: { level: 'INFO' } }))
  })

  it('requires id, event and handlermodule', () => {
    expect(fail(PrivacyIdeaDefinitionCodec, {})).toStrictEqual([
      { path: ['id'], message: 'missing; expected a number or a string' },
      { path: ['event'], message: 'missing; expected a list of event names or a comma-separated string' },
      { path: ['handlermodule'], message: 'missing; expected a string' },
    ])
  })

  it('reads an object without a prototype like any other', () => {
    const bare = Object.assign(Object.create(null) as object, pi)
    expect(ok(BindingCodec, bare)).toStrictEqual(ok(BindingCodec, pi))
  })

  it('does not read fields inherited from a prototype', () => {
    const inherited = Object.create({ handlermodule: 'Token' }) as Record<string, unknown>
    Object.assign(inherited, { id: 1, event: 'a' })
    expect(fail(BindingCodec, inherited)).toStrictEqual([
      { path: ['handlermodule'], message: 'missing; expected a string' },
    ])
  })
})

describe('BindingCodec', () => {
  it('encodes into privacyIDEA shape and guards the native shape', () => {
    const b = ok(BindingCodec, { ...native, abortOnError: true })
    expect(BindingCodec.encode(b)).toStrictEqual(encodeBinding(b))
    expect(BindingCodec.encode(b).abort_on_error).toBe(true)
    expect(BindingCodec.is(b)).toBe(true)
    expect(BindingCodec.is(native)).toBe(false)
    expect(BindingCodec.is({ ...b, extra: 1 })).toBe(false)
    expect(BindingCodec.is({ ...b, abortOnError: undefined })).toBe(false)
    expect(BindingCodec.is({ ...b, options: { __proto__: 'x' } })).toBe(true)
    expect(BindingCodec.is({ ...b, options: JSON.parse('{"__proto__":"x"}') })).toBe(false)
    expect(BindingCodec.is({ ...b, conditions: JSON.parse('{"constructor":"x"}') })).toBe(false)
    expect(BindingCodec.is(pi)).toBe(false)
  })
})
