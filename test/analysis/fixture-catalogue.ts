/**
 * A small catalogue for testing the analyses independently of the real plug-ins: a handful of privacyIDEA
 * conditions and handler modules with simplified but SPEC-shaped semantics, declaring their facts and traces the
 * way the real ones must.
 */
import type {
  ActionResult,
  Catalogue,
  CompiledAction,
  CompiledCondition,
  ConditionTrace,
  ModuleDescriptor,
} from '../../src/core/catalogue.js'
import type { EvalContext } from '../../src/core/context.js'
import { type Either, left, right } from '../../src/core/either.js'
import { evalFailure, type Issue, issue } from '../../src/core/errors.js'
import type { Binding, Intent, Position, Request } from '../../src/core/model.js'

type Judge = (ctx: EvalContext) => ConditionTrace

interface Spec {
  readonly data: { readonly _tag: string } & Readonly<Record<string, unknown>>
  readonly facts: ReadonlyArray<string>
  readonly warnings?: ReadonlyArray<Issue>
  readonly judge: (name: string, value: string) => Judge
}

const ORDER = [
  'client_ip',
  'logged_in_user',
  'result_value',
  'result_status',
  'result_authentication',
  'serial',
  'user_token_number',
  'detail_message',
  'counter',
  'tokentype',
  'token_has_owner',
  'token_is_orphaned',
  'token_validity_period',
  'failcounter',
  'count_auth',
  'count_auth_success',
  'count_auth_fail',
  'tokeninfo',
  'container_state',
  'container_exact_state',
]

const isTrue = (u: unknown): boolean =>
  u === true || u === 1 || u === '1' || u === 'True' || u === 'true' || u === 'TRUE'

const t =
  (verdict: ConditionTrace['verdict'], compared: Readonly<Record<string, unknown>>, reason: string) =>
  (name: string, value: string): ConditionTrace => ({ name, value, verdict, compared, reason })

const result = (ctx: EvalContext): Readonly<Record<string, unknown>> => {
  const r = ctx.event.response as { readonly result?: unknown } | undefined
  return typeof r?.result === 'object' && r.result !== null ? (r.result as Readonly<Record<string, unknown>>) : {}
}

const detail = (ctx: EvalContext): Readonly<Record<string, unknown>> => {
  const r = ctx.event.response as { readonly detail?: unknown } | undefined
  return typeof r?.detail === 'object' && r.detail !== null ? (r.detail as Readonly<Record<string, unknown>>) : {}
}

type IntCmp = { readonly op: string; readonly n: number }

const parseIntCmp = (value: string): IntCmp | undefined => {
  const m = /^\s*(==|=|!=|<=|>=|<|>)?\s*(-?\d+)\s*$/.exec(value)
  return m === null ? undefined : { op: m[1] ?? '==', n: Number(m[2]) }
}

const cmp = (a: number, c: IntCmp): boolean => {
  switch (c.op) {
    case '<':
      return a < c.n
    case '>':
      return a > c.n
    case '<=':
      return a <= c.n
    case '>=':
      return a >= c.n
    case '!=':
      return a !== c.n
    default:
      return a === c.n
  }
}

const intCondition = (
  value: string,
  facts: ReadonlyArray<string>,
  subject: (ctx: EvalContext) => number | undefined,
  missing: string,
): Spec => {
  const c = parseIntCmp(value)
  return {
    data: { _tag: 'IntCompare', ...(c ?? { op: 'malformed', n: 0 }) },
    facts,
    warnings: c === undefined ? [issue('malformed-comparison', `"${value}" is not an integer comparison`)] : [],
    judge: (name, v) => (ctx) => {
      const actual = subject(ctx)
      if (actual === undefined) return t('skip', {}, missing)(name, v)
      if (c === undefined) return t('fail', { actual }, 'malformed comparison')(name, v)
      return t(
        cmp(actual, c) ? 'pass' : 'fail',
        { actual, operator: c.op, expected: c.n },
        `${actual} ${c.op} ${c.n}`,
      )(name, v)
    },
  }
}

const compileRegex = (value: string): RegExp | undefined => {
  try {
    return new RegExp(value)
  } catch {
    return undefined
  }
}

