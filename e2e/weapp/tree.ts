// Reading Taro's page data (`root`) the way the view layer renders it: each node has a `sid`, a
// class (`cl`), children (`cn`) and, for text, a value (`v`). Tests find elements by what a person
// sees (text) or by class, never by a sid written into the test — sids change with every redesign.

export interface DataNode {
  sid?: string
  uid?: string
  nn?: string
  cl?: string
  v?: string
  cn?: DataNode[]
  [prop: string]: unknown
}

export interface NodeQuery {
  /** Exact text of the element (its own and its descendants', trimmed). */
  text?: string
  /** Text the element contains. */
  contains?: string
  /** One of the element's classes. */
  cls?: string
  /** A property value the element carries (an input's placeholder, an aria-label). Taro keeps data-* on the element, not in the page data. */
  prop?: string
  /** The n-th of several matches (0-based); without it exactly one must match. */
  nth?: number
}

export function textOf(node: DataNode): string {
  if (typeof node.v === 'string') return node.v
  return (node.cn ?? []).map(textOf).join('')
}

export function allText(root: DataNode): string {
  const out: string[] = []
  const walk = (n: DataNode) => {
    if (typeof n.v === 'string' && n.v.trim()) out.push(n.v.trim())
    for (const c of n.cn ?? []) walk(c)
  }
  walk(root)
  return out.join('\n')
}

/**
 * Elements (never bare text nodes) matching the query, innermost first: for a text match, an
 * element whose child also matches is skipped, so a tap lands on the closest element.
 */
export function findNodes(root: DataNode, q: NodeQuery): DataNode[] {
  const matches: DataNode[] = []
  const hasClass = (n: DataNode) =>
    (!q.cls || (n.cl ?? '').split(/\s+/).includes(q.cls)) && (q.prop === undefined || Object.entries(n).some(([k, v]) => k !== 'v' && k !== 'cn' && v === q.prop))
  const hasText = (n: DataNode) => {
    if (q.text === undefined && q.contains === undefined) return true
    const t = textOf(n).trim()
    return q.text !== undefined ? t === q.text : t.includes(q.contains!)
  }
  const walk = (n: DataNode): boolean => {
    let childMatched = false
    for (const c of n.cn ?? []) if (walk(c)) childMatched = true
    if (typeof n.v === 'string' || !n.sid) return childMatched
    const own = hasClass(n) && hasText(n)
    // With only a text query, prefer the innermost element carrying the text.
    if (own && !(childMatched && !q.cls && q.prop === undefined)) matches.push(n)
    return own || childMatched
  }
  walk(root)
  if (q.nth !== undefined) return matches[q.nth] ? [matches[q.nth]] : []
  return matches
}

/** Tap targets: an element with the text, or its nearest ancestor with a class (buttons are styled). */
export function ancestorsOf(root: DataNode, target: DataNode): DataNode[] {
  const path: DataNode[] = []
  const walk = (n: DataNode): boolean => {
    if (n === target) return true
    for (const c of n.cn ?? []) {
      if (walk(c)) {
        path.push(n)
        return true
      }
    }
    return false
  }
  walk(root)
  return path
}
