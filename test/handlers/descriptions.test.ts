/**
 * The handler texts: the table names exactly the modules, actions and options of the catalogue, each with a text;
 * `describeModule` joins them without changing the executable data; and a bundle of `evaluate` carries none of them.
 */
import { join } from 'node:path'
import * as esbuild from 'esbuild'
import { describe, expect, test } from 'vitest'
import {
  describeModule,
  HANDLER_DESCRIPTIONS,
  type HandlerDescriptions,
  type ModuleTexts,
} from '../../src/handlers/descriptions.js'
import { counterModule, MODULES } from '../../src/handlers/index.js'
import type { HandlerModuleDescriptor } from '../../src/handlers/module.js'
import type { ActionSpec } from '../../src/handlers/options.js'
import { TAG_VALUES } from '../../src/templates/tags.js'

/** Every module, action and option a catalogue names, as `module`, `module > action`, `module > action > option`. */
const cataloguePaths = (modules: ReadonlyArray<HandlerModuleDescriptor>): ReadonlyArray<string> =>
  modules.flatMap((m) => [
    m.name,
    ...m.actions.flatMap((a) => [
      `${m.name} > ${a.name}`,
      ...a.options.map((o) => `${m.name} > ${a.name} > ${o.name}`),
    ]),
  ])

/** Every module, action and option the table has a text for, with that text. */
const tableTexts = (texts: HandlerDescriptions): ReadonlyArray<readonly [string, string]> =>
  Object.entries(texts).flatMap(([m, mt]) => [
    [m, mt.description] as const,
    ...Object.entries(mt.actions).flatMap(([a, at]) => [
      [`${m} > ${a}`, at.description] as const,
      ...Object.entries(at.options).map(([o, text]) => [`${m} > ${a} > ${o}`, text] as const),
    ]),
  ])

/** Read inside the tests: a table that no longer has the expected shape fails a test rather than the collection. */
const allTexts = () => tableTexts(HANDLER_DESCRIPTIONS)

/** What the catalogue names without a (non-empty) text, and what the table has a text for that the catalogue lacks. */
const disagreement = (modules: ReadonlyArray<HandlerModuleDescriptor>, texts: HandlerDescriptions) => {
  const named = new Set(cataloguePaths(modules))
  const described = new Set(
    tableTexts(texts)
      .filter(([, text]) => text !== '')
      .map(([path]) => path),
  )
  return {
    missing: [...named].filter((p) => !described.has(p)),
    extra: tableTexts(texts)
      .map(([p]) => p)
      .filter((p) => !named.has(p)),
  }
}

describe('HANDLER_DESCRIPTIONS agrees with the catalogue', () => {
  test('every module, action and option of MODULES has a text, and the table names nothing else', () => {
    expect(disagreement(MODULES, HANDLER_DESCRIPTIONS)).toEqual({ missing: [], extra: [] })
    expect(allTexts().map(([path]) => path)).toEqual(cataloguePaths(MODULES))
    expect(allTexts()).toHaveLength(173)
  })
  test('every text is a sentence without surrounding blanks', () => {
    const bad = allTexts()
      .filter(([, text]) => !/^\S.*[.)]$/s.test(text))
      .map(([path]) => path)
    expect(bad).toEqual([])
  })
  test('a new option without a text, or a text for a removed option, is a disagreement', () => {
    const counterTexts: HandlerDescriptions = { Counter: HANDLER_DESCRIPTIONS.Counter as ModuleTexts }
    expect(disagreement([counterModule], counterTexts)).toEqual({ missing: [], extra: [] })
    const withResetOptions = (options: ActionSpec['options']): HandlerModuleDescriptor => ({
      ...counterModule,
      actions: counterModule.actions.map((a) => (a.name === 'reset_counter' ? { ...a, options } : a)),
    })
    const added = withResetOptions([
      { name: 'counter_name', type: 'str', required: true },
      { name: 'x', type: 'bool' },
    ])
    expect(disagreement([added], counterTexts)).toEqual({ missing: ['Counter > reset_counter > x'], extra: [] })
    expect(disagreement([withResetOptions([])], counterTexts)).toEqual({
      missing: [],
      extra: ['Counter > reset_counter > counter_name'],
    })
    const blank: HandlerDescriptions = { Counter: { description: '', actions: {} } }
    expect(disagreement([{ ...counterModule, actions: [] }], blank)).toEqual({ missing: ['Counter'], extra: [] })
  })
})

