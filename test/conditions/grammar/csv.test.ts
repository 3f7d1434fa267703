import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsvList } from '../../../src/conditions/grammar/csv.js'
import { right } from '../../../src/core/either.js'

describe('parseCsvList (Python csv, strict, skipinitialspace, escapechar \\)', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a, b,  c', ['a', 'b', 'c']],
    [' a , b ', ['a ', 'b ']],
    ['a,', ['a', '']],
    [',', ['', '']],
    ['', []],
    ['"a,b",c', ['a,b', 'c']],
    ['a, "b,c", d\\,e', ['a', 'b,c', 'd,e']],
    ['"a\\"b"', ['a"b']],
    ['"a"b', ['ab']],
    ['x"y"', ['x"y"']],
    ['a\\\\b', ['a\\b']],
  ])('%j → %j', (text, items) => expect(parseCsvList(text)).toEqual(right(items)))

  it.each(['"open', 'a\\', 'a\nb', '"a\\'])('%j is malformed', (text) => expect(parseCsvList(text)._tag).toBe('Left'))

  it('reads back any list written with quotes and escapes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ maxLength: 6 }).filter((s) => !/[\n\r]/.test(s)),
          { minLength: 1, maxLength: 5 },
        ),
        (items) => {
          const text = items.map((i) => `"${i.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(', ')
          const r = parseCsvList(text)
          return r._tag === 'Right' && JSON.stringify(r.right) === JSON.stringify(items)
        },
      ),
    )
  })
})
