/**
 * Python regular expressions (privacyIDEA's `re`) translated to JavaScript once, at compile time (SPEC D14).
 *
 * The translator reads the Python syntax token by token and writes an equivalent JavaScript pattern with the `v`
 * flag, so Python's meaning is kept where the two dialects differ: `.` does not match `\n` only (not `\r`),
 * `$` also matches before a final `\n`, `\d`, `\w`, `\s` and `\b` are Unicode-aware unless `(?a)`, `\A`, `\Z`,
 * `(?P<name>…)`, `(?P=name)`, `{,n}`, octal escapes, `\x`, `\u`, `\U`, verbose mode `(?x)`, leading global flags
 * `(?imsxau)` and scoped flags `(?s:…)`, `(?m:…)`, `(?x:…)`, `(?a:…)` (and `(?i:…)` when the whole pattern is
 * already case-insensitive). Constructs JavaScript cannot express faithfully are a `Left` with a reason:
 * conditionals `(?(1)…)`, atomic groups `(?>…)`, possessive quantifiers, `\N{…}`, scoped case flags, the locale
 * flag `L`, `(?ai)` (ASCII-only case folding), a backreference to a group that may not have matched there (Python's
 * fails, JavaScript's matches the empty string); so are patterns Python itself rejects.
 *
 * Anchoring modes: `match` = `re.match` (anchored at the start only), `search` = `re.search` (anywhere),
 * `full` = a whole-value match (`^(?:…)$`; D14: privacyIDEA's `^…$` concatenation lets `a|b` escape the anchors).
 *
 * @since 0.1.0
 */
import { type Either, left, right } from '../../core/either.js'

/**
 * How a translated regex is anchored: `match` (at the start), `search` (anywhere), `full` (the whole value).
 *
 * @example
 * translateRegex('^OATH', 'match' satisfies RegexMode)
 * @since 0.1.0
 */
export type RegexMode = 'match' | 'search' | 'full'

/**
 * A translated pattern: JavaScript source (without anchoring) and flags.
 *
 * @example
 * const pattern: TranslatedPattern = { source: 'oath', flags: 'iv' } // translatePattern('(?i)oath')
 * @since 0.1.0
 */
export interface TranslatedPattern {
  readonly source: string
  readonly flags: string
}

interface Flags {
  readonly i: boolean
  readonly m: boolean
  readonly s: boolean
  readonly x: boolean
  readonly a: boolean
}

const NO_FLAGS: Flags = { i: false, m: false, s: false, x: false, a: false }

const SYNTAX = new Set([...'^$\\.*+?()[]{}|/'])
const CLASS_PUNCT = new Set([...'&-!#%,:;<=>@`~^$\\.*+?()[]{}|/'])
const VERBOSE_SPACE = new Set([' ', '\t', '\n', '\r', '\v', '\f'])
/** Character sets tested with `has`: a missing character (the end of the pattern) is in none of them. */
const charSet = (chars: string): ReadonlySet<string | undefined> => new Set(chars)
const ASCII_LETTER = charSet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')
const DIGIT = charSet('0123456789')
const OCT = charSet('01234567')
const HEX = /^[0-9A-Fa-f]+$/

const hexEscape = (cp: number): string => `\\u{${cp.toString(16).toUpperCase()}}`

const needsHex = (cp: number): boolean =>
  cp < 0x20 || cp === 0x7f || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0x2028 || cp === 0x2029

const outside = (cp: number): string => {
  const ch = String.fromCodePoint(cp)
  if (SYNTAX.has(ch)) return `\\${ch}`
  return needsHex(cp) ? hexEscape(cp) : ch
}

const inside = (cp: number): string => {
  const ch = String.fromCodePoint(cp)
  if (CLASS_PUNCT.has(ch)) return `\\${ch}`
  return needsHex(cp) ? hexEscape(cp) : ch
}

