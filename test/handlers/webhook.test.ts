import { describe, expect, expectTypeOf, test } from 'vitest'
import { check } from '../../src/check.js'
import type { WebhookIntent } from '../../src/handlers/webhook.js'
import { baseEvent, binding, compile, engine, evaluate, onlyIntent, webhookBinding } from './helpers.js'

const hook = webhookBinding

describe('WebHook (SPEC 4.9)', () => {
  test('without replace the data is sent as configured', () => {
    expect(onlyIntent(evaluate(hook({ data: '{"user": "{logged_in_user}"}' })))).toEqual({
      _tag: 'WebHook.post_webhook',
      bindingId: 1,
      bindingName: 'b1',
      handlerModule: 'WebHook',
      action: 'post_webhook',
      event: 'token_init',
      position: 'post',
      options: {
        URL: 'https://hooks.example.com/pi',
        content_type: 'application/json',
        replace: false,
        data: '{"user": "{logged_in_user}"}',
      },
      url: 'https://hooks.example.com/pi',
      contentType: 'application/json',
      data: '{"user": "{logged_in_user}"}',
      replaced: false,
    })
  })
  test('JSON with replace: tags in keys, strings and list items; other values untouched; Python serialisation', () => {
    const data =
      '{"{user_realm}": {"who": "{logged_in_user}", "n": 3, "ok": true, "tags": ["{token_serial}", 7, null]}, "é": "{surname}"}'
    expect(onlyIntent(evaluate(hook({ replace: 'True', data })))).toMatchObject({
      replaced: true,
      data: '{"realm1": {"who": "alice", "n": 3, "ok": true, "tags": ["TOTP0001", 7, null]}, "\\u00e9": "Liddell"}',
    })
  })
  test('every SPEC 5 tag is available, plus the WebHook aliases; missing values are ""', () => {
    const data =
      '{admin}|{realm}|{serial}|{token_serial}|{token_owner}|{user_realm}|{logged_in_user}|{registrationcode}'
    expect(
      onlyIntent(evaluate(hook({ content_type: 'application/x-www-form-urlencoded', replace: 'True', data }))),
    ).toMatchObject({
      contentType: 'application/x-www-form-urlencoded',
      data: 'helpdesk|realm1|TOTP0001|TOTP0001|Alice|realm1|alice|',
    })
  })
  test.each([
    ['json', 'application/json'],
    ['urlencoded', 'application/x-www-form-urlencoded'],
    ['application/json', 'application/json'],
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
  ])('content type %s is sent as %s', (stored, sent) => {
    expect(onlyIntent(evaluate(hook({ content_type: stored })))).toMatchObject({ contentType: sent })
  })
  test('urlendcode, the first version’s stored name, is unknown: privacyIDEA 3.14 maps only json and urlencoded', () => {
    const b = hook({ content_type: 'urlendcode' })
    expect(compile(b).action?.warnings).toMatchObject([{ code: 'invalid-option', path: ['options', 'content_type'] }])
    const r = evaluate(b)
    expect(r.intents).toEqual([])
    expect(r.audit[0]).toMatchObject({ success: false, info: 'b1', details: 'unknown content type "urlendcode"' })
  })
  test('an unknown content type is a warning; the action declines (SPEC 4.9: false)', () => {
    const b = hook({ content_type: 'text/plain' })
    expect(compile(b).action?.warnings).toMatchObject([{ code: 'invalid-option', path: ['options', 'content_type'] }])
    const r = evaluate(b)
    expect(r.intents).toEqual([])
    expect(r.audit[0]).toMatchObject({ success: false, info: 'b1', details: 'unknown content type "text/plain"' })
  })
  test.each([
    ['{"a": "{nope}"}', 'application/json'],
    ['{"a": 1', 'application/json'],
    ['a={serial}&b={', 'application/x-www-form-urlencoded'],
  ])('%j cannot be replaced: the original data is sent, with a warning and run details', (data, contentType) => {
    const b = hook({ replace: 'True', content_type: contentType, data })
    expect(compile(b).action?.warnings.map((w) => [w.code, w.path])).toEqual([
      ['webhook-data-unchanged', ['options', 'data']],
    ])
    const r = evaluate(b)
    expect(onlyIntent(r)).toMatchObject({ data, replaced: false })
    expect(r.audit[0]).toMatchObject({ info: 'b1', details: 'data sent unchanged: tags not replaced' })
  })
  test('an empty or absent content type declines like any unknown one, with a warning', () => {
    for (const b of [
      hook({ content_type: '' }),
      binding('WebHook', 'post_webhook', { URL: 'https://h', data: '{}' }),
    ]) {
      expect(check([b]).map((d) => [d.code, d.severity, d.path, d.message])).toEqual([
        [
          'missing-option',
          'warning',
          [0, 'options', 'content_type'],
          'post_webhook: option "content_type" is required; the action will decline',
        ],
      ])
      const r = evaluate(b)
      expect(r.intents).toEqual([])
      expect(r.aborted).toBeUndefined()
      expect(r.audit[0]).toMatchObject({ success: false, info: 'b1', details: 'no content type' })
      expect(r.audit[0]).not.toHaveProperty('error')
    }
    expectTypeOf<WebhookIntent['options']['content_type']>().toEqualTypeOf<string | undefined>()
  })
  test('URL and data are required: configuration errors', () => {
    expect(compile(binding('WebHook', 'post_webhook')).issues.map((i) => [i.code, i.path])).toEqual([
      ['missing-option', ['options', 'URL']],
      ['missing-option', ['options', 'data']],
    ])
  })
  test.each([
    ['s={serial!r}', 'application/x-www-form-urlencoded'],
    ['{"s": "{serial:>10}"}', 'application/json'],
  ])('a conversion or format spec (%j) is not substituted: the data is sent unchanged, with a warning', (data, ct) => {
    const b = hook({ replace: 'True', content_type: ct, data })
    expect(check([b]).map((d) => [d.code, d.severity, d.path])).toEqual([
      ['webhook-data-unchanged', 'warning', [0, 'options', 'data']],
    ])
    const r = evaluate(b)
    expect(onlyIntent(r)).toMatchObject({ data, replaced: false })
    expect(r.audit[0]).toMatchObject({ success: true, info: 'b1', details: 'data sent unchanged: tags not replaced' })
  })
  test('scenario: on token_init post the new serial and owner to the asset database', () => {
    const b = binding(
      'WebHook',
      'post_webhook',
      {
        URL: 'https://assets.example.com/tokens',
        content_type: 'json',
        replace: 'True',
        data: '{"serial": "{serial}", "owner": "{username}@{userrealm}", "type": "{tokentype}", "by": "{admin}"}',
      },
      { events: ['token_init'] },
    )
    expect(engine.evaluate(baseEvent, [b]).intents).toMatchObject([
      {
        url: 'https://assets.example.com/tokens',
        contentType: 'application/json',
        data: '{"serial": "TOTP0001", "owner": "alice@realm1", "type": "totp", "by": "helpdesk"}',
      },
    ])
  })
})