const specs: Readonly<Record<string, (value: string) => Either<ReadonlyArray<Issue>, Spec>>> = {
  client_ip: (value) => {
    const entries = value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
    if (entries.some((e) => !/^[-!]?[\d.:a-f]+$/.test(e)))
      return left([issue('invalid-ip', `bad client_ip "${value}"`)])
    const allow = entries.filter((e) => !e.startsWith('-') && !e.startsWith('!'))
    const deny = entries.filter((e) => e.startsWith('-') || e.startsWith('!')).map((e) => e.slice(1))
    return right({
      data: { _tag: 'ClientIp', allow, deny },
      facts: ['request.clientIp'],
      judge: (name, v) => (ctx) => {
        const ip = ctx.event.request.clientIp
        if (ip === undefined) return t('skip', {}, 'no client IP')(name, v)
        const ok = allow.includes(ip) && !deny.includes(ip)
        return t(ok ? 'pass' : 'fail', { actual: ip, allow, deny }, ok ? 'allowed' : 'not allowed')(name, v)
      },
    })
  },
  logged_in_user: (value) =>
    right({
      data: { _tag: 'LoggedInUser', role: value },
      facts: ['loggedIn.role'],
      judge: (name, v) => (ctx) => {
        const role = ctx.event.loggedIn?.role ?? 'user'
        return t(role === value ? 'pass' : 'fail', { actual: role, expected: value }, 'role')(name, v)
      },
    }),
  result_value: (value) =>
    right({
      data: { _tag: 'ResultValue', expected: isTrue(value) },
      facts: ['response'],
      judge: (name, v) => (ctx) => {
        const actual = isTrue(result(ctx).value)
        return t(
          actual === isTrue(value) ? 'pass' : 'fail',
          { actual, expected: isTrue(value) },
          'result.value',
        )(name, v)
      },
    }),
  result_status: (value) =>
    right({
      data: { _tag: 'ResultStatus', expected: isTrue(value) },
      facts: ['response'],
      judge: (name, v) => (ctx) => {
        const actual = isTrue(result(ctx).status)
        return t(
          actual === isTrue(value) ? 'pass' : 'fail',
          { actual, expected: isTrue(value) },
          'result.status',
        )(name, v)
      },
    }),
  result_authentication: (value) =>
    right({
      data: { _tag: 'ResultAuthentication', expected: value },
      facts: ['response'],
      judge: (name, v) => (ctx) => {
        const actual = result(ctx).authentication
        return t(actual === value ? 'pass' : 'fail', { actual, expected: value }, 'result.authentication')(name, v)
      },
    }),
  serial: (value) => {
    const regex = compileRegex(`^(?:${value})`)
    if (regex === undefined) return left([issue('invalid-regex', `serial: "${value}" is not a valid regex`)])
    return right({
      data: { _tag: 'Serial', regex },
      facts: ['serial', 'token.serial'],
      judge: (name, v) => (ctx) => {
        const serial = ctx.event.serial ?? ctx.event.token?.serial
        if (serial === undefined) return t('skip', {}, 'no serial')(name, v)
        return t(regex.test(serial) ? 'pass' : 'fail', { actual: serial, pattern: value }, 'prefix match')(name, v)
      },
    })
  },
  detail_message: (value) => {
    const regex = compileRegex(value)
    if (regex === undefined) return left([issue('invalid-regex', `detail_message: bad regex "${value}"`)])
    return right({
      data: { _tag: 'DetailMessage', regex },
      facts: ['response'],
      judge: (name, v) => (ctx) => {
        const m = detail(ctx).message
        const actual = typeof m === 'string' ? m : ''
        return t(regex.test(actual) ? 'pass' : 'fail', { actual, pattern: value }, 'search')(name, v)
      },
    })
  },
  user_token_number: (value) =>
    right(
      intCondition(
        value,
        ['user.tokenCount'],
        (ctx) => (ctx.event.user === undefined ? undefined : (ctx.event.user.tokenCount ?? 0)),
        'no user',
      ),
    ),
  failcounter: (value) =>
    right(intCondition(value, ['token.failcount'], (ctx) => ctx.event.token?.failcount, 'no token')),
  count_auth: (value) =>
    right(
      intCondition(
        value,
        ['token.info.count_auth'],
        (ctx) => (ctx.event.token === undefined ? undefined : Number(ctx.event.token.info.count_auth ?? 0)),
        'no token',
      ),
    ),
  count_auth_success: (value) =>
    right(
      intCondition(
        value,
        ['token.info.count_auth_success'],
        (ctx) => (ctx.event.token === undefined ? undefined : Number(ctx.event.token.info.count_auth_success ?? 0)),
        'no token',
      ),
    ),
  count_auth_fail: (value) =>
    right(
      intCondition(
        value,
        ['token.info.count_auth', 'token.info.count_auth_success'],
        (ctx) =>
          ctx.event.token === undefined
            ? undefined
            : Number(ctx.event.token.info.count_auth ?? 0) - Number(ctx.event.token.info.count_auth_success ?? 0),
        'no token',
      ),
    ),
  counter: (value) => {
    const m = /^\s*([^<>=\s]+)\s*(==|=|!=|<|>|<=|>=)\s*(-?\d+)\s*$/.exec(value)
    if (m === null) return left([issue('invalid-comparison', `counter: "${value}" is not "name op number"`)])
    const key = m[1] as string
    const c: IntCmp = { op: m[2] as string, n: Number(m[3]) }
    return right({
      data: { _tag: 'Counter', key, ...c },
      facts: [`counters.${key}`],
      judge: (name, v) => (ctx) => {
        const actual = ctx.event.counters?.[key] ?? 0
        return t(cmp(actual, c) ? 'pass' : 'fail', { actual, operator: c.op, expected: c.n }, 'counter')(name, v)
      },
    })
  },
  tokentype: (value) => {
    const types = value.split(',')
    return right({
      data: { _tag: 'TokenType', types },
      facts: ['token.type'],
      judge: (name, v) => (ctx) => {
        const type = ctx.event.token?.type
        if (type === undefined) return t('skip', {}, 'no token')(name, v)
        return t(types.includes(type) ? 'pass' : 'fail', { actual: type, expected: types }, 'membership')(name, v)
      },
    })
  },
  token_has_owner: (value) =>
    right({
      data: { _tag: 'TokenHasOwner', expected: isTrue(value) },
      facts: ['token.owner'],
      judge: (name, v) => (ctx) => {
        const token = ctx.event.token
        if (token === undefined) return t('skip', {}, 'no token')(name, v)
        const actual = token.owner !== undefined
        return t(actual === isTrue(value) ? 'pass' : 'fail', { actual, expected: isTrue(value) }, 'owner')(name, v)
      },
    }),
  token_is_orphaned: (value) =>
    right({
      data: { _tag: 'TokenIsOrphaned', expected: isTrue(value) },
      facts: ['token.owner'],
      judge: (name, v) => (ctx) => {
        const token = ctx.event.token
        if (token === undefined) return t('skip', {}, 'no token')(name, v)
        const actual = token.owner !== undefined && !token.owner.exists
        return t(actual === isTrue(value) ? 'pass' : 'fail', { actual, expected: isTrue(value) }, 'orphaned')(name, v)
      },
    }),
  token_validity_period: (value) =>
    right({
      data: { _tag: 'TokenValidityPeriod', expected: value === 'True' },
      facts: ['token.info.validity_period_start', 'token.info.validity_period_end', 'now'],
      judge: (name, v) => (ctx) => {
        const token = ctx.event.token
        if (token === undefined) return t('skip', {}, 'no token')(name, v)
        const start = token.info.validity_period_start
        const now = Date.parse(ctx.event.now)
        const s = start === undefined ? undefined : Date.parse(start)
        if (s !== undefined && Number.isNaN(s)) return t('error', { start }, 'ParserError: unparseable start')(name, v)
        const valid = s === undefined || s <= now
        return t(valid === (value === 'True') ? 'pass' : 'fail', { valid }, 'validity')(name, v)
      },
    }),
  tokeninfo: (value) => {
    const m = /^\s*(\w+)\s+(matches|==|>|<)\s+(.*)$/.exec(value)
    if (m === null) return left([issue('invalid-comparison', `tokeninfo: "${value}" is not "key op value"`)])
    const key = m[1] as string
    const op = m[2] as string
    const operand = m[3] as string
    const regex = op === 'matches' ? compileRegex(`^(?:${operand})$`) : undefined
    if (op === 'matches' && regex === undefined) return left([issue('invalid-regex', `tokeninfo: bad regex`)])
    return right({
      data: { _tag: 'TokenInfo', key, op, operand, ...(regex !== undefined ? { regex } : {}) },
      facts: [`token.info.${key}`],
      judge: (name, v) => (ctx) => {
        const token = ctx.event.token
        if (token === undefined) return t('skip', {}, 'no token')(name, v)
        const actual = Object.hasOwn(token.info, key) ? token.info[key] : undefined
        if (actual === undefined) return t('fail', { key }, 'missing key')(name, v)
        const ok =
          op === 'matches'
            ? (regex as RegExp).test(actual)
            : op === '=='
              ? actual === operand
              : op === '>'
                ? Number(actual) > Number(operand)
                : Number(actual) < Number(operand)
        return t(ok ? 'pass' : 'fail', { actual, operator: op, expected: operand }, 'tokeninfo')(name, v)
      },
    })
  },
  container_state: (value) => {
    const states = value.split(',')
    return right({
      data: { _tag: 'ContainerState', states },
      facts: ['container.states'],
      judge: (name, v) => (ctx) => {
        const c = ctx.event.container
        if (c === undefined) return t('skip', {}, 'no container')(name, v)
        const ok = states.every((s) => c.states.includes(s))
        return t(ok ? 'pass' : 'fail', { actual: c.states, expected: states }, 'states')(name, v)
      },
    })
  },
  container_exact_state: (value) => {
    const states = value.split(',')
    return right({
      data: { _tag: 'ContainerExactState', states },
      facts: ['container.states'],
      judge: (name, v) => (ctx) => {
        const c = ctx.event.container
        if (c === undefined) return t('skip', {}, 'no container')(name, v)
        const ok = new Set(states).size === new Set(c.states).size && states.every((s) => c.states.includes(s))
        return t(ok ? 'pass' : 'fail', { actual: c.states, expected: states }, 'exact states')(name, v)
      },
    })
  },
}