/**
 * I, i, İ (U+0130) and ı (U+0131): one class under Python's IGNORECASE (`re` compares lower case, `İ` lowers to `i`,
 * and it counts `i` and `ı` as one letter), three under JavaScript's case folding (`İ` and `ı` fold only to
 * themselves). Under `(?i)` each of them, alone or in a set, stands for all four.
 */
const DOTTED_I: ReadonlyArray<number> = [0x49, 0x69, 0x130, 0x131]
const DOTTED_I_CLASS = '[Ii\\u{130}\\u{131}]'
const isDottedI = (cp: number): boolean => cp === 0x49 || cp === 0x69 || cp === 0x130 || cp === 0x131

type Category = 'd' | 'D' | 'w' | 'W' | 's' | 'S'

const categoryBody = (c: 'd' | 'w' | 's', ascii: boolean): string => {
  switch (c) {
    case 'd':
      return ascii ? '0-9' : '\\p{Nd}'
    case 'w':
      return ascii ? 'A-Za-z0-9_' : '\\p{L}\\p{N}_'
    case 's':
      return ascii
        ? '\\t-\\r '
        : '\\t-\\r\\x1C-\\x20\\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000'
  }
}

/** A category as a class of its own: used as is outside a set and nested inside one (the `v` flag allows it). */
const categoryClass = (c: Category, ascii: boolean): string => {
  const lower = c.toLowerCase() as 'd' | 'w' | 's'
  return `[${c === lower ? '' : '^'}${categoryBody(lower, ascii)}]`
}

/**
 * `\b` and `\B`. Python's `\B` (up to 3.13) never matches in an empty string, although no word character is on
 * either side there: `(?!^$)` (the pattern has no `m` flag, so `^` and `$` are the ends of the input).
 */
const wordBoundary = (negated: boolean, ascii: boolean): string => {
  const w = categoryClass('w', ascii)
  return negated ? `(?:(?<=${w})(?=${w})|(?!^$)(?<!${w})(?!${w}))` : `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`
}

type Item = 'none' | 'atom' | 'anchor' | 'assert' | 'quantified'

interface Frame {
  readonly flags: Flags
  readonly kind: 'capture' | 'plain' | 'assert'
  readonly number: number
  readonly outStart: number
  /** Frames are numbered from 1 in the order they open; 0 is the whole pattern. */
  readonly id: number
}

type ClassMember = { readonly _tag: 'Char'; readonly cp: number } | { readonly _tag: 'Set'; readonly text: string }

/**
 * Translates a Python pattern into JavaScript source and flags (no anchoring).
 *
 * @example
 * translatePattern('(?i)^OATH\\d+') // right({ source: '^OATH[\\p{Nd}]+', flags: 'iv' })
 * translatePattern('(?P<x>a)(?P=x)') // right({ source: '(?<x>a)\\k<x>', flags: 'v' })
 * translatePattern('(?>a)') // left('atomic groups (?>…) have no JavaScript equivalent')
 * @since 0.1.0
 */
