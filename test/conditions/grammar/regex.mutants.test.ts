import { describe, expect, it } from 'vitest'
import { translatePattern, translateRegex } from '../../../src/conditions/grammar/regex.js'

/*
 * Behaviour of the Python → JavaScript regex translation (SPEC D14, docs/compatibility.md "Regex details") that the
 * first mutation run of src/conditions/grammar/regex.ts found untested (docs/quality.md). Every expected value below
 * is what Python 3.11's `re` gives for the same pattern and text: the text matched by `re.match` (match),
 * `re.search` (search) or `re.fullmatch` (full), or null when it does not match; every refused pattern is one Python
 * refuses as well, unless the table says it is one JavaScript cannot express. A position in a message is where the
 * offending construct starts, counted in characters from 0, as Python's `re.error.pos` counts it.
 */

type Mode = 'match' | 'search' | 'full'

/** The text the translated pattern matches in `text` (as Python's `m.group(0)`), or null. */
const matched = (pattern: string, mode: Mode, text: string): string | null => {
  const r = translateRegex(pattern, mode)
  if (r._tag === 'Left') throw new Error(r.left)
  return r.right.exec(text)?.[0] ?? null
}

const refusal = (pattern: string): string => {
  const r = translatePattern(pattern)
  return r._tag === 'Left' ? r.left : `accepted as ${JSON.stringify(r.right)}`
}

describe('verbose mode (?x): whitespace and # comments are ignored outside a set, kept inside one and when escaped', () => {
  it.each<readonly [string, Mode, string, string | null]>([
    ['(?x)a b', 'full', 'ab', 'ab'],
    ['(?x)a b', 'full', 'a b', null],
    ['(?x)a\tb', 'full', 'ab', 'ab'],
    ['(?x)a\nb', 'full', 'ab', 'ab'],
    ['(?x)a\rb', 'full', 'ab', 'ab'],
    ['(?x)a\u{B}b', 'full', 'ab', 'ab'],
    ['(?x)a\u{C}b', 'full', 'ab', 'ab'],
    ['(?x)a # a comment to the end', 'full', 'a', 'a'],
    ['(?x)#only a comment', 'full', '', ''],
    ['(?x) # c\n(?i)a', 'full', 'A', 'A'],
    ['(a#)', 'full', 'a#', 'a#'],
    ['(?x)a # comment\nb', 'full', 'ab', 'ab'],
    ['(?x)a#b', 'full', 'a#b', null],
    ['(?x)a\\ b', 'full', 'a b', 'a b'],
    ['(?x)a\\#b', 'full', 'a#b', 'a#b'],
    ['(?x)[ ]', 'full', ' ', ' '],
    ['(?x)[#]', 'full', '#', '#'],
    ['(?x:a b)c', 'full', 'abc', 'abc'],
    ['(?x:a) b', 'full', 'a b', 'a b'],
    ['(?x)(?-x:a b)', 'full', 'a b', 'a b'],
    ['(?x)(?-x:a b)', 'full', 'ab', null],
    ['(?x)a(?s: b)', 'full', 'ab', 'ab'],
    ['(?x)a{1 }', 'full', 'a{1}', 'a{1}'],
  ])('%j (%s) on %j matches %j, as in Python', (pattern, mode, text, expected) => {
    expect(matched(pattern, mode, text)).toBe(expected)
  })
})

describe('escapes outside a set', () => {
  it.each<readonly [string, Mode, string, string | null]>([
    ['\\a', 'full', '\u{7}', '\u{7}'],
    ['\\f', 'full', '\u{C}', '\u{C}'],
    ['\\n', 'full', '\n', '\n'],
    ['\\n', 'full', 'n', null],
    ['\\r', 'full', '\r', '\r'],
    ['\\t', 'full', '\t', '\t'],
    ['\\v', 'full', '\u{B}', '\u{B}'],
    ['\\x4a', 'full', 'J', 'J'],
    ['\\u00e9', 'full', 'é', 'é'],
    ['\\U0001F600', 'full', '😀', '😀'],
    ['\\U0010FFFF', 'full', '\u{10FFFF}', '\u{10FFFF}'],
    ['\\.', 'full', '.', '.'],
    ['\\.', 'full', 'a', null],
    ['\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$', 'full', '*+?()[]{}|^$', '*+?()[]{}|^$'],
    ['\\é', 'full', 'é', 'é'],
    ['\\ ', 'full', ' ', ' '],
    ['\\ud800\\udc00', 'full', '\u{10000}', null],
  ])('%j (%s) on %j matches %j, as in Python', (pattern, mode, text, expected) => {
    expect(matched(pattern, mode, text)).toBe(expected)
  })
})