const compileCondition = (name: string, value: string): Either<ReadonlyArray<Issue>, CompiledCondition> => {
  const make = Object.hasOwn(specs, name) ? specs[name] : undefined
  if (make === undefined) return left([issue('unknown-condition', `unknown condition "${name}"`)])
  const spec = make(value)
  if (spec._tag === 'Left') return spec
  const judge = spec.right.judge(name, value)
  return right({
    name,
    value,
    rank: ORDER.indexOf(name),
    data: spec.right.data,
    test: (ctx) => {
      const tr = judge(ctx)
      return tr.verdict === 'pass' || tr.verdict === 'skip'
        ? true
        : tr.verdict === 'fail'
          ? false
          : evalFailure('ParserError', tr.reason)
    },
    trace: judge,
    facts: spec.right.facts,
    warnings: spec.right.warnings ?? [],
  })
}

// ------------------------------------------------------------------------------------------------------------------
// handlers

const intentOf = (ctx: EvalContext, b: Binding, tag: string, fields: Readonly<Record<string, unknown>>): Intent =>
  ({
    _tag: tag,
    bindingId: b.id,
    bindingName: b.name,
    handlerModule: b.handlerModule,
    action: b.action,
    event: ctx.event.name,
    position: ctx.event.position,
    ...fields,
  }) as Intent

