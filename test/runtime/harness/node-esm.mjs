// @ts-check
// The matrix entry for Node (ESM), Deno and Bun: imports the packed package by name, runs the vectors, prints one
// result line. The runtime's name comes from its own globals.
import * as tripline from 'tripline'
import * as codec from 'tripline/codec'
import * as core from 'tripline/core'
import { MARK, runVectors } from './run-vectors.mjs'
import settings from './settings.mjs'
import doc from './vectors.mjs'

const g = /** @type {any} */ (globalThis)
const runtime =
  g.Deno !== undefined
    ? `deno ${g.Deno.version.deno}`
    : g.Bun !== undefined
      ? `bun ${g.Bun.version}`
      : `node ${g.process?.version} esm`
console.log(MARK + JSON.stringify(runVectors({ runtime, tripline, core, codec, doc, stub: settings.stub })))
