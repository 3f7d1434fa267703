/**
 * Behaviour of the CSV list reader of `in` / `!in` (SPEC 3.1) that a mutation run of src/conditions/grammar/csv.ts
 * found untested. Every accepted list below is what Python 3.11 gives for
 * `next(csv.reader([text], strict=True, skipinitialspace=True, doublequote=False, escapechar='\\'))` (an empty
 * list when Python yields no row); every refused text is one Python refuses too (`unexpected end of data` or
 * `new-line character seen in unquoted field`), with tripline's reason.
 */
import { describe, expect, it } from 'vitest'
import { parseCsvList } from '../../../src/conditions/grammar/csv.js'
import { right } from '../../../src/core/either.js'
import { verdict, withToken } from '../engine.js'

describe('line breaks, escapes, quotes and blanks read as Python reads them', () => {
  it.each<readonly [string, ReadonlyArray<string>]>([
    ['\n', []],
    ['\r', []],
    ['\r\n', []],
    ['\n\n', []],
    ['a\n', ['a']],
    ['a\r', ['a']],
    ['a\r\n', ['a']],
    ['a\n\n', ['a']],
    ['a,\n', ['a', '']],
    ['a,\r', ['a', '']],
    [' \n', ['']],
    [' a', ['a']],
    ['  a,  b', ['a', 'b']],
    [',', ['', '']],
    [',,', ['', '', '']],
    ['\\,', [',']],
    ['\\\\', ['\\']],
    ['\\"', ['"']],
    ['\\ a', [' a']],
    ['a\\,b', ['a,b']],
    ['a\\ b', ['a b']],
    ['"a"', ['a']],
    [' "a"', ['a']],
    ['"a"b', ['ab']],
    ['"a",b', ['a', 'b']],
    ['""', ['']],
    ['"a\\\\b"', ['a\\b']],
    ['"a\\,b"', ['a,b']],
    ['"a\nb"', ['a\nb']],
    ['"a\rb"', ['a\rb']],
    ['a"b', ['a"b']],
    ['a,"b,c"', ['a', 'b,c']],
    ['\\\r\n', ['\r']],
    ['\\\n\n', ['\n']],
    ['\\\n\r', ['\n']],
    ['a\\\n,b', ['a\n', 'b']],
    ['a\\\r,b', ['a\r', 'b']],
    ['a\\\n\\,b', ['a\n,b']],
    ['a\\\nb,c', ['a\nb', 'c']],
    ['a\\\n b,c', ['a\n b', 'c']],
    ['a\\\n\\\nb,c', ['a\n\nb', 'c']],
    ['a\\\n"b",c', ['a\n"b"', 'c']],
    ['\\\na\\\nb,', ['\na\nb', '']],
    ['\\\n,', ['\n', '']],
    ['"a"\n', ['a']],
    ['"a"\r\n', ['a']],
  ])('%j → %j', (text, items) => expect(parseCsvList(text)).toEqual(right(items)))
})

describe('malformed lists are refused where Python refuses them, with the reason', () => {
  it.each<readonly [string, string]>([
    ['a\\\n', 'unexpected end of data in "a\\\\\\n" (an escaped line break)'],
    ['a\\\nb', 'unexpected end of data in "a\\\\\\nb" (an escaped line break)'],
    ['a\\\rb', 'unexpected end of data in "a\\\\\\rb" (an escaped line break)'],
    ['"open', 'unexpected end of data in "\\"open" (an unterminated quote)'],
    ['a,"open', 'unexpected end of data in "a,\\"open" (an unterminated quote)'],
    ['"a\\', 'unexpected end of data in "\\"a\\\\" (an unterminated quote)'],
    ['"a\\"', 'unexpected end of data in "\\"a\\\\\\"" (an unterminated quote)'],
    ['a\\', 'unexpected end of data in "a\\\\" (a trailing backslash)'],
    ['\\', 'unexpected end of data in "\\\\" (a trailing backslash)'],
    ['a,\\', 'unexpected end of data in "a,\\\\" (a trailing backslash)'],
    ['a\nb', 'a line break inside "a\\nb" must be quoted'],
    ['a\rb', 'a line break inside "a\\rb" must be quoted'],
    ['\na', 'a line break inside "\\na" must be quoted'],
    ['\ra', 'a line break inside "\\ra" must be quoted'],
    ['a\n\nb', 'a line break inside "a\\n\\nb" must be quoted'],
    ['a,\nb', 'a line break inside "a,\\nb" must be quoted'],
    ['"a"\nb', 'a line break inside "\\"a\\"\\nb" must be quoted'],
    ['\\\r\na', 'a line break inside "\\\\\\r\\na" must be quoted'],
    ['a\\\n\nb', 'a line break inside "a\\\\\\n\\nb" must be quoted'],
    ['a\\\r\rb', 'a line break inside "a\\\\\\r\\rb" must be quoted'],
    [' \nb', 'a line break inside " \\nb" must be quoted'],
  ])('%j: %s', (text, reason) => expect(parseCsvList(text)).toEqual({ _tag: 'Left', left: reason }))
})

describe('through a condition', () => {
  it('text after an escaped line break stays in the item up to the next comma, as in Python', () => {
    const v = (value: string) => withToken({ info: { v: value } })
    expect(verdict({ tokeninfo: "v 'in' a\\\nb,c" }, v('a\nb'))).toBe('fire')
    expect(verdict({ tokeninfo: "v 'in' a\\\nb,c" }, v('c'))).toBe('fire')
    // Python: "unexpected end of data", so the comparison is false, negated or not
    expect(verdict({ tokeninfo: "v 'in' c,a\\\nb" }, v('c'))).toBe('skip')
    expect(verdict({ tokeninfo: "v '!in' c,a\\\nb" }, v('x'))).toBe('skip')
  })
})