describe('octal escapes and group references outside a set', () => {
  it.each<readonly [string, Mode, string, string | null]>([
    ['\\0', 'full', '\u{0}', '\u{0}'],
    ['\\07', 'full', '\u{7}', '\u{7}'],
    ['\\012', 'full', '\n', '\n'],
    ['\\0123', 'full', '\n3', '\n3'],
    ['\\08', 'full', '\u{0}8', '\u{0}8'],
    ['\\123', 'full', 'S', 'S'],
    ['\\1234', 'full', 'S4', 'S4'],
    ['\\377', 'full', 'ÿ', 'ÿ'],
    ['\\101\\102', 'full', 'AB', 'AB'],
    ['(a)\\1', 'full', 'aa', 'aa'],
    ['(a)\\1', 'full', 'ab', null],
    ['(a)(b)\\2\\1', 'full', 'abba', 'abba'],
    ['(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)\\12', 'full', 'abcdefghijkll', 'abcdefghijkll'],
    ['(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)\\12', 'full', 'abcdefghijkla', null],
    ['(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\\11', 'full', 'abcdefghijkk', 'abcdefghijkk'],
    ['(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)\\128', 'full', 'abcdefghijkll8', 'abcdefghijkll8'],
    ['(?P<n>a)\\1', 'full', 'aa', 'aa'],
    ['(a)(?P<n>b)\\2', 'full', 'abb', 'abb'],
    ['(?P<n>a)(b)\\2', 'full', 'abb', 'abb'],
  ])('%j (%s) on %j matches %j, as in Python', (pattern, mode, text, expected) => {
    expect(matched(pattern, mode, text)).toBe(expected)
  })
})

