/**
 * Carrying out intents for real: the host's half of the contract. tripline decided what to do and rendered every
 * text; the host does the I/O, tells whether it worked, and completes the audit entries.
 */
import { randomInt } from 'node:crypto'
import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve, sep } from 'node:path'
import type { Store } from './store.js'
import type { AuditEntry, Intent, TriplineIntent } from './tripline.js'

export interface EffectsConfig {
  readonly store: Store
  /** The log file the Logging module writes to. */
  readonly logFile: string
  /** The spool folder of UserNotification `savefile`. */
  readonly spoolDir: string
  /** The audit log, one JSON object per line. */
  readonly auditFile: string
  /** Hosts a WebHook may reach; anything else is refused (a configuration is not a licence to call anywhere). */
  readonly webhookHosts: ReadonlyArray<string>
  /** Milliseconds before a webhook call is abandoned (privacyIDEA: 10 s). */
  readonly webhookTimeoutMs: number
}

/** What carrying one intent out gave: whether it worked and a detail for the audit log. */
export interface Effect {
  readonly ok: boolean
  readonly detail: string
}

/** When the event carried no entropy, `savefile` leaves `{random}` to the host: draw it, unescape the rest. */
const drawRandom = (name: string, length: number, alphabet: string): string => {
  const random = Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('')
  return name.replace(/\{\{|\}\}|\{random\}/g, (m) => (m === '{random}' ? random : (m[0] ?? '')))
}

const webhook = async (config: EffectsConfig, url: string, contentType: string, data: string): Promise<Effect> => {
  const target = new URL(url)
  if (!config.webhookHosts.includes(target.hostname))
    return { ok: false, detail: `refused: ${target.host} is not allowed` }
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: data,
      signal: AbortSignal.timeout(config.webhookTimeoutMs),
    })
    await response.arrayBuffer()
    // privacyIDEA: an HTTP error status is not a failure of the action, a network error is.
    return { ok: true, detail: `HTTP ${response.status}` }
  } catch (e) {
    return { ok: false, detail: `network error: ${e instanceof Error ? e.message : String(e)}` }
  }
}

const savefile = async (config: EffectsConfig, filename: string, body: string): Promise<Effect> => {
  const root = resolve(config.spoolDir)
  const path = resolve(root, filename)
  // tripline already refuses names outside the spool folder; a host checks again, it owns the file system.
  if (!path.startsWith(root + sep)) return { ok: false, detail: `refused: ${filename} is outside the spool folder` }
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, body, 'utf8')
  return { ok: true, detail: `wrote ${path}` }
}

const counter = (store: Store, name: string, change: (value: number) => number): Effect => {
  const value = change(store.counters.get(name) ?? 0)
  store.counters.set(name, value)
  return { ok: true, detail: `${name} = ${value}` }
}

/** Carries out one intent. Manglers need nothing: their change is in `evaluation.request`/`response` already. */
export const carryOut = async (config: EffectsConfig, now: string, intent: TriplineIntent): Promise<Effect> => {
  switch (intent._tag) {
    case 'Logging.logging':
      await appendFile(config.logFile, `${now} ${intent.level} [${intent.logger}] ${intent.message}\n`, 'utf8')
      return { ok: true, detail: 'logged' }
    case 'WebHook.post_webhook':
      return webhook(config, intent.url, intent.contentType, intent.data)
    case 'UserNotification.savefile':
      if (intent.bodyFile !== undefined)
        return { ok: false, detail: 'body templates from files are not supported here' }
      return savefile(
        config,
        intent.draw !== undefined
          ? drawRandom(intent.filename, intent.draw.length, intent.draw.alphabet)
          : intent.filename,
        intent.body,
      )
    case 'Counter.increase_counter':
      return counter(config.store, intent.counterName, (v) => v + 1)
    case 'Counter.decrease_counter':
      return counter(config.store, intent.counterName, (v) => (v > 0 || intent.allowNegative ? v - 1 : 0))
    case 'Counter.reset_counter':
      return counter(config.store, intent.counterName, () => 0)
    case 'RequestMangler.set':
    case 'RequestMangler.delete':
    case 'ResponseMangler.set':
    case 'ResponseMangler.delete':
      return { ok: true, detail: 'applied by the evaluation' }
    default:
      return { ok: false, detail: `${intent._tag} is not supported by this host` }
  }
}

/** Carries out every intent in order and returns the effects by binding id. */
export const carryOutAll = async (
  config: EffectsConfig,
  now: string,
  intents: ReadonlyArray<Intent>,
): Promise<ReadonlyMap<string | number, Effect>> => {
  const effects = new Map<string | number, Effect>()
  for (const intent of intents as ReadonlyArray<TriplineIntent>) {
    effects.set(intent.bindingId, await carryOut(config, now, intent))
  }
  return effects
}

/** Writes the audit entries, completed with what carrying the intents out gave. */
export const writeAudit = async (
  config: EffectsConfig,
  now: string,
  audit: ReadonlyArray<AuditEntry>,
  effects: ReadonlyMap<string | number, Effect>,
): Promise<void> => {
  const lines = audit.map((entry) => {
    const effect = effects.get(entry.bindingId)
    const success = entry.success && (effect?.ok ?? true)
    return `${JSON.stringify({ time: now, ...entry, success, ...(effect ? { hostDetail: effect.detail } : {}) })}\n`
  })
  if (lines.length > 0) await appendFile(config.auditFile, lines.join(''), 'utf8')
}
