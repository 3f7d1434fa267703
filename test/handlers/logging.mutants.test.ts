/** Logging (SPEC 4.8): the level table, the warning for an unknown level and the descriptor texts. */
import { describe, expect, test } from 'vitest'
import { loggingModule } from '../../src/handlers/logging.js'
import { binding, compile, evaluate, onlyIntent } from './helpers.js'
import { actionFacts, expectDescribed } from './mutants-helpers.js'

describe('Logging level names (Python aliases)', () => {
  test.each([
    ['FATAL', 'CRITICAL', 50],
    ['NOTSET', 'NOTSET', 0],
  ])('level %s logs at %s (%i), without a warning', (level, name, number) => {
    expect(compile(binding('Logging', 'logging', { level })).action?.warnings).toEqual([])
    expect(onlyIntent(evaluate(binding('Logging', 'logging', { level })))).toMatchObject({
      level: name,
      levelNumber: number,
    })
  })
  test('an unknown level warns in a sentence naming the level and the fallback', () => {
    expect(compile(binding('Logging', 'logging', { level: 'LOUD' })).action?.warnings).toEqual([
      {
        code: 'unknown-log-level',
        message: 'logging: level "LOUD" is not a Python level name; INFO is used (ERROR, WARNING, INFO, DEBUG)',
        path: ['options', 'level'],
      },
    ])
  })
})

describe('Logging message errors', () => {
  test('an unknown tag in the message names the logging message and the tag', () => {
    const { issues } = compile(binding('Logging', 'logging', { message: 'x {nope}' }))
    expect(issues[0]?.message).toMatch(/^logging message: unknown tag \{nope\}; known tags: /)
  })
})

describe('Logging: the host resolves what the message tags read', () => {
  test('the default message reads only the request path', () => {
    expect(actionFacts(binding('Logging', 'logging'))).toEqual([])
  })
  test('tags add their facts', () => {
    expect(actionFacts(binding('Logging', 'logging', { message: '{givenname} {tokentype}' }))).toEqual([
      'user.info.givenname',
    ])
  })
})

describe('Logging descriptor', () => {
  test('the module, its action and its options describe themselves', () => {
    expectDescribed(loggingModule)
  })
})