describe('sets: members, ranges, escapes and negation', () => {
  it.each<readonly [string, Mode, string, string | null]>([
    ['[\\a]', 'full', '\u{7}', '\u{7}'],
    ['[\\n]', 'full', '\n', '\n'],
    ['[\\t\\r]+', 'full', '\r\t', '\r\t'],
    ['[\\x41-\\x43]+', 'full', 'ABC', 'ABC'],
    ['[\\x41-\\x43]', 'full', 'D', null],
    ['[\\101]', 'full', 'A', 'A'],
    ['[\\0]', 'full', '\u{0}', '\u{0}'],
    ['[\\1]', 'full', '\u{1}', '\u{1}'],
    ['[\\12]', 'full', '\n', '\n'],
    ['[\\1234]+', 'full', 'S4', 'S4'],
    ['[\\377]', 'full', 'ÿ', 'ÿ'],
    ['[\\b]', 'full', '\u{8}', '\u{8}'],
    ['[\\-]', 'full', '-', '-'],
    ['[\\]]', 'full', ']', ']'],
    ['[\\\\]', 'full', '\\', '\\'],
    ['[a\\-z]', 'full', '-', '-'],
    ['[a\\-z]', 'full', 'b', null],
    ['[^a]', 'full', '^', '^'],
    ['[^a]', 'full', '[', '['],
    ['[^a]', 'full', 'a', null],
    ['[ab]', 'full', 'b', 'b'],
    ['[ab]', 'full', 'S', null],
    ['[a-z]+', 'full', 'hello', 'hello'],
    ['[a-z]', 'full', 'A', null],
    ['[a-a]', 'full', 'a', 'a'],
    ['[a-c-e]+', 'full', 'b-e', 'b-e'],
    ['[a-c-e]', 'full', 'd', null],
    ['[\\x00-\\x1f]', 'full', '\u{5}', '\u{5}'],
    ['[a-\\x7a]', 'full', 'q', 'q'],
    ['[a-\\172]', 'full', 'q', 'q'],
    ['[\\d-]+', 'full', '1-2', '1-2'],
    ['[-a]+', 'full', '-a', '-a'],
    ['[\\s]', 'full', ' ', ' '],
    ['[\\S]', 'full', 'a', 'a'],
    ['[\\S]', 'full', ' ', null],
    ['[\\W]', 'full', '!', '!'],
    ['[\\W]', 'full', 'é', null],
    ['[\\w]', 'full', 'é', 'é'],
    ['(?a)[\\w]', 'full', 'é', null],
    ['(?a)[\\W]', 'full', 'é', 'é'],
    ['[^\\W]', 'full', 'é', 'é'],
    ['[^\\W]', 'full', '!', null],
    ['[\\d\\s]+', 'full', '1 2', '1 2'],
    ['[^\\s]', 'full', '\u{A0}', null],
    ['[&&]+', 'full', '&&', '&&'],
    ['[a&&b]', 'full', '&', '&'],
    ['[a||b]', 'full', '|', '|'],
    ['[~~]', 'full', '~', '~'],
    ['[!!]', 'full', '!', '!'],
    ['[(){}]+', 'full', '(){}', '(){}'],
    ['[/]', 'full', '/', '/'],
    ['[.]', 'full', 'a', null],
    ['[.]', 'full', '.', '.'],
    ['[$^*+?|]+', 'full', '$^*+?|', '$^*+?|'],
    ['[--/]+', 'full', '-./', '-./'],
    ['[#%,:;<=>@`]+', 'full', '#%,:;<=>@`', '#%,:;<=>@`'],
  ])('%j (%s) on %j matches %j, as in Python', (pattern, mode, text, expected) => {
    expect(matched(pattern, mode, text)).toBe(expected)
  })
})

describe('categories \\d \\w \\s: Unicode by default, ASCII with (?a)', () => {
  it.each<readonly [string, Mode, string, string | null]>([
    ['\\d', 'full', '٣', '٣'],
    ['\\d', 'full', '5', '5'],
    ['(?a)\\d', 'full', '5', '5'],
    ['(?a)\\d', 'full', '٣', null],
    ['\\D', 'full', 'a', 'a'],
    ['\\D', 'full', '٣', null],
    ['(?a)\\D', 'full', '٣', '٣'],
    ['(?a)\\D', 'full', '5', null],
    ['\\w', 'full', 'é', 'é'],
    ['\\w', 'full', '_', '_'],
    ['(?a)\\w', 'full', 'a', 'a'],
    ['(?a)\\w', 'full', 'Z', 'Z'],
    ['(?a)\\w', 'full', '7', '7'],
    ['(?a)\\w', 'full', '_', '_'],
    ['(?a)\\w', 'full', 'é', null],
    ['\\W', 'full', '!', '!'],
    ['\\W', 'full', 'é', null],
    ['(?a)\\W', 'full', 'é', 'é'],
    ['(?u)\\w', 'full', 'é', 'é'],
    ['\\s', 'full', ' ', ' '],
    ['\\s', 'full', '\t', '\t'],
    ['\\s', 'full', '\u{2003}', '\u{2003}'],
    ['\\s', 'full', '\u{1C}', '\u{1C}'],
    ['\\s', 'full', '\u{85}', '\u{85}'],
    ['\\s', 'full', '\u{A0}', '\u{A0}'],
    ['\\s', 'full', '\u{1680}', '\u{1680}'],
    ['\\s', 'full', '\u{2028}', '\u{2028}'],
    ['\\s', 'full', '\u{202F}', '\u{202F}'],
    ['\\s', 'full', '\u{205F}', '\u{205F}'],
    ['\\s', 'full', '\u{3000}', '\u{3000}'],
    ['\\s', 'full', '\u{200B}', null],
    ['\\s', 'full', 'a', null],
    ['(?a)\\s', 'full', '\t', '\t'],
    ['(?a)\\s', 'full', '\u{B}', '\u{B}'],
    ['(?a)\\s', 'full', '\r', '\r'],
    ['(?a)\\s', 'full', ' ', ' '],
    ['(?a)\\s', 'full', '\u{A0}', null],
    ['(?a)\\s', 'full', '\u{1C}', null],
    ['\\S', 'full', 'a', 'a'],
    ['\\S', 'full', ' ', null],
    ['(?a)\\S', 'full', '\u{A0}', '\u{A0}'],
    ['(?a:\\w)', 'full', 'é', null],
    ['(?a:\\w)\\w', 'full', 'aé', 'aé'],
    ['(?a)(?u:\\w)', 'full', 'é', 'é'],
    ['(?a)(?s:\\w)', 'full', 'é', null],
    ['(?s:\\w)', 'full', 'é', 'é'],
    ['(?a:(?u:\\w))', 'full', 'é', 'é'],
  ])('%j (%s) on %j matches %j, as in Python', (pattern, mode, text, expected) => {
    expect(matched(pattern, mode, text)).toBe(expected)
  })
})

