/**
 * A minimal Either, structurally identical to fp-ts's `Either` (so values cross the boundary unchanged) but
 * without the dependency: the kernel imports no package.
 *
 * @since 0.1.0
 */

/**
 * The failure side of an `Either`: the error in `left`.
 *
 * @example
 * const failed: Left<string> = { _tag: 'Left', left: 'bindings must be an array' }
 * @since 0.1.0
 */
export interface Left<E> {
  readonly _tag: 'Left'
  readonly left: E
}

/**
 * The success side of an `Either`: the value in `right`.
 *
 * @example
 * const ok: Right<number> = { _tag: 'Right', right: 42 }
 * @since 0.1.0
 */
export interface Right<A> {
  readonly _tag: 'Right'
  readonly right: A
}

/**
 * A result that is either a failure (`Left<E>`) or a success (`Right<A>`), told apart by `_tag`.
 *
 * @example
 * const parseCount = (s: string): Either<string, number> =>
 *   /^\d+$/.test(s) ? right(Number(s)) : left(`"${s}" is not a count`)
 * @since 0.1.0
 */
export type Either<E, A> = Left<E> | Right<A>

/**
 * Builds a failure.
 *
 * @example
 * left('bindings must be an array') // { _tag: 'Left', left: 'bindings must be an array' }
 * @since 0.1.0
 */
export const left = <E = never, A = never>(e: E): Either<E, A> => ({ _tag: 'Left', left: e })

/**
 * Builds a success.
 *
 * @example
 * right(42) // { _tag: 'Right', right: 42 }
 * @since 0.1.0
 */
export const right = <E = never, A = never>(a: A): Either<E, A> => ({ _tag: 'Right', right: a })

/**
 * Narrows an `Either` to its failure side.
 *
 * @example
 * const decoded = decodeBindings(json)
 * if (isLeft(decoded)) logger.error(formatDecodeErrors(decoded.left))
 * @since 0.1.0
 */
export const isLeft = <E, A>(ma: Either<E, A>): ma is Left<E> => ma._tag === 'Left'

/**
 * Narrows an `Either` to its success side.
 *
 * @example
 * const decoded = decodeEvent(json)
 * if (isRight(decoded)) evaluate(decoded.right, bindings)
 * @since 0.1.0
 */
export const isRight = <E, A>(ma: Either<E, A>): ma is Right<A> => ma._tag === 'Right'

/**
 * Closes an exhaustive `switch`: the compiler proves it unreachable.
 *
 * @example
 * const marker = (position: Position): string => {
 *   switch (position) {
 *     case 'pre':
 *       return 'PRE-EVENT'
 *     case 'post':
 *       return 'POST-EVENT'
 *     default:
 *       return absurd(position)
 *   }
 * }
 * @since 0.1.0
 */
export const absurd = <A>(value: never): A => {
  throw new Error(`unreachable: ${JSON.stringify(value)}`)
}
