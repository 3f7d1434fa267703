/**
 * The WHATWG Encoding API, for the library build only (tsconfig.build.json `files`). Every runtime tripline targets
 * has it — Node.js (since 11), Deno, Bun, workerd and browsers — but TypeScript's ES lib does not declare it, and the
 * library build deliberately loads neither Node's types nor the DOM lib, so that `process`, `Buffer`, `console`,
 * timers and the like fail to compile outside the CLI. These two classes are the only web globals it allows.
 */
declare class TextEncoder {
  readonly encoding: string
  encode(input?: string): Uint8Array<ArrayBuffer>
}

declare class TextDecoder {
  constructor(label?: string, options?: { readonly fatal?: boolean; readonly ignoreBOM?: boolean })
  readonly encoding: string
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { readonly stream?: boolean }): string
}