describe('word boundaries \\b \\B', () => {
  it.each<readonly [string, Mode, string, string | null]>([
    ['\\bfoo', 'search', 'a foo', 'foo'],
    ['\\bfoo', 'search', 'afoo', null],
    ['foo\\b', 'search', 'foobar', null],
    ['foo\\b', 'search', 'foo!', 'foo'],
    ['\\Bfoo', 'search', 'afoo', 'foo'],
    ['\\Bfoo', 'search', 'a foo', null],
    ['o\\B', 'search', 'o!', null],
    ['o\\Bo', 'search', 'oo', 'oo'],
    ['\\bé', 'search', ' é', 'é'],
    ['(?a)\\bé', 'search', ' é', null],
    ['(?a)\\Bé', 'search', ' é', 'é'],
    ['\\Bé', 'search', ' é', null],
    ['a\\bé', 'search', 'aé', null],
    ['(?a)a\\bé', 'search', 'aé', 'aé'],
    // Python 3.11's \B never matches in an empty text, although no word character is on either side
    ['\\B', 'search', '', null],
    ['(?a)\\B', 'full', '', null],
    ['\\B|-', 'search', '', null],
    ['\\B', 'search', ' ', ''],
    ['$\\B', 'search', ' ', ''],
    ['\\b', 'search', '', null],
  ])('%j (%s) on %j matches %j, as in Python', (pattern, mode, text, expected) => {
    expect(matched(pattern, mode, text)).toBe(expected)
  })
})

describe('anchors ^ $ \\A \\Z and the flags m and s', () => {
  it.each<readonly [string, Mode, string, string | null]>([
    ['^b', 'search', 'ab', null],
    ['(?m)^b', 'search', 'ab', null],
    ['(?m)^b', 'search', 'a\nb', 'b'],
    ['(?m)a$', 'search', 'a\nb', 'a'],
    ['(?m)a$', 'search', 'ab', null],
    ['(?m)a$', 'search', 'a', 'a'],
    ['a$', 'search', 'ab', null],
    ['a$', 'search', 'a\n', 'a'],
    ['a$', 'search', 'a\n\n', null],
    ['a$', 'search', 'a\nb', null],
    ['\\Aa', 'search', 'ba', null],
    ['\\Aa', 'search', 'ab', 'a'],
    ['a\\Z', 'search', 'a', 'a'],
    ['a\\Z', 'search', 'a\n', null],
    ['a\\Z', 'search', 'ab', null],
    ['(?m)a\\Z', 'search', 'a\nb', null],
    ['(?m)\\Ab', 'search', 'a\nb', null],
    ['(?m:^b)', 'search', 'a\nb', 'b'],
    ['(?s:^b)', 'search', 'a\nb', null],
    ['(?m)(?-m:^b)', 'search', 'a\nb', null],
    ['(?m)(?s:^b)', 'search', 'a\nb', 'b'],
    ['(?m:a$)', 'search', 'a\nb', 'a'],
    ['(?m)(?-m:a$)', 'search', 'a\nb', null],
    ['(?s:.)', 'full', '\n', '\n'],
    ['(?m:.)', 'full', '\n', null],
    ['(?s)(?-s:.)', 'full', '\n', null],
    ['(?s)(?m:.)', 'full', '\n', '\n'],
    ['.', 'full', '\r', '\r'],
    ['.', 'full', '\n', null],
    ['(?s).', 'full', '\n', '\n'],
  ])('%j (%s) on %j matches %j, as in Python', (pattern, mode, text, expected) => {
    expect(matched(pattern, mode, text)).toBe(expected)
  })
})

