/**
 * `tripline/core`: the dependency-free kernel. Data model, catalogue interface, compile, select/order, the
 * dispatch fold and the audit marker. Imports nothing outside this folder.
 *
 * @example
 * import { createEngine, type Catalogue } from 'tripline/core'
 * const engine = createEngine(myCatalogue) // myCatalogue: Catalogue, your own conditions and handler modules
 * @module
 * @since 0.1.0
 */

export { auditEntry, auditInfo, auditMarker, renderOptions } from './audit.js'
export type {
  ActionResult,
  Catalogue,
  CompiledAction,
  CompiledCondition,
  ConditionCatalogue,
  ConditionTrace,
  HandlerCatalogue,
  ModuleDescriptor,
  Outcome,
} from './catalogue.js'
export type { CompiledBinding, RuleIndex, RuleSet } from './compile.js'
export { compileBinding, compileWith, isRuleSet } from './compile.js'
export type { EvalContext } from './context.js'
export { makeContext, memoise } from './context.js'
export type { Either, Left, Right } from './either.js'
export { absurd, isLeft, isRight, left, right } from './either.js'
export type { Engine } from './engine.js'
export { createEngine } from './engine.js'
export type { ConfigError, EvalFailure, Issue, Path } from './errors.js'
export { evalFailure, formatPath, isEvalFailure, issue } from './errors.js'
export type { FoldObserver, Step } from './evaluate.js'
export { conditionsOutcome, evaluateRuleSet, select, stepBinding } from './evaluate.js'
export type {
  Aborted,
  AuditEntry,
  Binding,
  Challenge,
  Container,
  ContainerOwner,
  Evaluation,
  Event,
  Intent,
  Json,
  LoggedIn,
  Position,
  Request,
  Token,
  TokenOwner,
  User,
} from './model.js'
export { compareBindings, compareIds } from './order.js'
export { shapeIssues } from './shape.js'
