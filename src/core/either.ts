/**
 * A minimal Either, structurally identical to fp-ts's `Either` (so values cross the boundary unchanged) but
 * without the dependency: the kernel imports no package.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export interface Left<E> {
  readonly _tag: 'Left'
  readonly left: E
}

/** @since 0.1.0 */
export interface Right<A> {
  readonly _tag: 'Right'
  readonly right: A
}

/** @since 0.1.0 */
export type Either<E, A> = Left<E> | Right<A>

/** @since 0.1.0 */
export const left = <E = never, A = never>(e: E): Either<E, A> => ({ _tag: 'Left', left: e })

/** @since 0.1.0 */
export const right = <E = never, A = never>(a: A): Either<E, A> => ({ _tag: 'Right', right: a })

/** @since 0.1.0 */
export const isLeft = <E, A>(ma: Either<E, A>): ma is Left<E> => ma._tag === 'Left'

/** @since 0.1.0 */
export const isRight = <E, A>(ma: Either<E, A>): ma is Right<A> => ma._tag === 'Right'

/** Closes an exhaustive `switch`: the compiler proves it unreachable. @since 0.1.0 */
export const absurd = <A>(value: never): A => {
  throw new Error(`unreachable: ${JSON.stringify(value)}`)
}
