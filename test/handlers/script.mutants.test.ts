/**
 * Script (SPEC 4.3): each argument option alone, read from the declared facts; the script name errors in words;
 * raise_error only with wait; the descriptor texts.
 */
import { describe, expect, test } from 'vitest'
import type { Event } from '../../src/core/model.js'
import { scriptModule } from '../../src/handlers/script.js'
import { baseEvent, binding, compile, onlyIntent } from './helpers.js'
import { actionFacts, expectDescribed, expectFactsSuffice } from './mutants-helpers.js'

const args = (options: Record<string, string>, event: Event = baseEvent) =>
  onlyIntent<{ args: ReadonlyArray<string> }>(
    expectFactsSuffice(binding('Script', 'run.sh', { background: 'wait', ...options }), event),
  ).args

describe('Script: each argument option on its own reads what it needs', () => {
  test.each([
    ['serial', ['--serial', 'TOTP0001']],
    ['user', ['--user', 'alice']],
    ['realm', ['--realm', 'realm1']],
    ['logged_in_user', ['--logged_in_user', 'helpdesk@adminrealm']],
    ['logged_in_role', ['--logged_in_role', 'admin']],
  ])('%s', (option, expected) => {
    expect(args({ [option]: 'True' })).toEqual(expected)
  })
  test('a user with an empty realm: --realm none; an empty serial: --serial none', () => {
    const e: Event = { ...baseEvent, serial: '', user: { login: 'bob', realm: '', resolver: '' } }
    expect(args({ serial: 'True', user: 'True', realm: 'True' }, e)).toEqual([
      '--serial',
      'none',
      '--user',
      'bob',
      '--realm',
      'none',
    ])
  })
  test('without any argument option the script reads nothing of the event', () => {
    expect(args({})).toEqual([])
  })
})

describe('Script: the host resolves only what the arguments need', () => {
  test.each([
    [{}, []],
    [{ serial: 'True' }, []],
    [{ user: 'True' }, ['user']],
    [{ realm: 'True' }, ['user']],
    [{ logged_in_user: 'True' }, ['loggedIn']],
    [{ logged_in_role: 'True' }, ['loggedIn']],
    [{ user: 'True', logged_in_role: 'True' }, ['loggedIn', 'user']],
  ])('%o', (options, facts) => {
    expect(actionFacts(binding('Script', 'run.sh', { background: 'wait', ...options }))).toEqual(facts)
  })
})

describe('Script: modes', () => {
  test('wait without raise_error does not abort on failure; sync_to_database is passed on', () => {
    expect(
      onlyIntent(expectFactsSuffice(binding('Script', 'x', { background: 'wait', sync_to_database: '1' }))),
    ).toMatchObject({ mode: 'wait', abortOnFailure: false, syncToDatabase: true })
  })
  test('a mode other than background or wait is a configuration error naming both', () => {
    expect(compile(binding('Script', 'x', { background: 'later' })).issues).toEqual([
      {
        code: 'invalid-option',
        message: 'x: background: "later" is not one of "background", "wait"',
        path: ['options', 'background'],
      },
    ])
  })
})

describe('Script: names', () => {
  test.each([
    ['', 'is not a file name'],
    ['.', 'is not a file name'],
    ['a/b', 'contains a path separator or ".."'],
    ['x..y', 'contains a path separator or ".."'],
  ])('%j: the error says why', (name, why) => {
    expect(compile(binding('Script', name, { background: 'wait' })).issues).toEqual([
      { code: 'unknown-action', message: `Script: the script name ${JSON.stringify(name)} ${why}`, path: ['action'] },
    ])
  })
  test('the action option table is the same for any script name', () => {
    expect(scriptModule.actionNames).toBe('script')
    expect(scriptModule.actions.map((a) => a.name)).toEqual(['<script file name>'])
  })
})

describe('Script descriptor', () => {
  test('the module, its action and its options describe themselves', () => {
    expectDescribed(scriptModule)
  })
})
