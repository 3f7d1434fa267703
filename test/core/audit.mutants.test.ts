/**
 * Behaviour of src/core/audit.ts that the mutation run (docs/quality.md) found unstated: Python's `repr` of
 * non-printable characters beyond Latin-1 in `actionDetail`, and that an audit entry leaves out empty serials, user
 * names and realms (privacyIDEA's audit has no value there, not an empty one).
 */
import { describe, expect, it } from 'vitest'
import { auditEntry, renderOptions } from '../../src/core/audit.js'
import { binding, event } from './test-catalogue.js'

describe('renderOptions escapes non-printable characters as Python repr does', () => {
  it.each([
    ['\u0085', "{'k': '\\x85'}"], // NEL, a C1 control
    ['\u00a0', "{'k': '\\xa0'}"], // no-break space (Zs)
    ['\u2028', "{'k': '\\u2028'}"], // line separator (Zl)
    ['\u200b', "{'k': '\\u200b'}"], // zero-width space (Cf)
    ['\ufeff', "{'k': '\\ufeff'}"], // byte-order mark (Cf)
    ['\u{e0001}', "{'k': '\\U000e0001'}"], // language tag (Cf), beyond the BMP
    ['\u{10ffff}', "{'k': '\\U0010ffff'}"], // a noncharacter (Cn)
    ['Ā\u{10000}é', "{'k': 'Ā\u{10000}é'}"], // printable beyond ASCII stays as it is
  ])('%j', (value, expected) => {
    expect(renderOptions({ k: value })).toBe(expected)
  })
})

describe('an audit entry has no empty serial, user or realm', () => {
  const entry = (e: Parameters<typeof auditEntry>[0]) => auditEntry(e, binding(), '{}', { success: true })

  it('leaves out an empty event serial and falls back to no serial', () => {
    expect(entry(event({ serial: '' }))).not.toHaveProperty('serial')
    expect(entry(event({ serial: 'S1' })).serial).toBe('S1')
  })

  it('leaves out an empty login and an empty realm independently', () => {
    const e = entry(event({ user: { login: '', realm: '', resolver: '' } }))
    expect(e).not.toHaveProperty('user')
    expect(e).not.toHaveProperty('realm')
    expect(entry(event({ user: { login: 'alice', realm: '', resolver: '' } }))).toMatchObject({ user: 'alice' })
    expect(entry(event({ user: { login: 'alice', realm: '', resolver: '' } }))).not.toHaveProperty('realm')
    const realmOnly = entry(event({ user: { login: '', realm: 'r1', resolver: '' } }))
    expect(realmOnly).toMatchObject({ realm: 'r1' })
    expect(realmOnly).not.toHaveProperty('user')
  })
})
