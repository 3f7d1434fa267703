import { describe, expect, it } from 'vitest'
import { parseArgs, USAGE } from '../../src/cli/args.js'
import { fileError, lineColumn, parseJson } from '../../src/cli/io.js'
import { runCli } from '../../src/cli/run.js'
import { sourcePath } from '../../src/cli/source-path.js'
import type { Event } from '../../src/core/model.js'
import { binding, fixtureCatalogue } from '../analysis/fixture-catalogue.js'
import { memoryIo } from './memory-io.js'

const event: Event = {
  name: 'validate_check',
  position: 'post',
  now: '2026-11-29T10:00:00+00:00',
  request: { path: '/validate/check', params: { user: 'alice' } },
  response: { result: { status: true, value: false } },
  user: { login: 'alice', realm: 'r1', resolver: 'res' },
  token: {
    serial: 'OATH0001',
    type: 'hotp',
    realms: [],
    resolvers: [],
    failcount: 7,
    maxfail: 10,
    otpCounter: 0,
    info: {},
  },
}

const good = JSON.stringify([
  binding({ id: 1, name: 'Log', conditions: { failcounter: '>5' } }),
  binding({ id: 2, name: 'Disable', handlerModule: 'Token', action: 'disable', conditions: { result_value: 'False' } }),
])

const privacyIdeaExport = JSON.stringify({
  event: [
    {
      id: 1,
      name: 'typo',
      active: true,
      event: 'validate_chek',
      handlermodule: 'Logging',
      action: 'logging',
      position: 'post',
      ordering: 0,
      options: {},
      conditions: {},
    },
    {
      id: 2,
      name: 'list',
      active: true,
      event: ['token_init', 'tokn_init'],
      handlermodule: 'Logging',
      action: 'logging',
      position: 'post',
      ordering: 0,
      options: {},
      conditions: {},
    },
  ],
})

const files: Readonly<Record<string, string>> = {
  'good.json': good,
  'export.json': privacyIdeaExport,
  'bad.json': '[{"id": 1,\n  "name": }]',
  'empty.json': '',
  'invalid.json': JSON.stringify([{ id: 1, name: 'x', events: 'validate_check' }]),
  'broken.json': JSON.stringify([
    binding({ id: 9, name: 'fails', handlerModule: 'Federation', action: 'forward', options: { privacyIDEA: 'down' } }),
  ]),
  'event.json': JSON.stringify(event),
  'events.ndjson': [
    JSON.stringify(event),
    '',
    JSON.stringify({ ...event, name: 'token_init' }),
    '{nope',
    JSON.stringify({ name: 'x' }),
  ].join('\n'),
  'list.json': JSON.stringify([event, event]),
  'lines.txt': `${JSON.stringify(event)}\n${JSON.stringify(event)}\n`,
  'noevents.ndjson': '\n\n',
}

const run = async (argv: ReadonlyArray<string>, tty = false) => {
  let t = 0
  const io = memoryIo(files, { tty, clock: () => (t += 700) })
  const code = await runCli(argv, io, fixtureCatalogue)
  return { code, out: io.stdout(), err: io.stderr() }
}

describe('parseArgs', () => {
  it('parses commands, files and options', () => {
    expect(parseArgs(['check', 'b.json'])).toEqual({ _tag: 'Check', json: false, bindings: 'b.json' })
    expect(parseArgs(['--json', 'evaluate', 'b.json', 'e.json'])).toEqual({
      _tag: 'Evaluate',
      json: true,
      bindings: 'b.json',
      events: 'e.json',
    })
    expect(parseArgs(['explain', 'b.json', '--', '--odd.json'])).toEqual({
      _tag: 'Explain',
      json: false,
      bindings: 'b.json',
      events: '--odd.json',
    })
    expect(parseArgs(['check', '-h'])).toEqual({ _tag: 'Help' })
    expect(parseArgs(['-V'])).toEqual({ _tag: 'Version' })
    expect(parseArgs(['bench'])).toEqual({ _tag: 'Bench' })
  })

  it('says what is wrong with a bad command line', () => {
    expect(parseArgs([])).toEqual({ _tag: 'Usage', message: 'no command given' })
    expect(parseArgs(['frob'])).toEqual({ _tag: 'Usage', message: 'unknown command "frob"' })
    expect(parseArgs(['check'])).toEqual({ _tag: 'Usage', message: 'check needs a bindings file' })
    expect(parseArgs(['check', 'a', 'b'])).toEqual({
      _tag: 'Usage',
      message: 'check takes a bindings file, got 2 arguments',
    })
    expect(parseArgs(['evaluate', 'a'])).toEqual({
      _tag: 'Usage',
      message: 'evaluate needs a bindings file and an events file',
    })
    expect(parseArgs(['check', '--nope', 'a'])).toEqual({ _tag: 'Usage', message: 'unknown option "--nope"' })
    expect(parseArgs(['bench', 'x'])._tag).toBe('Usage')
  })
})