const TAGS: Readonly<
  Record<string, { readonly facts: ReadonlyArray<string>; readonly get: (ctx: EvalContext) => string }>
> = {
  serial: { facts: ['serial', 'token.serial'], get: (ctx) => ctx.event.serial ?? ctx.event.token?.serial ?? '' },
  username: { facts: ['user.login'], get: (ctx) => ctx.event.user?.login ?? '' },
  givenname: { facts: ['user.info.givenname'], get: (ctx) => ctx.event.user?.info?.givenname ?? '' },
  action: { facts: ['request.path'], get: (ctx) => ctx.event.request.path ?? '' },
  client_ip: { facts: ['request.clientIp'], get: (ctx) => ctx.event.request.clientIp ?? '' },
  url: { facts: ['baseUrl'], get: (ctx) => ctx.event.baseUrl ?? '' },
}

const template = (
  text: string,
  path: ReadonlyArray<string>,
): Either<
  ReadonlyArray<Issue>,
  { readonly facts: ReadonlyArray<string>; readonly render: (ctx: EvalContext) => string }
> => {
  const names = [...text.matchAll(/\{(\w*)\}/g)].map((m) => m[1] as string)
  const unknown = names.filter((n) => !Object.hasOwn(TAGS, n))
  if (unknown.length > 0) return left(unknown.map((n) => issue('unknown-tag', `unknown template tag {${n}}`, path)))
  return right({
    facts: names.flatMap((n) => TAGS[n]?.facts ?? []),
    render: (ctx) => text.replace(/\{(\w*)\}/g, (_, n: string) => TAGS[n]?.get(ctx) ?? ''),
  })
}

