import { useEffect, useRef } from 'react'

/**
 * Runs `load` once, when the page opens. The console's pages load their table on open and again
 * after each change (by calling `load` themselves), so the first load must not re-run whenever the
 * function's identity changes; the ref keeps the latest function without making it a dependency.
 */
export function useOnMount(load: () => unknown): void {
  const latest = useRef(load)
  latest.current = load
  useEffect(() => {
    void latest.current()
  }, [])
}
