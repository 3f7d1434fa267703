// @ts-check
// The matrix entry for workerd (the Cloudflare Workers runtime): bundled with the package by esbuild the way
// wrangler bundles a worker; `workerd test` calls test(), which prints the result line.
import * as tripline from 'tripline'
import * as codec from 'tripline/codec'
import * as core from 'tripline/core'
import { MARK, runVectors } from './run-vectors.mjs'
import settings from './settings.mjs'
import doc from './vectors.mjs'

const run = () =>
  runVectors({ runtime: settings.workerdVersion ?? 'workerd', tripline, core, codec, doc, stub: settings.stub })

export default {
  fetch: () => Response.json(run()),
  test: () => {
    console.log(MARK + JSON.stringify(run()))
  },
}
