import { describe, expect, test } from 'vitest'
import { makeContext } from '../../src/core/context.js'
import {
  compileTokenTemplate,
  DESCRIPTION_TAGS,
  renderTokenTemplate,
  TOKENINFO_TAGS,
} from '../../src/templates/token.js'
import { baseEvent } from '../handlers/helpers.js'

const tokeninfo = (source: string) =>
  compileTokenTemplate(source, { path: ['options', 'value'], label: 'value', known: TOKENINFO_TAGS })

const render = (source: string, now = '2026-11-29T10:00:00+01:00') => {
  const t = tokeninfo(source)
  if (t._tag === 'Left') throw new Error(JSON.stringify(t.left))
  return renderTokenTemplate(t.right, makeContext({ ...baseEvent, now }))
}

describe('Token option templates (SPEC 4.2, D4, D5, D6, D18)', () => {
  test('{now} renders YYYY-MM-DD HH:MM:SS.ffffff±hhmm in the event offset', () => {
    expect(render('{now}')).toBe('2026-11-29 10:00:00.000000+0100')
    expect(render('{now}', '2026-11-29T10:00:00.123456Z')).toBe('2026-11-29 10:00:00.123456+0000')
  })
  test('offsets without and with blanks (D6)', () => {
    expect(render('{now}+1d')).toBe('2026-11-30 10:00:00.000000+0100')
    expect(render('{now} - 7d')).toBe('2026-11-22 10:00:00.000000+0100')
    expect(render('{now}-90m')).toBe('2026-11-29 08:30:00.000000+0100')
  })
  test('{current_time} works like {now} (D5); each placeholder has its own offset (D18)', () => {
    expect(render('{current_time}+1h / {now}-1h / {now}')).toBe(
      '2026-11-29 11:00:00.000000+0100 / 2026-11-29 09:00:00.000000+0100 / 2026-11-29 10:00:00.000000+0100',
    )
  })
  test('{now:} and {current_time:} (an empty format spec) are the clock, as str.format reads them; no offset', () => {
    expect(render('{now:}+1d|{current_time:}')).toBe(
      '2026-11-29 10:00:00.000000+0100+1d|2026-11-29 10:00:00.000000+0100',
    )
    expect(tokeninfo('{now:}')).toMatchObject({
      right: { segments: [{ _tag: 'Now', placeholder: 'now', offsetMs: 0, source: '{now:}' }], usesClock: true },
    })
  })
  test('y is not an offset unit: the text stays, with a warning', () => {
    const t = tokeninfo('{now}+1y')
    expect(t._tag).toBe('Right')
    if (t._tag === 'Right') expect(t.right.warnings.map((w) => w.code)).toEqual(['offset-unit'])
    expect(render('{now}+1y')).toBe('2026-11-29 10:00:00.000000+0100+1y')
  })
  test('request tags and {username}/{realm} of the user in event (D4)', () => {
    expect(render('{client_ip}|{ua_browser}|{ua_string}|{username}@{realm}')).toBe(
      '10.0.0.5|firefox|Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0|alice@realm1',
    )
  })
  test('escaped braces are literal', () => {
    expect(render('{{now}} {{x}}')).toBe('{now} {x}')
  })
  test('an unknown tag or a stray brace is a configuration error', () => {
    expect(tokeninfo('{serial}')).toMatchObject({
      _tag: 'Left',
      left: [{ code: 'unknown-tag', path: ['options', 'value'] }],
    })
    expect(tokeninfo('a } b')).toMatchObject({ _tag: 'Left', left: [{ code: 'invalid-template' }] })
    const description = compileTokenTemplate('{username}', {
      path: ['options', 'description'],
      label: 'description',
      known: DESCRIPTION_TAGS,
    })
    expect(description).toMatchObject({ _tag: 'Left', left: [{ code: 'unknown-tag' }] })
  })
  test('an unreadable clock makes a clock template unrenderable; a template without clock still renders', () => {
    expect(render('{now}', 'garbage')).toBeUndefined()
    expect(render('plain {client_ip}', 'garbage')).toBe('plain 10.0.0.5')
  })
})
