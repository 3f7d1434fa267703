/**
 * WebHook (SPEC 4.9): behaviour the example tests leave implicit — the descriptor texts, the facts the data's tags
 * read, the warning sentences when the data is sent unchanged, and content types that only look like table keys.
 */
import { describe, expect, test } from 'vitest'
import { AUDIT_FACTS, KERNEL_FACTS, requiredFactsWith } from '../../src/analysis/facts.js'
import { handlerCatalogue } from '../../src/handlers/index.js'
import { webhookModule } from '../../src/handlers/webhook.js'
import { compile, evaluate, noConditions, onlyIntent, webhookBinding } from './helpers.js'
import { expectDescribed, expectFactsSuffice } from './mutants-helpers.js'

const hook = webhookBinding

describe('WebHook descriptor', () => {
  test('the module, its action and its options describe themselves', () => {
    expectDescribed(webhookModule)
  })
})

describe('WebHook facts: evaluating the event pruned to the required facts changes nothing', () => {
  test.each([
    ['application/json', '{"{user_realm}": ["{token_owner}", "{logged_in_user}", "{serial}"], "r": "{realm}"}'],
    ['application/json', '{"a": "{surname}", "b": "{surname}", "c": "{tokentype}"}'],
    ['urlencoded', 'who={givenname}&ip={client_ip}&t={tokendescription}&s={token_serial}'],
  ])('%s %s', (contentType, data) => {
    const r = expectFactsSuffice(hook({ content_type: contentType, replace: 'True', data }))
    expect(onlyIntent(r)).toMatchObject({ replaced: true })
  })
  test('the data is all that is sent without replace', () => {
    expect(onlyIntent(expectFactsSuffice(hook({ data: 'a={surname}' })))).toMatchObject({ data: 'a={surname}' })
  })
})

describe('WebHook data sent unchanged', () => {
  test('the warning gives the reason: an unknown tag, broken braces, JSON that does not parse', () => {
    const warning = (options: Record<string, string>) =>
      compile(hook({ replace: 'True', ...options })).action?.warnings.map((w) => w.message)
    expect(warning({ data: '{"a": "{nope}"}' })).toEqual([
      expect.stringMatching(
        /^webhook data is sent unchanged: webhook data: unknown tag \{nope\}; known tags: \{admin\}/,
      ),
    ])
    expect(warning({ data: '{"a": 1' })).toEqual([
      "webhook data is sent unchanged: the data is not JSON: expected ',' or '}' at character 8",
    ])
    expect(warning({ content_type: 'urlencoded', data: 'a={serial}&b={' })).toEqual([
      "webhook data is sent unchanged: webhook data: Single '{' encountered in format string (at character 14); write {{ and }} for literal braces",
    ])
  })
  test('every unknown tag is named, in one sentence joined with "; "', () => {
    for (const [contentType, data] of [
      ['urlencoded', '{x}{y}'],
      ['application/json', '{"a": "{x}{y}"}'],
    ]) {
      const w = compile(hook({ replace: 'True', content_type: contentType as string, data: data as string })).action
        ?.warnings
      expect(w?.map((x) => x.message.match(/unknown tag \{\w\}; known tags: [^;]*(; |$)/g)?.length)).toEqual([2])
      expect(w?.[0]?.message).toMatch(/\{user_realm\}; webhook data: unknown tag \{y\}/)
    }
  })
  test('only with replace: without it nothing is parsed, nothing warns, the run details stay plain', () => {
    for (const [contentType, data] of [
      ['application/json', '{"a": 1'],
      ['application/json', '{"a": "{nope}"}'],
      ['urlencoded', 'b={'],
    ]) {
      const b = hook({ content_type: contentType as string, data: data as string })
      expect(compile(b).action?.warnings).toEqual([])
      const r = evaluate(b)
      expect([onlyIntent(r), r.audit[0]?.info, r.audit[0]?.details]).toEqual([
        expect.objectContaining({ data, replaced: false }),
        'b1',
        undefined,
      ])
    }
  })
  test('replaced data without tags is still replaced: JSON is written back as Python writes it', () => {
    const r = evaluate(hook({ replace: 'True', data: '{"a":[1,2],"b":"x"}' }))
    expect(onlyIntent(r)).toMatchObject({ data: '{"a": [1, 2], "b": "x"}', replaced: true })
    expect([r.audit[0]?.info, r.audit[0]?.details]).toEqual(['b1', undefined])
  })
  test('url-encoded data with replace is rendered as text, not parsed as JSON', () => {
    expect(
      onlyIntent(evaluate(hook({ content_type: 'urlencoded', replace: 'True', data: '{{"a":"{serial}"}}' }))),
    ).toMatchObject({ data: '{"a":"TOTP0001"}', replaced: true })
  })
})

describe('WebHook content types', () => {
  test('names of the table’s own machinery are unknown content types: the action declines', () => {
    for (const ct of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const b = hook({ content_type: ct })
      expect(compile(b).action?.warnings.map((w) => w.code)).toEqual(['invalid-option'])
      const r = evaluate(b)
      expect([ct, r.intents, r.audit[0]?.info, r.audit[0]?.details]).toEqual([
        ct,
        [],
        'b1',
        `unknown content type ${JSON.stringify(ct)}`,
      ])
    }
  })
  test('an unknown content type, or data without replace, asks for no more than every binding needs', () => {
    const requiredFacts = requiredFactsWith({ conditions: noConditions, handlers: handlerCatalogue })
    for (const options of [
      { content_type: 'text/plain', replace: 'True', data: '{serial}' },
      { data: '{"a": "{surname}"}' },
      { replace: 'True', data: '{"a": "b"}' },
    ])
      expect(requiredFacts([hook(options)], 'token_init', 'post')).toEqual([...KERNEL_FACTS, ...AUDIT_FACTS].sort())
  })
  test('an unknown content type reads nothing of the event', () => {
    const r = expectFactsSuffice(hook({ content_type: 'text/plain', replace: 'True', data: '{serial}' }))
    expect(r.audit[0]?.success).toBe(false)
  })
})
