// How deep and how large a request body may be, checked before anything walks it. A few KB of
// `[[[[…]]]]` are enough to overflow every recursive walk over a value — structured clone into the
// call thread, JSON.stringify, zod, a logger — so depth is refused at the door on every route of
// both runtimes: the local server's JSON parser, the WeChat cloud entry and its HTTP access.
// Both checks here are loops with their own counters: they never recurse over the caller's data.

/** Deeper than any request the app or the console sends (a console payload nests about 6 levels). */
export const MAX_JSON_DEPTH = 32

/** Values (objects, arrays, strings, numbers …) an already-parsed event may hold: far above any console payload, far below a memory problem. */
export const MAX_JSON_NODES = 200_000

/** Whether JSON text opens more than `max` objects/arrays inside each other. Linear, no parse, no recursion. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c /* \ */) i++
      else if (c === 0x22 /* " */) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--
  }
  return false
}

/**
 * What is wrong with an already-parsed value (the WeChat runtime hands the function its event
 * parsed): nesting deeper than `maxDepth`, or more than `maxNodes` values. null when it is fine.
 * Walks with an explicit stack and stops at the first excess.
 */
export function valueOutOfBounds(value: unknown, maxDepth = MAX_JSON_DEPTH, maxNodes = MAX_JSON_NODES): 'PAYLOAD_TOO_DEEP' | 'PAYLOAD_TOO_LARGE' | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }]
  let nodes = 0
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!
    if (++nodes > maxNodes) return 'PAYLOAD_TOO_LARGE'
    if (typeof v !== 'object' || v === null) continue
    if (depth + 1 > maxDepth) return 'PAYLOAD_TOO_DEEP'
    const children = Array.isArray(v) ? v : Object.values(v)
    if (nodes + stack.length + children.length > maxNodes) return 'PAYLOAD_TOO_LARGE'
    for (const child of children) stack.push({ value: child, depth: depth + 1 })
  }
  return null
}
