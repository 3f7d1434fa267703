import { describe, expect, test } from 'vitest'
import { scriptNameProblem } from '../../src/handlers/script.js'
import { baseEvent, binding, compile, engine, evaluate, issueSummary, onlyIntent } from './helpers.js'

const all = {
  background: 'wait',
  raise_error: 'True',
  sync_to_database: 'True',
  serial: 'True',
  user: 'True',
  realm: 'True',
  logged_in_user: 'True',
  logged_in_role: 'True',
}

describe('Script (SPEC 4.3)', () => {
  test('a script with every argument, in privacyIDEA’s order', () => {
    expect(onlyIntent(evaluate(binding('Script', 'notify.sh', all)))).toEqual({
      _tag: 'Script.run',
      bindingId: 1,
      bindingName: 'b1',
      handlerModule: 'Script',
      action: 'notify.sh',
      event: 'token_init',
      position: 'post',
      options: {
        background: 'wait',
        raise_error: true,
        sync_to_database: true,
        serial: true,
        user: true,
        realm: true,
        logged_in_user: true,
        logged_in_role: true,
      },
      script: 'notify.sh',
      mode: 'wait',
      args: [
        '--serial',
        'TOTP0001',
        '--user',
        'alice',
        '--realm',
        'realm1',
        '--logged_in_user',
        'helpdesk@adminrealm',
        '--logged_in_role',
        'admin',
      ],
      abortOnFailure: true,
      syncToDatabase: true,
    })
  })
  test('background (the only required option) with nothing else: no arguments, never aborts', () => {
    expect(
      onlyIntent(evaluate(binding('Script', 'x', { background: 'background', raise_error: 'True' }))),
    ).toMatchObject({
      mode: 'background',
      args: [],
      abortOnFailure: false,
      syncToDatabase: false,
    })
    expect(issueSummary(compile(binding('Script', 'x')).issues)).toEqual([
      { code: 'missing-option', path: ['options', 'background'] },
    ])
  })
  test('missing facts become none / none@none', () => {
    const event = { name: 'auth', position: 'post' as const, now: baseEvent.now, request: { params: {} } }
    expect(onlyIntent(evaluate(binding('Script', 'x', all), event))).toMatchObject({
      args: [
        '--serial',
        'none',
        '--user',
        'none',
        '--realm',
        'none',
        '--logged_in_user',
        'none@none',
        '--logged_in_role',
        'none',
      ],
    })
  })
  test('an internal admin has no realm: admin@', () => {
    const e = { ...baseEvent, loggedIn: { role: 'admin' as const, username: 'admin' } }
    expect(
      onlyIntent(evaluate(binding('Script', 'x', { background: 'wait', logged_in_user: 'True' }), e)),
    ).toMatchObject({
      args: ['--logged_in_user', 'admin@'],
    })
  })
  test.each(['notify.sh', 'a b', 'x.y.z', '.hidden', '__proto__'])('%j is a script name', (name) => {
    expect(scriptNameProblem(name)).toBeUndefined()
    expect(compile(binding('Script', name, { background: 'wait' })).issues).toEqual([])
  })
  test.each(['', '.', '../x', 'a/b', 'a\\b', '..', 'x..y', '/etc/passwd', 'a\u0000b'])('%j is refused', (name) => {
    expect(issueSummary(compile(binding('Script', name, { background: 'wait' })).issues)).toEqual([
      { code: 'unknown-action', path: ['action'] },
    ])
  })
  test('scenario: on token_delete run cleanup.sh in the background with the serial', () => {
    const b = binding(
      'Script',
      'cleanup.sh',
      { background: 'background', serial: 'True' },
      { events: ['token_delete'] },
    )
    const r = engine.evaluate({ ...baseEvent, name: 'token_delete', serial: 'HOTP9' }, [b])
    expect(r.intents).toMatchObject([{ script: 'cleanup.sh', mode: 'background', args: ['--serial', 'HOTP9'] }])
    expect(r.audit[0]?.action).toBe('POST-EVENT token_delete>>Script:cleanup.sh')
  })
})