describe('quantifiers: lazy, counted, on look-arounds', () => {
  it.each<readonly [string, Mode, string, string | null]>([
    ['a+?', 'match', 'aaa', 'a'],
    ['a*?', 'match', 'aaa', ''],
    ['a??', 'match', 'a', ''],
    ['a{1,3}?', 'match', 'aaa', 'a'],
    ['a{2,}?', 'match', 'aaa', 'aa'],
    ['a{2}', 'full', 'aa', 'aa'],
    ['a{2}', 'full', 'a', null],
    ['a{2}', 'full', 'aaa', null],
    ['a{2,}', 'full', 'aaaa', 'aaaa'],
    ['a{,2}', 'full', 'aaa', null],
    ['a{,2}', 'full', '', ''],
    ['a{0}', 'full', '', ''],
    ['a{2,3}', 'full', 'aaaa', null],
    ['a{2,3}', 'full', 'aaa', 'aaa'],
    ['a{3,3}', 'full', 'aaa', 'aaa'],
    ['x{', 'full', 'x{', 'x{'],
    ['x{a}', 'full', 'x{a}', 'x{a}'],
    ['x{1,a}', 'full', 'x{1,a}', 'x{1,a}'],
    ['x{1', 'full', 'x{1', 'x{1'],
    ['{', 'full', '{', '{'],
    ['x{}*', 'full', 'x{}}}', 'x{}}}'],
    ['(?=a)*b', 'full', 'b', 'b'],
    ['(?=a)?a', 'full', 'a', 'a'],
    ['(?!b)+a', 'full', 'a', 'a'],
    ['(?<=a)?b', 'search', 'b', 'b'],
    ['(?<!a)*b', 'search', 'ab', 'b'],
    ['(?=a){2}a', 'full', 'a', 'a'],
    ['x(?=a)+a', 'full', 'xa', 'xa'],
    ['x(?<=x)+a', 'full', 'xa', 'xa'],
    ['x(?!b){2}a', 'full', 'xa', 'xa'],
    ['(?:ab)+', 'full', 'abab', 'abab'],
    ['(?:ab)+', 'full', 'aba', null],
    ['(ab)+', 'full', 'abab', 'abab'],
    ['(?#c)a*', 'full', 'aaa', 'aaa'],
    ['(?!a)b', 'search', 'b', 'b'],
    ['(?!a).', 'full', 'a', null],
    ['(?<=a)b', 'search', 'ab', 'b'],
    ['(?<=a)b', 'search', 'cb', null],
    ['(?<!a)b', 'search', 'cb', 'b'],
    ['a|b*', 'full', 'bb', 'bb'],
    ['(a)*', 'full', 'aa', 'aa'],
    ['(?P<n>a)*', 'full', 'aa', 'aa'],
  ])('%j (%s) on %j matches %j, as in Python', (pattern, mode, text, expected) => {
    expect(matched(pattern, mode, text)).toBe(expected)
  })
})

