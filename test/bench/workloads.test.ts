import { describe, expect, it } from 'vitest'
import { benchCatalogue } from '../../bench/catalogue.js'
import { checkAgreement, MISMATCH } from '../../bench/main.js'
import { compileBaseline } from '../../bench/peers/baseline.js'
import { celEnvironment, celPeer } from '../../bench/peers/cel.js'
import { cidrRange, floorMinute, ipv4, parseDateMs } from '../../bench/peers/facts.js'
import { jreFlatPeer, jrePeer } from '../../bench/peers/jre.js'
import { triplinePeer } from '../../bench/peers/tripline.js'
import type { Matcher, MatchIds, Peer } from '../../bench/peers/types.js'
import { makeRng } from '../../bench/prng.js'
import { conditionValue, EVENT_NAMES, toBinding } from '../../bench/spec.js'
import { CONDITION_CASES, realisticWorkload, scaleWorkload, spreadWorkload } from '../../bench/workloads.js'
import type { Event } from '../../src/core/model.js'

const idsOf = async (m: Matcher, e: Event): Promise<MatchIds> => (m._tag === 'sync' ? m.ids(e) : await m.ids(e))

describe('bench/prng', () => {
  it('is a pure function of the seed', () => {
    const draw = (seed: number) => {
      const rng = makeRng(seed)
      return Array.from({ length: 20 }, () => rng.int(1000))
    }
    expect(draw(1)).toEqual(draw(1))
    expect(draw(1)).not.toEqual(draw(2))
  })
})

describe('bench/workloads', () => {
  it('the realistic workload is deterministic: same seed, same bindings and events', () => {
    expect(realisticWorkload(7, 50)).toEqual(realisticWorkload(7, 50))
    expect(realisticWorkload(7, 50)).not.toEqual(realisticWorkload(8, 50))
    expect(realisticWorkload(7, 50).bindings).toHaveLength(50)
  })

  it('the scale workload keeps the same 40 hot bindings and stream at every size and covers all 76 events', () => {
    const small = scaleWorkload(3, 100, 50)
    const large = scaleWorkload(3, 1000, 50)
    expect(scaleWorkload(3, 1000, 50)).toEqual(large)
    expect(large.bindings.slice(0, 40)).toEqual(small.bindings.slice(0, 40))
    expect(large.events).toEqual(small.events)
    expect(new Set(large.bindings.flatMap((b) => b.events))).toEqual(new Set(EVENT_NAMES))
    expect(EVENT_NAMES).toHaveLength(76)
  })

  it('the spread workload is deterministic and uniform over the 76 events', () => {
    const w = spreadWorkload(5, 152, 76)
    expect(spreadWorkload(5, 152, 76)).toEqual(w)
    expect(new Set(w.bindings.map((b) => b.events[0]))).toEqual(new Set(EVENT_NAMES))
  })

  it('renders privacyIDEA condition strings', () => {
    expect(conditionValue({ _tag: 'failcounter', op: '>=', n: 3, quoted: true })).toBe("'>='3")
    expect(conditionValue({ _tag: 'tokeninfoDate', key: 'last_auth', op: '<', n: 7, unit: 'd' })).toBe(
      'last_auth < {now}-7d',
    )
    expect(
      conditionValue({
        _tag: 'clientIp',
        include: [{ address: '10.0.0.0', prefix: 8 }],
        exclude: [{ address: '10.3.3.3', prefix: 32 }],
      }),
    ).toBe('10.0.0.0/8,-10.3.3.3')
  })
})

describe('bench/peers/facts', () => {
  it('parses stored and ISO timestamps and IPv4 ranges', () => {
    expect(parseDateMs('2026-11-20 09:13:44.123456+0100')).toBe(Date.UTC(2026, 10, 20, 8, 13, 44, 123))
    expect(parseDateMs('2026-11-29T10:00:00+01:00')).toBe(Date.UTC(2026, 10, 29, 9))
    expect(parseDateMs('2026-11-29T10:00:00Z')).toBe(Date.UTC(2026, 10, 29, 10))
    expect(parseDateMs('yesterday')).toBeNaN()
    expect(floorMinute(Date.UTC(2026, 0, 1, 0, 0, 59, 999))).toBe(Date.UTC(2026, 0, 1))
    expect(cidrRange({ address: '10.1.2.3', prefix: 16 })).toEqual([ipv4('10.1.0.0'), ipv4('10.1.255.255')])
    expect(ipv4('256.1.1.1')).toBeNaN()
  })
})

describe('engines agree with tripline on a small seeded sample', () => {
  const w = realisticWorkload(11, 150)
  const tripline = triplinePeer(benchCatalogue)
  const compileReference = (): Matcher => tripline.compile(tripline.render(w.bindings))

  it('every per-condition case compiles in tripline', () => {
    for (const c of CONDITION_CASES) expect(benchCatalogue.conditions.compile(c.name, c.value)._tag).toBe('Right')
  })

  it('the workload compiles without configuration errors', () => {
    expect(w.bindings.map(toBinding)).toHaveLength(50)
    expect(compileReference).not.toThrow()
  })

  it('the hand-written baseline matches exactly the same bindings on every event', async () => {
    const reference = compileReference()
    const baseline = compileBaseline(w.bindings)
    let matches = 0
    for (const e of w.events) {
      const expected = await idsOf(reference, e)
      expect(baseline.ids(e), `${e.position} ${e.name}`).toEqual(expected)
      matches += expected.length
    }
    expect(matches).toBeGreaterThan(0)
  })

  it('cel-js and json-rules-engine match exactly the same bindings', async () => {
    const reference = compileReference()
    const cel = celPeer(celEnvironment())
    const celMatcher = cel.compile(cel.render(w.bindings))
    const jre = jrePeer.compile(jrePeer.render(w.bindings))
    const jreFlat = jreFlatPeer.compile(jreFlatPeer.render(w.bindings))
    for (const e of w.events.slice(0, 60)) {
      const expected = await idsOf(reference, e)
      expect(await idsOf(celMatcher, e)).toEqual(expected)
      expect(await idsOf(jre, e)).toEqual(expected)
      expect(await idsOf(jreFlat, e)).toEqual(expected)
    }
  })

  it('a peer that disagrees fails the benchmark with a MismatchError', async () => {
    const small = realisticWorkload(11, 30)
    const reference = triplinePeer(benchCatalogue)
    const silent: Matcher = { _tag: 'sync', count: () => 0, ids: () => [] }
    const peer: Peer = { name: 'never matches', note: '', render: () => null, compile: () => silent }
    await expect(
      checkAgreement(small, [
        { peer: reference as Peer, input: null, matcher: reference.compile(reference.render(small.bindings)) },
        { peer, input: null, matcher: silent },
      ]),
    ).rejects.toMatchObject({ name: MISMATCH })
  })
})