describe('describeModule', () => {
  test('joins the texts into the module data, which it leaves as it was', () => {
    expect(describeModule(counterModule)).toEqual({
      name: 'Counter',
      description: 'Increases, decreases or resets event counters.',
      positions: ['post', 'pre'],
      abortOnError: false,
      actionNames: 'fixed',
      actions: [
        {
          name: 'increase_counter',
          description: 'Increase the counter by 1.',
          options: [
            { name: 'counter_name', type: 'str', required: true, description: 'The name of the event counter.' },
          ],
        },
        {
          name: 'decrease_counter',
          description: 'Decrease the counter by 1; at or below 0 reset it to 0 unless negative values are allowed.',
          options: [
            { name: 'counter_name', type: 'str', required: true, description: 'The name of the event counter.' },
            {
              name: 'allow_negative_values',
              type: 'bool',
              description: 'Decrease below zero; otherwise a counter at or below zero is reset to 0.',
            },
          ],
        },
        {
          name: 'reset_counter',
          description: 'Reset the counter to 0.',
          options: [
            { name: 'counter_name', type: 'str', required: true, description: 'The name of the event counter.' },
          ],
        },
      ],
    })
    expect(counterModule.actions[0]?.options[0]).toEqual({ name: 'counter_name', type: 'str', required: true })
  })
  test('without the texts, the described view is the catalogue data for every module', () => {
    for (const m of MODULES) {
      const { description: _m, actions, ...rest } = describeModule(m)
      const bare = actions.map(({ description: _a, options, ...a }) => ({
        ...a,
        options: options.map(({ description: _o, ...o }) => o),
      }))
      const { compile: _c, actions: specs, ...data } = m
      expect({ ...rest, actions: bare }).toEqual({ ...data, actions: specs })
    }
  })
  test('a module, action or option the table does not name gets the empty text; own properties only', () => {
    const proto: HandlerModuleDescriptor = {
      ...counterModule,
      name: '__proto__',
      actions: [{ name: 'constructor', options: [{ name: 'toString', type: 'str' }] }],
    }
    expect(describeModule(proto)).toMatchObject({
      description: '',
      actions: [{ description: '', options: [{ name: 'toString', description: '' }] }],
    })
    const known = describeModule({ ...counterModule, actions: [{ name: 'nope', options: [] }] })
    expect([known.description, known.actions[0]?.description]).toEqual([
      'Increases, decreases or resets event counters.',
      '',
    ])
    const unknownOptions = describeModule({
      ...counterModule,
      actions: [
        {
          name: 'reset_counter',
          options: ['x', 'constructor', 'toString', '__proto__'].map((name) => ({ name, type: 'str' as const })),
        },
      ],
    })
    expect(unknownOptions.actions[0]?.options.map((o) => [o.name, o.description])).toEqual([
      ['x', ''],
      ['constructor', ''],
      ['toString', ''],
      ['__proto__', ''],
    ])
  })
  test("a host's own table describes its own module", () => {
    const pager: HandlerModuleDescriptor = {
      ...counterModule,
      name: 'Pager',
      actions: [{ name: 'page', options: [{ name: 'team', type: 'str' }] }],
    }
    const texts: HandlerDescriptions = {
      Pager: {
        description: 'Pages the on-call admin.',
        actions: { page: { description: 'Page a team.', options: { team: 'The team to page.' } } },
      },
    }
    expect(describeModule(pager, texts)).toMatchObject({
      description: 'Pages the on-call admin.',
      actions: [
        { name: 'page', description: 'Page a team.', options: [{ name: 'team', description: 'The team to page.' }] },
      ],
    })
    expect(describeModule(counterModule, texts).description).toBe('')
  })
})

describe('the evaluate bundle', () => {
  test("`import { evaluate } from 'tripline'` bundles no handler text", async () => {
    const root = join(import.meta.dirname, '..', '..')
    const result = await esbuild.build({
      stdin: { contents: "export { evaluate } from './src/index.ts'", resolveDir: root, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const code = result.outputFiles[0]?.text ?? ''
    const bundled = Object.values(result.metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, i]) => i.bytesInOutput > 0)
        .map(([path]) => path),
    )
    expect(bundled).toContain('src/handlers/token.ts')
    expect(bundled.filter((path) => path.endsWith('descriptions.ts'))).toEqual([])
    const found = [...new Set(allTexts().map(([, text]) => text))].filter((text) => code.includes(text))
    expect(found).toEqual([])
    // The template tags' texts are documentation too (TAG_VALUES); those that are not also a fact path stay out.
    const tagTexts = Object.values(TAG_VALUES).filter((text) => text.includes(' '))
    expect(tagTexts.length).toBeGreaterThan(20)
    expect(tagTexts.filter((text) => code.includes(text))).toEqual([])
    expect(code).toContain('no token serials found')
  }, 30_000)
})
