import { render } from '@testing-library/react'
import { useEvery } from './use-every'

function Poller({ on, tick }: { on: boolean; tick: () => void }) {
  useEvery(30_000, tick, on)
  return null
}

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

test('calls back every interval while on, and stops when turned off or unmounted', () => {
  const tick = jest.fn()
  const view = render(<Poller on tick={tick} />)
  jest.advanceTimersByTime(29_999)
  expect(tick).toHaveBeenCalledTimes(0)
  jest.advanceTimersByTime(1)
  expect(tick).toHaveBeenCalledTimes(1)
  jest.advanceTimersByTime(60_000)
  expect(tick).toHaveBeenCalledTimes(3)
  view.rerender(<Poller on={false} tick={tick} />)
  jest.advanceTimersByTime(90_000)
  expect(tick).toHaveBeenCalledTimes(3)
  view.rerender(<Poller on tick={tick} />)
  jest.advanceTimersByTime(30_000)
  expect(tick).toHaveBeenCalledTimes(4)
  view.unmount()
  jest.advanceTimersByTime(90_000)
  expect(tick).toHaveBeenCalledTimes(4)
})

test('a new callback takes effect without restarting the interval', () => {
  const first = jest.fn()
  const second = jest.fn()
  const view = render(<Poller on tick={first} />)
  jest.advanceTimersByTime(20_000)
  view.rerender(<Poller on tick={second} />)
  jest.advanceTimersByTime(10_000)
  expect(first).toHaveBeenCalledTimes(0)
  expect(second).toHaveBeenCalledTimes(1)
})
