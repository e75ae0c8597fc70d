import { useEffect, useRef } from 'react'

/**
 * Calls `tick` every `ms` while `on` (a screen that must stay current, like the gate's counts when
 * another gate admits people). The latest `tick` is used without restarting the interval.
 */
export function useEvery(ms: number, tick: () => void, on = true): void {
  const latest = useRef(tick)
  latest.current = tick
  useEffect(() => {
    if (!on) return undefined
    const timer = setInterval(() => latest.current(), ms)
    return () => clearInterval(timer)
  }, [ms, on])
}
