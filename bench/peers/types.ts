/**
 * The shape every engine in the benchmark takes: render the workload's binding specs into the engine's own input
 * (not measured), compile that input (measured: compile time and memory), then count the bindings that match each
 * event (measured: throughput and latency).
 *
 * @since 0.1.0
 */
import type { Event } from '../../src/core/model.js'
import type { BindingSpec } from '../spec.js'

/** Binding ids, sorted, that matched one event. @since 0.1.0 */
export type MatchIds = ReadonlyArray<number>

/** A compiled engine that answers synchronously. @since 0.1.0 */
export interface SyncMatcher {
  readonly _tag: 'sync'
  /** How many selected bindings match the event (the measured call). */
  readonly count: (event: Event) => number
  /** Which bindings match, sorted by id (for the agreement check; not measured). */
  readonly ids: (event: Event) => MatchIds
}

/** A compiled engine that answers with a promise (json-rules-engine). @since 0.1.0 */
export interface AsyncMatcher {
  readonly _tag: 'async'
  readonly count: (event: Event) => Promise<number>
  readonly ids: (event: Event) => Promise<MatchIds>
}

/** @since 0.1.0 */
export type Matcher = SyncMatcher | AsyncMatcher

/** One engine of the comparison. @since 0.1.0 */
export interface Peer<I = unknown> {
  readonly name: string
  /** One line on how the engine expresses the workload, for the report. */
  readonly note: string
  /** Renders the specs into the engine's own configuration (not measured). */
  readonly render: (bindings: ReadonlyArray<BindingSpec>) => I
  /** Compiles the configuration (measured). */
  readonly compile: (input: I) => Matcher
}
