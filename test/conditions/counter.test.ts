import { describe, expect, it } from 'vitest'
import { compileCondition } from '../../src/conditions/index.js'
import { verdict, withEvent } from './engine.js'

const counters = withEvent({ counters: { myCounter: 4, c: 4, zero: 0 } })

describe('counter', () => {
  it.each([
    ['myCounter<4', 'skip'],
    ['myCounter==4', 'fire'],
    ['myCounter>3', 'fire'],
    ['myCounter >= 4', 'fire'],
    ['myCounter != 4', 'skip'],
    ["myCounter 'in' 3,4", 'skip'], // an integer is never one of the text items, as in Python
    ["myCounter '!in' 3,4", 'fire'],
    ['myNonExistingCounter>3', 'skip'],
    ['myNonExistingCounter<3', 'fire'],
    ['myNonExistingCounter==0', 'fire'],
    ['__proto__ == 0', 'fire'],
    ['constructor == 0', 'fire'],
    ['c < abc', 'skip'],
    ['c == abc', 'skip'],
    ['c != abc', 'fire'],
    ['', 'skip'],
  ])('%j → %s', (value, expected) => expect(verdict({ counter: value }, counters)).toBe(expected))

  it('a counter against text with < is always false, with a warning (D17)', () => {
    const c = compileCondition('counter', 'c < abc')
    expect(c._tag === 'Right' && c.right.warnings.map((w) => w.code)).toEqual(['never-true'])
  })

  it('counters have no {now}: braces are text', () => {
    expect(compileCondition('counter', 'c == {now}')._tag).toBe('Right')
  })

  it('reads counters.<name>', () => {
    const c = compileCondition('counter', 'myCounter > 3')
    expect(c._tag === 'Right' && c.right.facts).toEqual(['counters.myCounter'])
  })
})