describe('named groups (?P<name>…) and (?P=name)', () => {
  it.each<readonly [string, Mode, string, string | null]>([
    ['(?P<ab>x)', 'full', 'x', 'x'],
    ['(?P<ab>x)(?P=ab)', 'full', 'xx', 'xx'],
    ['(?P<ab>x)(?P=ab)', 'full', 'xy', null],
    ['(?P<_1>x)(?P=_1)', 'full', 'xx', 'xx'],
    ['(?P<é>x)', 'full', 'x', 'x'],
    ['(?P<first>a)(?P<second>b)(?P=second)', 'full', 'abb', 'abb'],
    ['(?P<first>a)(?P<second>b)(?P=first)', 'full', 'aba', 'aba'],
    ['(?i)(?i:a)', 'full', 'A', 'A'],
    ['(?i)(?s:a.)', 'full', 'A\n', 'A\n'],
    ['(?i)(?-s:a.)', 'full', 'A\n', null],
    ['(?s-i:a.)', 'full', 'a\n', 'a\n'],
    ['(?u-x:a )', 'full', 'a ', 'a '],
  ])('%j (%s) on %j matches %j, as in Python', (pattern, mode, text, expected) => {
    expect(matched(pattern, mode, text)).toBe(expected)
  })
})

describe('patterns Python refuses are refused, with a message saying what and where', () => {
  it.each([
    ['\\x4', 'incomplete escape \\x4 at position 0'],
    ['\\x1g', 'incomplete escape \\x1g at position 0'],
    ['\\xg1', 'incomplete escape \\xg1 at position 0'],
    ['a\\u12', 'incomplete escape \\u12 at position 1'],
    ['\\U0011000', 'incomplete escape \\U0011000 at position 0'],
    ['\\U00110000', 'bad escape \\U00110000 at position 0'],
    ['[\\U00110000]', 'bad escape \\U00110000 at position 1'],
    ['\\q', 'bad escape \\q at position 0'],
    ['[\\q]', 'bad escape \\q at position 1'],
    ['x\\', 'the pattern ends with a lone backslash'],
    ['[\\B]', 'bad escape \\B in a character set at position 1'],
    ['[\\A]', 'bad escape \\A in a character set at position 1'],
    ['[\\Z]', 'bad escape \\Z in a character set at position 1'],
    ['[\\z]', 'bad escape \\z in a character set at position 1'],
    ['[\\8]', 'bad escape \\8 in a character set at position 1'],
    ['[a\\9]', 'bad escape \\9 in a character set at position 2'],
    ['[\\400]', 'octal escape value \\400 outside of range 0-0o377 at position 1'],
    ['\\400', 'octal escape value \\400 outside of range 0-0o377 at position 0'],
    ['a\\777', 'octal escape value \\777 outside of range 0-0o377 at position 1'],
    ['\\8', 'invalid group reference \\8 at position 0'],
    ['(a)\\11', 'invalid group reference \\11 at position 3'],
    ['(a)\\181', 'invalid group reference \\18 at position 3'],
    ['(a)\\2', 'invalid group reference \\2 at position 3'],
    ['(a\\1)', 'cannot refer to an open group \\1 at position 2'],
    ['(a)(b\\2)', 'cannot refer to an open group \\2 at position 5'],
    ['[a', 'unterminated character set at position 0'],
    ['x[a-', 'unterminated character set at position 1'],
    ['x[]', 'unterminated character set at position 1'],
    ['[^]', 'unterminated character set at position 0'],
    ['[a-\\', 'the pattern ends with a lone backslash'],
    ['[z-a]', 'bad character range z-a at position 1'],
    ['x[ab-a]', 'bad character range b-a at position 3'],
    ['[\\d-z]', 'bad character range \\d-z at position 1'],
    ['[a-\\d]', 'bad character range a-\\d at position 1'],
    ['[a-\\q]', 'bad escape \\q at position 3'],
    ['[a-\\A]', 'bad escape \\A in a character set at position 3'],
    ['[\\x62-\\x61]', 'bad character range \\x62-\\x61 at position 1'],
    ['*a', 'nothing to repeat at position 0'],
    ['\\b*', 'nothing to repeat at position 2'],
    ['\\B+', 'nothing to repeat at position 2'],
    ['\\A?', 'nothing to repeat at position 2'],
    ['a\\Z{2}', 'nothing to repeat at position 3'],
    ['^*', 'nothing to repeat at position 1'],
    ['(*a)', 'nothing to repeat at position 1'],
    ['a|*b', 'nothing to repeat at position 2'],
    ['(?:*a)', 'nothing to repeat at position 3'],
    ['(?=*a)', 'nothing to repeat at position 3'],
    ['(?!*a)', 'nothing to repeat at position 3'],
    ['(?<=*a)', 'nothing to repeat at position 4'],
    ['(?<!*a)', 'nothing to repeat at position 4'],
    ['(?P<n>*a)', 'nothing to repeat at position 6'],
    ['(?s:*a)', 'nothing to repeat at position 4'],
    ['{2}', 'nothing to repeat at position 0'],
    ['a**', 'multiple repeat at position 2'],
    ['(?x)a* ?', 'multiple repeat at position 7'],
    ['a{2}{3}', 'multiple repeat at position 4'],
    ['a*{2}', 'multiple repeat at position 2'],
    ['a{2}*', 'multiple repeat at position 4'],
    ['a{3,2}', 'min repeat greater than max repeat at position 1'],
    ['a{10,9}', 'min repeat greater than max repeat at position 1'],
    ['(?#abc', 'missing ), unterminated comment at position 0'],
    ['(?P<n', 'missing >, unterminated name at position 0'],
    ['a(?P=n', 'missing ), unterminated name at position 1'],
    ['(?P<>a)', 'missing group name at position 0'],
    ['(?P<n>a)(?P=)', 'missing group name at position 8'],
    ['(?P<1>a)', 'bad character in group name "1" at position 0'],
    ['(?P<1a>x)', 'bad character in group name "1a" at position 0'],
    ['(?P<a-b>x)', 'bad character in group name "a-b" at position 0'],
    ['(?P<a>x)(?P=a b)', 'bad character in group name "a b" at position 8'],
    ['(?P=x)', 'unknown group name "x" in (?P=x) at position 0'],
    ['(?P<n>a(?P=n))', 'cannot refer to an open group (?P=n) at position 7'],
    ['(?P<n>a)(?P<n>b)', 'redefinition of group name "n" as group 2; was group 1 at position 8'],
    ['a(?Px)', 'unknown extension ?Px at position 1'],
    ['a(?P', 'unknown extension ?P at position 1'],
    ['(?<n>a)', 'unknown extension ?<n at position 0; Python writes named groups as (?P<name>…)'],
    ['(?<', 'unknown extension ?< at position 0; Python writes named groups as (?P<name>…)'],
    ['a(?)', 'unknown extension ?) at position 1'],
    ['(?qs:a)', 'unknown extension ?q at position 0'],
    ['a(?', 'unknown extension ? at position 1'],
    ['(?-a:x)', 'unknown extension ?- at position 0'],
    ['a(?i)b', 'global flags not at the start of the expression at position 1'],
    ['(?s)a(?m)', 'global flags not at the start of the expression at position 5'],
    ['(?-:a)', 'missing flag after - at position 0'],
    ['(?m-m:a)', 'a flag turned on and off at position 0'],
    ['(?s-ms:a)', 'a flag turned on and off at position 0'],
    ['(?au:x)', 'the flags a and u cannot be combined at position 0'],
    ['(?ua:x)', 'the flags a and u cannot be combined at position 0'],
    ['(?au)x', 'the flags a and u cannot be combined'],
    ['(?a)(?u)x', 'the flags a and u cannot be combined'],
    ['(?q)x', 'unknown flag "q" in "(?q)"'],
    ['(?L)a', 'the locale flag L applies to byte patterns only'],
    ['(?L:a)', 'the locale flag L applies to byte patterns only'],
    [')', 'unbalanced parenthesis at position 0'],
    ['a)', 'unbalanced parenthesis at position 1'],
    ['ab#)c', 'unbalanced parenthesis at position 3'],
    ['a(?#x)b)', 'unbalanced parenthesis at position 7'],
    ['(a', 'missing ), unterminated subpattern'],
  ])('%j: %s', (pattern, message) => {
    expect(refusal(pattern)).toBe(message)
  })
})