describe('io helpers', () => {
  it('locates JSON syntax errors by line and column', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
    const r = parseJson('[1,\n  }', 'x.json')
    expect(r).toEqual({ _tag: 'Unreadable', message: 'x.json:2:3: not valid JSON: unexpected "}"' })
    expect(parseJson('', 'e.json')).toEqual({
      _tag: 'Unreadable',
      message: 'e.json: not valid JSON: the file is empty',
    })
    expect(parseJson('\ufeff{"a":1}', 'bom.json')).toEqual({ _tag: 'Json', value: { a: 1 } })
  })

  it('names file-system errors', () => {
    expect(fileError('f', Object.assign(new Error('x'), { code: 'ENOENT' })).message).toBe(
      'f: cannot read the file: no such file',
    )
    expect(fileError('f', Object.assign(new Error('x'), { code: 'EISDIR' })).message).toBe(
      'f: cannot read the file: it is a directory',
    )
    expect(fileError('f', new Error('odd')).message).toBe('f: cannot read the file: odd')
  })

  it('maps decoded paths back to the file', () => {
    const pi = {
      event: [
        { event: 'a,b', handlermodule: 'Logging' },
        { event: ['a'], handlermodule: 'Logging' },
      ],
    }
    expect(sourcePath(pi, [0, 'events', 1])).toEqual(['event', 0, 'event'])
    expect(sourcePath(pi, [1, 'events', 0])).toEqual(['event', 1, 'event', 0])
    expect(sourcePath(pi, [1, 'handlerModule'])).toEqual(['event', 1, 'handlermodule'])
    expect(sourcePath(pi, [1, 'abortOnError'])).toEqual(['event', 1, 'abort_on_error'])
    expect(sourcePath(pi, [1])).toEqual(['event', 1])
    expect(sourcePath({ result: { value: [{ events: [] }] } }, [0, 'events'])).toEqual(['result', 'value', 0, 'events'])
    expect(sourcePath([{ events: ['x'] }], [0, 'events', 0])).toEqual([0, 'events', 0])
    expect(sourcePath([], [])).toEqual([])
    expect(sourcePath({ event: [{ event: ['a', 'b, c'], handlermodule: 'X' }] }, [0, 'events', 2])).toEqual([
      'event',
      0,
      'event',
    ])
    expect(sourcePath([{ event: ['x'], handlerModule: 'X' }], [0, 'handlerModule'])).toEqual([0, 'handlerModule'])
  })
})

describe('tripline check', () => {
  it('exits 0 with no findings', async () => {
    const r = await run(['check', 'good.json'])
    expect(r).toEqual({ code: 0, out: 'good.json: 2 bindings: no findings\n', err: '' })
  })

  it('exits 1 with findings named by file and path in the file', async () => {
    const r = await run(['check', 'export.json'])
    expect(r.code).toBe(1)
    expect(r.out.split('\n')).toEqual([
      'export.json: warning unknown-event: binding 1 "typo" at event[0].event: "validate_chek" is not an event privacyIDEA sends (event names are exact and case-sensitive), so it never selects this binding; did you mean "validate_check"?',
      'export.json: warning unknown-event: binding 2 "list" at event[1].event[1]: "tokn_init" is not an event privacyIDEA sends (event names are exact and case-sensitive), so it never selects this binding; did you mean "token_init"?',
      'export.json: 2 bindings: 0 errors, 2 warnings',
      '',
    ])
  })

  it('reports bindings that do not decode as decode-error findings (exit 1)', async () => {
    const r = await run(['check', 'invalid.json'])
    expect(r.code).toBe(1)
    expect(r.out).toContain('invalid.json: error decode-error: binding 1 "x" at [0].events: ')
  })

  it('prints JSON with --json', async () => {
    const r = await run(['check', '--json', 'export.json'])
    const report = JSON.parse(r.out)
    expect(report).toMatchObject({ file: 'export.json', errors: 0, warnings: 2 })
    expect(report.diagnostics[0]).toMatchObject({
      code: 'unknown-event',
      severity: 'warning',
      bindingId: 1,
      location: 'event[0].event',
    })
  })

  it('exits 2 for a missing file, malformed JSON and an empty file', async () => {
    expect(await run(['check', 'nope.json'])).toEqual({
      code: 2,
      out: '',
      err: 'nope.json: cannot read the file: no such file\n',
    })
    const bad = await run(['check', 'bad.json'])
    expect(bad.code).toBe(2)
    expect(bad.err).toBe('bad.json:2:11: not valid JSON: unexpected "}"\n')
    expect((await run(['check', 'empty.json'])).err).toBe('empty.json: not valid JSON: the file is empty\n')
  })
})

