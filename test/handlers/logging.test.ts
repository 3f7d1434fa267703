import { describe, expect, test } from 'vitest'
import { LOG_LEVELS } from '../../src/handlers/logging.js'
import { baseEvent, binding, compile, engine, evaluate, onlyIntent } from './helpers.js'

describe('Logging (SPEC 4.8)', () => {
  test('defaults: logger pi-eventlogger, level INFO, message "event={action} triggered"', () => {
    expect(onlyIntent(evaluate(binding('Logging', 'logging')))).toEqual({
      _tag: 'Logging.logging',
      bindingId: 1,
      bindingName: 'b1',
      handlerModule: 'Logging',
      action: 'logging',
      event: 'token_init',
      position: 'post',
      options: { name: 'pi-eventlogger', level: 'INFO', message: 'event={action} triggered' },
      logger: 'pi-eventlogger',
      level: 'INFO',
      levelNumber: 20,
      message: 'event=/token/init triggered',
    })
  })
  test.each([
    ['ERROR', 'ERROR', 40],
    ['WARNING', 'WARNING', 30],
    ['INFO', 'INFO', 20],
    ['DEBUG', 'DEBUG', 10],
    ['WARN', 'WARNING', 30],
    ['CRITICAL', 'CRITICAL', 50],
  ])('level %s logs at %s (%i)', (level, name, number) => {
    expect(onlyIntent(evaluate(binding('Logging', 'logging', { level })))).toMatchObject({
      level: name,
      levelNumber: number,
    })
  })
  test('an unknown level falls back to INFO with a warning', () => {
    const c = compile(binding('Logging', 'logging', { level: 'LOUD' }))
    expect(c.action?.warnings.map((w) => [w.code, w.path])).toEqual([['unknown-log-level', ['options', 'level']]])
    expect(onlyIntent(evaluate(binding('Logging', 'logging', { level: 'LOUD' })))).toMatchObject({
      level: 'INFO',
      levelNumber: 20,
    })
  })
  test('every level name is Python’s', () => {
    expect([...LOG_LEVELS.keys()]).toEqual(['CRITICAL', 'FATAL', 'ERROR', 'WARNING', 'WARN', 'INFO', 'DEBUG', 'NOTSET'])
  })
  test('the message renders SPEC 5 tags; missing values are "" (D9); an unknown tag is a configuration error', () => {
    const message = '{admin}@{realm} {action} {serial} {username} {pin} {time}'
    expect(onlyIntent(evaluate(binding('Logging', 'logging', { message })))).toMatchObject({
      message: 'helpdesk@adminrealm /token/init TOTP0001 alice  10:00:00',
    })
    expect(compile(binding('Logging', 'logging', { message: 'x {nope}' })).issues).toMatchObject([
      { code: 'unknown-tag', path: ['options', 'message'] },
    ])
  })
  test('scenario: pre-event audit log for every authentication with the client IP', () => {
    const b = binding(
      'Logging',
      'logging',
      { name: 'audit', level: 'WARNING', message: '{username}@{userrealm} from {client_ip} at {date} {time}' },
      { events: ['validate_check'], position: 'pre' },
    )
    const { response: _r, ...event } = { ...baseEvent, name: 'validate_check', position: 'pre' as const }
    const r = engine.evaluate(event, [b])
    expect(r.intents).toMatchObject([
      { logger: 'audit', level: 'WARNING', message: 'alice@realm1 from 10.0.0.5 at 2026-11-29 10:00:00' },
    ])
    expect(r.audit[0]?.action).toBe('PRE-EVENT validate_check>>Logging:logging')
  })
})