export const translatePattern = (pattern: string): Either<string, TranslatedPattern> => {
  const cps = Array.from(pattern)
  let pos = 0
  let global: Flags = NO_FLAGS
  let ascii = false
  let unicode = false

  // Leading global flags: (?aiLmsux), possibly several. Comments (?#…) and, once (?x) is on, blanks and # comments
  // are no items of the pattern: Python still takes flags after them as leading ones.
  for (;;) {
    const c = cps[pos]
    if (global.x && c !== undefined && VERBOSE_SPACE.has(c)) {
      pos += 1
      continue
    }
    if (global.x && c === '#') {
      while (pos < cps.length && cps[pos] !== '\n') pos += 1
      continue
    }
    if (c === '(' && cps[pos + 1] === '?' && cps[pos + 2] === '#') {
      const end = cps.indexOf(')', pos)
      if (end < 0) break
      pos = end + 1
      continue
    }
    const m = /^\(\?([a-zA-Z]+)\)/.exec(cps.slice(pos, pos + 12).join(''))
    if (m === null) break
    for (const f of m[1] as string) {
      switch (f) {
        case 'i':
          global = { ...global, i: true }
          break
        case 'm':
          global = { ...global, m: true }
          break
        case 's':
          global = { ...global, s: true }
          break
        case 'x':
          global = { ...global, x: true }
          break
        case 'a':
          ascii = true
          global = { ...global, a: true }
          break
        case 'u':
          unicode = true
          break
        case 'L':
          return left('the locale flag L applies to byte patterns only')
        default:
          return left(`unknown flag "${f}" in ${JSON.stringify(m[0])}`)
      }
    }
    pos += Array.from(m[0]).length
  }
  if (ascii && unicode) return left('the flags a and u cannot be combined')
  if (global.a && global.i)
    return left('ASCII-only case-insensitive matching (?ai) has no JavaScript equivalent; drop the a flag')

  let out = ''
  let flags = global
  let last: Item = 'none'
  let lastStart = 0
  let groups = 0
  const closed = new Set<number>()
  const names = new Map<string, number>()
  const stack: Frame[] = []
  // What decides whether a group has surely matched where a backreference names it (see `surelySet`): the branch
  // each open frame is in (a `|` starts the next), the frames that had a `|`, the frames quantified with a minimum of
  // 0, and, per group, its frame and the open frames (with their branch) it was opened in.
  let frameCount = 0
  const branch = new Map<number, number>([[0, 0]])
  const alternated = new Set<number>()
  const optional = new Set<number>()
  const negative = new Set<number>()
  const groupAt = new Map<number, { readonly frame: number; readonly path: ReadonlyArray<readonly [number, number]> }>()
  /** The frame `)` just closed, while it is the item a quantifier would repeat. */
  let lastFrame: number | undefined
  const openPath = (): ReadonlyArray<readonly [number, number]> =>
    [0, ...stack.map((f) => f.id)].map((id) => [id, branch.get(id) ?? 0] as const)
  const push = (kind: Frame['kind'], number: number, isNegative = false): void => {
    frameCount += 1
    lastFrame = undefined
    if (kind === 'capture') groupAt.set(number, { frame: frameCount, path: openPath() })
    stack.push({ flags, kind, number, outStart: out.length, id: frameCount })
    branch.set(frameCount, 0)
    if (isNegative) negative.add(frameCount)
  }
  /**
   * Whether group `n` has surely taken part in the match wherever this backreference is reached. Python's
   * backreference to a group that did not match fails, JavaScript's matches the empty string (and JavaScript also
   * forgets a group's match at each new iteration of a repeat, Python keeps it): the translation is faithful only
   * when the group is in the backreference's branch and no frame between them is optional, alternated or negative.
   */
  const surelySet = (n: number): boolean => {
    const g = groupAt.get(n)
    if (g === undefined) return false
    const here = openPath()
    let k = 0
    while (k < g.path.length && k < here.length && g.path[k]?.[0] === here[k]?.[0]) k += 1
    if (g.path[k - 1]?.[1] !== here[k - 1]?.[1]) return false
    for (const [id] of g.path.slice(k)) if (alternated.has(id) || optional.has(id) || negative.has(id)) return false
    return !optional.has(g.frame)
  }
  const unsure = (ref: string): string =>
    `the backreference ${ref} names a group that may not have matched there (Python then fails, JavaScript matches the empty string); this has no JavaScript equivalent ${at()}`
  /** Where the construct being read starts (a character index from 0, as Python's `re.error.pos`). */
  let start = 0
  const at = (): string => `at position ${start}`

  const emit = (text: string, item: Item): void => {
    lastStart = out.length
    out += text
    last = item
    lastFrame = undefined
  }

  const peek = (): string | undefined => cps[pos]
  /** A literal character outside a set. */
  const literal = (cp: number): string => (flags.i && isDottedI(cp) ? DOTTED_I_CLASS : outside(cp))

  /** Reads an escape after the backslash at `pos - 1` (pos points at the escaped character). */
  const readEscape = (
    inClass: boolean,
  ): Either<string, ClassMember | { readonly _tag: 'Emit'; readonly text: string; readonly item: Item }> => {
    const c = peek()
    if (c === undefined) return left('the pattern ends with a lone backslash')
    pos += 1
    const cp = c.codePointAt(0) as number
    switch (c) {
      case 'a':
        return right({ _tag: 'Char', cp: 7 })
      case 'f':
        return right({ _tag: 'Char', cp: 12 })
      case 'n':
        return right({ _tag: 'Char', cp: 10 })
      case 'r':
        return right({ _tag: 'Char', cp: 13 })
      case 't':
        return right({ _tag: 'Char', cp: 9 })
      case 'v':
        return right({ _tag: 'Char', cp: 11 })
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
        return right({ _tag: 'Set', text: categoryClass(c, flags.a) })
      case 'b':
        return right(
          inClass ? { _tag: 'Char', cp: 8 } : { _tag: 'Emit', text: wordBoundary(false, flags.a), item: 'anchor' },
        )
      case 'B':
        if (inClass) return left(`bad escape \\B in a character set ${at()}`)
        return right({ _tag: 'Emit', text: wordBoundary(true, flags.a), item: 'anchor' })
      case 'A':
        if (inClass) return left(`bad escape \\A in a character set ${at()}`)
        return right({ _tag: 'Emit', text: '^', item: 'anchor' })
      case 'Z':
      case 'z':
        if (inClass) return left(`bad escape \\${c} in a character set ${at()}`)
        return right({ _tag: 'Emit', text: '$', item: 'anchor' })
      case 'x':
      case 'u':
      case 'U': {
        const width = c === 'x' ? 2 : c === 'u' ? 4 : 8
        const digits = cps.slice(pos, pos + width).join('')
        if (digits.length !== width || !HEX.test(digits)) return left(`incomplete escape \\${c}${digits} ${at()}`)
        pos += width
        const value = Number.parseInt(digits, 16)
        if (value > 0x10ffff) return left(`bad escape \\${c}${digits} ${at()}`)
        return right({ _tag: 'Char', cp: value })
      }
      case 'N':
        return left('named Unicode escapes \\N{…} are not supported; write the character or \\uXXXX')
      default:
        break
    }
    if (DIGIT.has(c)) {
      if (inClass) {
        if (!OCT.has(c)) return left(`bad escape \\${c} in a character set ${at()}`)
        let digits = c
        while (digits.length < 3 && OCT.has(peek())) {
          digits += peek()
          pos += 1
        }
        const value = Number.parseInt(digits, 8)
        if (value > 0o377) return left(`octal escape value \\${digits} outside of range 0-0o377 ${at()}`)
        return right({ _tag: 'Char', cp: value })
      }
      if (c === '0') {
        let digits = ''
        while (digits.length < 2 && OCT.has(peek())) {
          digits += peek()
          pos += 1
        }
        return right({ _tag: 'Char', cp: Number.parseInt(`0${digits}`, 8) })
      }
      let digits = c
      if (DIGIT.has(peek())) {
        digits += peek()
        pos += 1
        if (OCT.has(digits[0]) && OCT.has(digits[1]) && OCT.has(peek())) {
          digits += peek()
          pos += 1
          const value = Number.parseInt(digits, 8)
          if (value > 0o377) return left(`octal escape value \\${digits} outside of range 0-0o377 ${at()}`)
          return right({ _tag: 'Char', cp: value })
        }
      }
      const group = Number(digits)
      if (!closed.has(group))
        return left(
          group <= groups
            ? `cannot refer to an open group \\${digits} ${at()}`
            : `invalid group reference \\${digits} ${at()}`,
        )
      if (!surelySet(group)) return left(unsure(`\\${digits}`))
      return right({ _tag: 'Emit', text: `(?:\\${group})`, item: 'atom' })
    }
    if (ASCII_LETTER.has(c)) return left(`bad escape \\${c} ${at()}`)
    return right({ _tag: 'Char', cp })
  }

  const readClass = (): Either<string, string> => {
    // pos is just past '[', start is at it
    const open = start
    const unterminated = (): Either<string, string> => {
      start = open
      return left(`unterminated character set ${at()}`)
    }
    let negate = false
    if (peek() === '^') {
      negate = true
      pos += 1
    }
    const members: string[] = []
    let dotted = false
    let first = true
    for (;;) {
      const c = peek()
      if (c === undefined) return unterminated()
      start = pos
      const from = pos
      pos += 1
      if (c === ']' && !first) break
      first = false
      let m1: ClassMember
      if (c === '\\') {
        const e = readEscape(true)
        if (e._tag === 'Left') return e
        if (e.right._tag === 'Emit') return left(`bad escape in a character set ${at()}`)
        m1 = e.right
      } else {
        m1 = { _tag: 'Char', cp: c.codePointAt(0) as number }
      }
      if (peek() === '-') {
        pos += 1
        const that = peek()
        if (that === undefined) return unterminated()
        start = pos
        pos += 1
        if (that === ']') {
          members.push(m1._tag === 'Char' ? inside(m1.cp) : m1.text, inside(0x2d))
          dotted ||= m1._tag === 'Char' && isDottedI(m1.cp)
          break
        }
        let m2: ClassMember
        if (that === '\\') {
          const e = readEscape(true)
          if (e._tag === 'Left') return e
          if (e.right._tag === 'Emit') return left(`bad escape in a character set ${at()}`)
          m2 = e.right
        } else {
          m2 = { _tag: 'Char', cp: that.codePointAt(0) as number }
        }
        start = from
        if (m1._tag !== 'Char' || m2._tag !== 'Char' || m2.cp < m1.cp)
          return left(`bad character range ${cps.slice(from, pos).join('')} ${at()}`)
        members.push(`${inside(m1.cp)}-${inside(m2.cp)}`)
        const lo = m1.cp
        const hi = m2.cp
        dotted ||= DOTTED_I.some((cp) => lo <= cp && cp <= hi)
      } else {
        members.push(m1._tag === 'Char' ? inside(m1.cp) : m1.text)
        dotted ||= m1._tag === 'Char' && isDottedI(m1.cp)
      }
    }
    if (dotted && flags.i) members.push(...DOTTED_I.map(inside))
    return right(`[${negate ? '^' : ''}${members.join('')}]`)
  }

  /** Reads `{m}`, `{m,}`, `{,n}`, `{m,n}` at pos (just past '{'); undefined when it is a literal brace. */
  const readBraces = (): { readonly min: string; readonly max: string | undefined } | undefined => {
    const from = pos
    let lo = ''
    let hi = ''
    if (peek() === '}') return undefined
    while (DIGIT.has(peek())) {
      lo += peek()
      pos += 1
    }
    if (peek() === ',') {
      pos += 1
      while (DIGIT.has(peek())) {
        hi += peek()
        pos += 1
      }
    } else {
      hi = lo
    }
    if (peek() !== '}') {
      pos = from
      return undefined
    }
    pos += 1
    return { min: lo === '' ? '0' : lo, max: hi === '' ? undefined : hi }
  }

  const quantify = (q: string): Either<string, void> => {
    if (last === 'none' || last === 'anchor') return left(`nothing to repeat ${at()}`)
    if (last === 'quantified') return left(`multiple repeat ${at()}`)
    if (last === 'assert') out = `${out.slice(0, lastStart)}(?:${out.slice(lastStart)})`
    let suffix = ''
    if (peek() === '?') {
      suffix = '?'
      pos += 1
    } else if (peek() === '+') {
      return left(`possessive quantifiers have no JavaScript equivalent ${at()}`)
    }
    out += q + suffix
    if (
      lastFrame !== undefined &&
      (q === '*' || q === '?' || (q[0] === '{' && Number(q.slice(1, q.indexOf(','))) === 0))
    )
      optional.add(lastFrame)
    last = 'quantified'
    lastFrame = undefined
    return right(undefined)
  }

  const openGroup = (): Either<string, void> => {
    // pos is just past '('
    if (peek() !== '?') {
      groups += 1
      push('capture', groups)
      out += '('
      last = 'none'
      return right(undefined)
    }
    pos += 1
    const c = peek()
    pos += 1
    switch (c) {
      case ':':
        push('plain', 0)
        out += '(?:'
        last = 'none'
        return right(undefined)
      case '=':
      case '!':
        push('assert', 0, c === '!')
        out += `(?${c}`
        last = 'none'
        return right(undefined)
      case '<': {
        const d = peek()
        if (d === '=' || d === '!') {
          pos += 1
          push('assert', 0, d === '!')
          out += `(?<${d}`
          last = 'none'
          return right(undefined)
        }
        return left(`unknown extension ?<${d ?? ''} ${at()}; Python writes named groups as (?P<name>…)`)
      }
      case '#': {
        while (peek() !== undefined && peek() !== ')') pos += 1
        if (peek() === undefined) return left(`missing ), unterminated comment ${at()}`)
        pos += 1
        return right(undefined)
      }
      case 'P': {
        const d = peek()
        pos += 1
        if (d !== '<' && d !== '=') return left(`unknown extension ?P${d ?? ''} ${at()}`)
        const close = d === '<' ? '>' : ')'
        const end = cps.indexOf(close, pos)
        if (end < 0) return left(`missing ${close}, unterminated name ${at()}`)
        const name = cps.slice(pos, end).join('')
        if (name === '') return left(`missing group name ${at()}`)
        if (!/^[\p{ID_Start}_][\p{ID_Continue}]*$/u.test(name))
          return left(`bad character in group name ${JSON.stringify(name)} ${at()}`)
        pos = end + 1
        const defined = names.get(name)
        if (d === '<') {
          if (defined !== undefined)
            return left(
              `redefinition of group name ${JSON.stringify(name)} as group ${groups + 1}; was group ${defined} ${at()}`,
            )
          groups += 1
          names.set(name, groups)
          push('capture', groups)
          out += `(?<${name}>`
          last = 'none'
          return right(undefined)
        }
        if (defined === undefined) return left(`unknown group name ${JSON.stringify(name)} in (?P=${name}) ${at()}`)
        if (!closed.has(defined)) return left(`cannot refer to an open group (?P=${name}) ${at()}`)
        if (!surelySet(defined)) return left(unsure(`(?P=${name})`))
        emit(`\\k<${name}>`, 'atom')
        return right(undefined)
      }
      case '(':
        return left('conditional groups (?(…)…) have no JavaScript equivalent')
      case '>':
        return left('atomic groups (?>…) have no JavaScript equivalent')
      default:
        break
    }
    // Scoped flags (?aimsux-imsx:…) or misplaced global flags.
    pos -= 1
    const rest = cps.slice(pos, pos + 16).join('')
    const m = /^([aiLmsux]*)(?:-([imsx]*))?([:)])/.exec(rest)
    if (m === null || (m[1] === '' && m[2] === undefined)) return left(`unknown extension ?${c ?? ''} ${at()}`)
    if (m[3] === ')') return left(`global flags not at the start of the expression ${at()}`)
    const on = m[1] ?? ''
    const off = m[2] ?? ''
    if (m[2] === '') return left(`missing flag after - ${at()}`)
    if ([...off].some((f) => on.includes(f))) return left(`a flag turned on and off ${at()}`)
    if (on.includes('L')) return left('the locale flag L applies to byte patterns only')
    if (on.includes('a') && on.includes('u')) return left(`the flags a and u cannot be combined ${at()}`)
    if ((on.includes('i') && !global.i) || (off.includes('i') && global.i))
      return left('scoped case-insensitivity (?i:…) / (?-i:…) has no JavaScript equivalent; put (?i) at the start')
    if (on.includes('a') && flags.i) return left('ASCII-only case-insensitive matching has no JavaScript equivalent')
    pos += Array.from(m[0]).length
    push('plain', 0)
    flags = {
      i: flags.i,
      m: (flags.m || on.includes('m')) && !off.includes('m'),
      s: (flags.s || on.includes('s')) && !off.includes('s'),
      x: (flags.x || on.includes('x')) && !off.includes('x'),
      a: on.includes('u') ? false : flags.a || on.includes('a'),
    }
    out += '(?:'
    last = 'none'
    return right(undefined)
  }

  while (pos < cps.length) {
    const c = cps[pos] as string
    start = pos
    if (flags.x) {
      if (VERBOSE_SPACE.has(c)) {
        pos += 1
        continue
      }
      if (c === '#') {
        while (pos < cps.length && cps[pos] !== '\n') pos += 1
        continue
      }
    }
    pos += 1
    switch (c) {
      case '\\': {
        const e = readEscape(false)
        if (e._tag === 'Left') return e
        const r = e.right
        if (r._tag === 'Emit') emit(r.text, r.item)
        else emit(r._tag === 'Char' ? literal(r.cp) : r.text, 'atom')
        break
      }
      case '[': {
        const cls = readClass()
        if (cls._tag === 'Left') return cls
        emit(cls.right, 'atom')
        break
      }
      case '(': {
        const g = openGroup()
        if (g._tag === 'Left') return g
        break
      }
      case ')': {
        const frame = stack.pop()
        if (frame === undefined) return left(`unbalanced parenthesis ${at()}`)
        out += ')'
        flags = frame.flags
        if (frame.kind === 'capture') closed.add(frame.number)
        lastStart = frame.outStart
        last = frame.kind === 'assert' ? 'assert' : 'atom'
        lastFrame = frame.id
        break
      }
      case '|': {
        out += '|'
        last = 'none'
        lastFrame = undefined
        const id = stack[stack.length - 1]?.id ?? 0
        alternated.add(id)
        branch.set(id, (branch.get(id) ?? 0) + 1)
        break
      }
      case '^':
        emit(flags.m ? '(?:^|(?<=\\n))' : '^', 'anchor')
        break
      case '$':
        emit(flags.m ? '(?=\\n|$)' : '(?=\\n?$)', 'anchor')
        break
      case '.':
        emit(flags.s ? '[\\s\\S]' : '[^\\n]', 'atom')
        break
      case '*':
      case '+':
      case '?': {
        const q = quantify(c)
        if (q._tag === 'Left') return q
        break
      }
      case '{': {
        const b = readBraces()
        if (b === undefined) {
          emit('\\{', 'atom')
          break
        }
        // Number(undefined) is NaN: an open maximum is never less than the minimum.
        if (Number(b.max) < Number(b.min)) return left(`min repeat greater than max repeat ${at()}`)
        const q = quantify(`{${b.min},${b.max ?? ''}}`)
        if (q._tag === 'Left') return q
        break
      }
      default:
        emit(literal(c.codePointAt(0) as number), 'atom')
    }
  }
  if (stack.length > 0) return left('missing ), unterminated subpattern')
  return right({ source: out, flags: global.i ? 'iv' : 'v' })
}

const anchored = (source: string, mode: RegexMode): string => {
  switch (mode) {
    case 'match':
      return `^(?:${source})`
    case 'search':
      return source
    case 'full':
      return `^(?:${source})$`
  }
}

/**
 * Translates a Python pattern and compiles it once, anchored for the mode. `Left` is a reason a person
 * understands.
 *
 * @example
 * translateRegex('^OATH.*', 'match') // right(/^(?:^OATH[^\n]*)/v)
 * translateRegex('a|b', 'full').right.test('axyz') // false
 * translateRegex('(', 'search') // left('missing ), unterminated subpattern')
 * @since 0.1.0
 */
export const translateRegex = (pattern: string, mode: RegexMode): Either<string, RegExp> => {
  const t = translatePattern(pattern)
  if (t._tag === 'Left') return t
  try {
    return right(new RegExp(anchored(t.right.source, mode), t.right.flags))
  } catch (e) {
    return left(e instanceof Error ? e.message : String(e))
  }
}
