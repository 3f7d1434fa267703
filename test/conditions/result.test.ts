import { describe, expect, it } from 'vitest'
import { BASE_EVENT, verdict, withEvent } from './engine.js'

const responding = (result: unknown) => withEvent({ response: { result } })

describe('result_value', () => {
  it.each([
    ['True', true, 'fire'],
    ['true', true, 'fire'],
    ['1', true, 'fire'],
    ['False', true, 'skip'],
    ['False', false, 'fire'],
    ['True', false, 'skip'],
    ['False', 'CHALLENGE', 'fire'],
    ['False', { container_serial: 'C1' }, 'fire'],
    ['True', 1, 'fire'],
    ['True', 'True', 'fire'],
  ])('%j with value %j → %s', (condition, value, expected) =>
    expect(verdict({ result_value: condition }, responding({ value }))).toBe(expected),
  )

  it('pre position has no response: the value counts as false', () => {
    const { response: _r, ...pre } = BASE_EVENT
    expect(verdict({ result_value: 'False' }, { ...pre, position: 'pre' })).toBe('fire')
    expect(verdict({ result_value: 'True' }, { ...pre, position: 'pre' })).toBe('skip')
  })
})

describe('result_status', () => {
  it('compares result.status like result_value', () => {
    expect(verdict({ result_status: 'True' })).toBe('fire')
    expect(verdict({ result_status: 'False' }, responding({ status: false }))).toBe('fire')
    expect(verdict({ result_status: 'False' }, withEvent({ response: 'not json' }))).toBe('fire')
  })
})

describe('result_authentication', () => {
  it('compares exactly; missing is false', () => {
    expect(verdict({ result_authentication: 'ACCEPT' })).toBe('fire')
    expect(verdict({ result_authentication: 'accept' })).toBe('skip')
    expect(verdict({ result_authentication: 'REJECT' }, responding({ authentication: 'REJECT' }))).toBe('fire')
    expect(verdict({ result_authentication: 'ACCEPT' }, responding({ value: true }))).toBe('skip')
  })
})