const module = (
  name: string,
  positions: ReadonlyArray<Position>,
  actions: Readonly<Record<string, (b: Binding) => Either<ReadonlyArray<Issue>, CompiledAction>>>,
  abortOnError = false,
): ModuleDescriptor => ({
  name,
  positions,
  abortOnError,
  compile: (b) => {
    const make = Object.hasOwn(actions, b.action) ? actions[b.action] : undefined
    return make === undefined
      ? left([issue('unknown-action', `${name} has no action "${b.action}"`, ['action'])])
      : make(b)
  },
})

const required = (b: Binding, keys: ReadonlyArray<string>): ReadonlyArray<Issue> =>
  keys
    .filter((k) => typeof b.options[k] !== 'string' || b.options[k] === '')
    .map((k) => issue('missing-option', `option "${k}" is required`, ['options', k]))

const action = (run: CompiledAction['run'], facts: ReadonlyArray<string> = [], warnings: ReadonlyArray<Issue> = []) =>
  right<ReadonlyArray<Issue>, CompiledAction>({ run, facts, warnings })

const Logging = module('Logging', ['pre', 'post'], {
  logging: (b) => {
    const t = template(b.options.message ?? 'event={action} triggered', ['options', 'message'])
    if (t._tag === 'Left') return t
    const tpl = t.right
    return action(
      (ctx, binding) => ({
        _tag: 'Intent',
        intent: intentOf(ctx, binding, 'LoggingLog', {
          logger: b.options.name ?? 'pi-eventlogger',
          level: b.options.level ?? 'INFO',
          message: tpl.render(ctx),
        }),
      }),
      tpl.facts,
    )
  },
})

const UserNotification = module('UserNotification', ['pre', 'post'], {
  sendmail: (b) => {
    const missing = required(b, ['emailconfig'])
    const body = template(b.options.body ?? 'token {serial}', ['options', 'body'])
    const issues = [...missing, ...(body._tag === 'Left' ? body.left : [])]
    if (issues.length > 0 || body._tag === 'Left') return left(issues)
    const tpl = body.right
    return action(
      (ctx, binding) => ({
        _tag: 'Intent',
        intent: intentOf(ctx, binding, 'UserNotificationSendmail', {
          emailconfig: b.options.emailconfig,
          to: ctx.event.user?.info?.email ?? '',
          body: tpl.render(ctx),
        }),
      }),
      ['user.info.email', ...tpl.facts],
    )
  },
})

const serialsOf = (ctx: EvalContext): ReadonlyArray<string> => {
  const s = ctx.event.serial ?? ctx.event.token?.serial
  return s === undefined || s === '' ? [] : s.replace(/\s/g, '').split(',')
}

const Token = module('Token', ['pre', 'post'], {
  disable: () =>
    action(
      (ctx, binding): ActionResult => {
        const serials = serialsOf(ctx)
        return serials.length === 0
          ? { _tag: 'Declined', details: 'no token serials found' }
          : { _tag: 'Intent', intent: intentOf(ctx, binding, 'TokenDisable', { serials }) }
      },
      ['serial', 'token.serial'],
    ),
})

