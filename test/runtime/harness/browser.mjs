// @ts-check
// The matrix entry for the browser: bundled with the package by esbuild for the browser platform; the page
// publishes the result on window for the driver to read.
import * as tripline from 'tripline'
import * as codec from 'tripline/codec'
import * as core from 'tripline/core'
import { runVectors } from './run-vectors.mjs'
import settings from './settings.mjs'
import doc from './vectors.mjs'

const g = /** @type {any} */ (globalThis)
const version = /Chrome\/([\d.]+)/.exec(g.navigator?.userAgent ?? '')?.[1] ?? '?'
try {
  g.__triplineMatrix = runVectors({ runtime: `chromium ${version}`, tripline, core, codec, doc, stub: settings.stub })
} catch (e) {
  g.__triplineMatrix = { error: String(e) }
}