describe('constructs Python accepts but JavaScript cannot express are refused with the reason', () => {
  it.each([
    ['(?i)(?a:x)', 'ASCII-only case-insensitive matching has no JavaScript equivalent'],
    ['(?ai)x', 'ASCII-only case-insensitive matching (?ai) has no JavaScript equivalent; drop the a flag'],
    ['(?i:a)', 'scoped case-insensitivity (?i:…) / (?-i:…) has no JavaScript equivalent; put (?i) at the start'],
    ['(?i)(?-i:a)', 'scoped case-insensitivity (?i:…) / (?-i:…) has no JavaScript equivalent; put (?i) at the start'],
    ['(?s)(?mi:a)', 'scoped case-insensitivity (?i:…) / (?-i:…) has no JavaScript equivalent; put (?i) at the start'],
    ['a*+', 'possessive quantifiers have no JavaScript equivalent at position 1'],
    ['a{2}+', 'possessive quantifiers have no JavaScript equivalent at position 1'],
    ['(?>a)', 'atomic groups (?>…) have no JavaScript equivalent'],
    ['(a)(?(1)b|c)', 'conditional groups (?(…)…) have no JavaScript equivalent'],
    ['\\N{EM DASH}', 'named Unicode escapes \\N{…} are not supported; write the character or \\uXXXX'],
  ])('%j: %s', (pattern, message) => {
    expect(refusal(pattern)).toBe(message)
  })
})

