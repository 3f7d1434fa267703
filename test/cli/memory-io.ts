/** An in-memory `Io` for running the CLI in-process: files from a record, output recorded. */
import type { Io } from '../../src/cli/io.js'

export interface MemoryIo extends Io {
  readonly stdout: () => string
  readonly stderr: () => string
}

const enoent = (path: string): Error =>
  Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' })

export const memoryIo = (
  files: Readonly<Record<string, string>>,
  options: { readonly tty?: boolean; readonly clock?: () => number } = {},
): MemoryIo => {
  let out = ''
  let err = ''
  const read = (path: string): string => {
    const text = Object.hasOwn(files, path) ? files[path] : undefined
    if (text === undefined) throw enoent(path)
    return text
  }
  return {
    out: async (text) => {
      out += text
    },
    err: (text) => {
      err += text
    },
    readText: async (path) => read(path),
    readLines: (path) => ({
      async *[Symbol.asyncIterator]() {
        for (const line of read(path).split(/\r?\n/)) yield line
      },
    }),
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    clock: options.clock ?? (() => 0),
    version: '0.0.0-test',
    stdout: () => out,
    stderr: () => err,
  }
}