describe('tripline evaluate', () => {
  it('evaluates one event (exit 0)', async () => {
    const r = await run(['evaluate', 'good.json', 'event.json'])
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    expect(r.out).toBe(
      [
        'event.json: validate_check (post): 2 intents, 2 audit entries',
        '  intent LoggingLog [1] "Log" Logging:logging {"logger":"pi-eventlogger","level":"INFO","message":"event=/validate/check triggered"}',
        '  intent TokenDisable [2] "Disable" Token:disable {"serials":["OATH0001"]}',
        '  audit  POST-EVENT validate_check>>Logging:logging success=true info="Log"',
        '  audit  POST-EVENT validate_check>>Token:disable success=true info="Disable"',
        '',
        '',
      ].join('\n'),
    )
  })

  it('prints one JSON document per event with --json', async () => {
    const r = await run(['evaluate', '--json', 'good.json', 'list.json'])
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.source)).toEqual(['list.json[0]', 'list.json[1]'])
    expect(lines[0].evaluation.intents).toHaveLength(2)
  })

  it('reads NDJSON, reports each unreadable line by file and line, and exits 2', async () => {
    const r = await run(['evaluate', 'good.json', 'events.ndjson'])
    expect(r.code).toBe(2)
    expect(r.out).toContain('events.ndjson:1: validate_check (post): 2 intents')
    expect(r.out).toContain('events.ndjson:3: token_init (post): 0 intents')
    expect(r.err).toMatch(/^events\.ndjson:4:2: not valid JSON: unexpected "n"$/m)
    expect(r.err).toContain('events.ndjson:5: position: ')
    expect(r.out).toContain('events.ndjson: 2 events, 2 intents, 0 failed bindings, 0 aborted, 2 unreadable')
  })

  it('falls back to one event per line for a file that is not one JSON document', async () => {
    const r = await run(['evaluate', 'good.json', 'lines.txt'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('lines.txt:2: validate_check')
  })

  it('exits 1 when a binding fails or aborts, and warns about configuration errors', async () => {
    const r = await run(['evaluate', 'broken.json', 'event.json'])
    expect(r.code).toBe(1)
    expect(r.out).toContain('ABORTED by binding 9')
    const c = await run(['evaluate', 'invalid-config.json', 'event.json'])
    expect(c.code).toBe(2)
  })

  it('exits 2 for bindings that do not decode, naming file and path', async () => {
    const r = await run(['evaluate', 'invalid.json', 'event.json'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('invalid.json: [0].events: ')
  })

  it('exits 2 for an events file without events', async () => {
    const r = await run(['evaluate', 'good.json', 'noevents.ndjson'])
    expect(r).toMatchObject({ code: 2, err: 'noevents.ndjson: no events in the file\n' })
  })

  it('shows progress on a terminal when it takes long, and clears it', async () => {
    const r = await run(['evaluate', 'good.json', 'list.json'], true)
    expect(r.err).toContain('evaluating: ')
    expect(r.err.endsWith('\r\x1b[K')).toBe(true)
    const quiet = await run(['evaluate', 'good.json', 'list.json'], false)
    expect(quiet.err).toBe('')
  })
})

describe('tripline explain', () => {
  it('explains each binding (exit 0)', async () => {
    const r = await run(['explain', 'good.json', 'event.json'])
    expect(r.code).toBe(0)
    expect(r.out).toContain(
      'event.json: validate_check (post) at 2026-11-29T10:00:00+00:00: 2 of 2 bindings selected, 2 fired',
    )
    expect(r.out).toContain('pass         failcounter ">5" [actual=7, operator=">", expected=5]')
  })

  it('prints the explanation as JSON with --json', async () => {
    const r = await run(['explain', '--json', 'good.json', 'event.json'])
    const doc = JSON.parse(r.out)
    expect(doc.source).toBe('event.json')
    expect(doc.explanation.bindings).toHaveLength(2)
    expect(doc.explanation.evaluation.intents).toHaveLength(2)
  })

  it('exits 1 when a binding fails', async () => {
    expect((await run(['explain', 'broken.json', 'event.json'])).code).toBe(1)
  })
})

describe('usage, help, version, bench', () => {
  it('exits 2 with the usage on a bad command line', async () => {
    const r = await run(['frob'])
    expect(r.code).toBe(2)
    expect(r.err).toBe(`tripline: unknown command "frob"\n\n${USAGE}\n`)
  })

  it('prints help, the version and the bench pointer (exit 0)', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, out: `${USAGE}\n`, err: '' })
    expect(await run(['--version'])).toEqual({ code: 0, out: 'tripline 0.0.0-test\n', err: '' })
    const bench = await run(['bench'])
    expect(bench.code).toBe(0)
    expect(bench.out).toContain('npm run bench')
  })
})