describe('the translated source, as explain shows it', () => {
  it.each([
    ['\\n', '\\u{A}'],
    ['\\x1f', '\\u{1F}'],
    ['\\x7f', '\\u{7F}'],
    ['\\u2028', '\\u{2028}'],
    ['\\u2029', '\\u{2029}'],
    ['\\ud800', '\\u{D800}'],
    ['\\udfff', '\\u{DFFF}'],
    ['[\\0]', '[\\u{0}]'],
    ['\\x20', ' '],
    ['\\x7e', '~'],
    ['\\ud7ff', '\u{D7FF}'],
    ['\\ue000', '\u{E000}'],
    ['\\u2027', '\u2027'],
    ['\\u202a', '\u202A'],
    ['é', 'é'],
  ])(
    '%j shows control characters, lone surrogates and line separators as \\u{…}, others as themselves: %j',
    (pattern, source) => {
      expect(translatePattern(pattern)).toEqual({ _tag: 'Right', right: { source, flags: 'v' } })
    },
  )
})

describe('\\z, which Python accepts from 3.14 on, ends the text as \\Z does', () => {
  it.each<readonly [string, string, boolean]>([
    ['x\\z', 'x', true],
    ['x\\z', 'x\n', false],
    ['x\\z', 'xy', false],
  ])('%j (search) on %j → %s', (pattern, text, expected) => {
    const r = translateRegex(pattern, 'search')
    expect(r._tag === 'Right' && r.right.test(text)).toBe(expected)
  })

  it('is an anchor: nothing to repeat', () => {
    expect(refusal('\\z*')).toBe('nothing to repeat at position 2')
  })
})

describe('leading global flags may follow comments, and blanks once (?x) is on, as in Python', () => {
  it.each<readonly [string, Mode, string, string | null]>([
    ['(?#c)(?i)a', 'search', 'A', 'A'],
    ['(?x) (?i) a', 'search', 'A', 'A'],
    ['(?x)# note\n(?i)a', 'search', 'A', 'A'],
    ['(?#c)(?#d)(?m)^a', 'search', 'b\na', 'a'],
    ['(?#c)(?s).', 'search', '\n', '\n'],
  ])('%j (%s) on %j matches %j, as in Python', (pattern, mode, text, expected) => {
    expect(matched(pattern, mode, text)).toBe(expected)
  })
  it.each([
    ['a(?#c)(?i)', 'global flags not at the start of the expression at position 6'],
    ['(?#c)a(?i)', 'global flags not at the start of the expression at position 6'],
    ['(?x)a (?i)', 'global flags not at the start of the expression at position 6'],
    ['(?#c', 'missing ), unterminated comment at position 0'],
  ])('%j is refused: %s', (pattern, reason) => expect(refusal(pattern)).toBe(reason))
})