const RequestMangler = module('RequestMangler', ['pre', 'post'], {
  set: (b) => {
    const missing = required(b, ['parameter', 'value'])
    if (missing.length > 0) return left(missing)
    const parameter = b.options.parameter as string
    const value = b.options.value as string
    const matchParameter = b.options.match_parameter
    const pattern = b.options.match_pattern
    const regex = pattern === undefined || pattern === '' ? undefined : compileRegex(`^(?:${pattern})$`)
    if (pattern !== undefined && pattern !== '' && regex === undefined)
      return left([issue('invalid-regex', 'bad match_pattern', ['options', 'match_pattern'])])
    return action((ctx, binding) => {
      const params = ctx.event.request.params
      if (matchParameter !== undefined && matchParameter !== '') {
        const current = Object.hasOwn(params, matchParameter) ? params[matchParameter] : undefined
        if (current === undefined || regex === undefined || !regex.test(current))
          return { _tag: 'Intent', intent: intentOf(ctx, binding, 'RequestManglerSet', { parameter, changed: false }) }
      }
      const request: Request = { ...ctx.event.request, params: { ...params, [parameter]: value } }
      return {
        _tag: 'Intent',
        intent: intentOf(ctx, binding, 'RequestManglerSet', { parameter, changed: true }),
        request,
      }
    })
  },
  delete: (b) => {
    const missing = required(b, ['parameter'])
    if (missing.length > 0) return left(missing)
    const parameter = b.options.parameter as string
    return action((ctx, binding) => {
      const { [parameter]: _gone, ...params } = ctx.event.request.params
      return {
        _tag: 'Intent',
        intent: intentOf(ctx, binding, 'RequestManglerDelete', { parameter }),
        request: { ...ctx.event.request, params },
      }
    })
  },
})

const ResponseMangler = module('ResponseMangler', ['post'], {
  delete: (b) => {
    const missing = required(b, ['JSON pointer'])
    if (missing.length > 0) return left(missing)
    const parts = (b.options['JSON pointer'] as string).split('/').filter((p) => p !== '')
    return action((ctx, binding) => {
      const intent = intentOf(ctx, binding, 'ResponseManglerDelete', { pointer: parts })
      const response = ctx.event.response
      if (parts.length !== 2 || typeof response !== 'object' || response === null) return { _tag: 'Intent', intent }
      const [a, k] = parts as [string, string]
      const inner = (response as Readonly<Record<string, unknown>>)[a]
      if (typeof inner !== 'object' || inner === null) return { _tag: 'Intent', intent }
      const { [k]: _gone, ...rest } = inner as Readonly<Record<string, unknown>>
      return { _tag: 'Intent', intent, response: { ...response, [a]: rest } }
    })
  },
})

const Federation = module(
  'Federation',
  ['post'],
  {
    forward: (b) => {
      const missing = required(b, ['privacyIDEA'])
      if (missing.length > 0) return left(missing)
      const server = b.options.privacyIDEA as string
      return action((ctx, binding) =>
        server === 'down'
          ? evalFailure('ConnectionError', `cannot reach ${server}`)
          : { _tag: 'Intent', intent: intentOf(ctx, binding, 'FederationForward', { server }) },
      )
    },
  },
  true,
)

const Counter = module('Counter', ['pre', 'post'], {
  increase_counter: (b) => {
    const missing = required(b, ['counter_name'])
    if (missing.length > 0) return left(missing)
    return action((ctx, binding) => ({
      _tag: 'Intent',
      intent: intentOf(ctx, binding, 'CounterIncrease', { counter: b.options.counter_name }),
    }))
  },
})

const MODULES: ReadonlyMap<string, ModuleDescriptor> = new Map(
  [Logging, UserNotification, Token, RequestMangler, ResponseMangler, Federation, Counter].map((m) => [m.name, m]),
)

/** The fixture catalogue. */
export const fixtureCatalogue: Catalogue = {
  conditions: { compile: compileCondition },
  handlers: { module: (name) => MODULES.get(name) },
}

/** A binding with defaults, for tests. */
export const binding = (over: Partial<Binding> & { readonly id: string | number }): Binding => ({
  name: `binding ${String(over.id)}`,
  events: ['validate_check'],
  handlerModule: 'Logging',
  action: 'logging',
  position: 'post',
  ordering: 0,
  active: true,
  options: {},
  conditions: {},
  ...over,
})
