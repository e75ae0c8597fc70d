// Exhibit content and the rules for reading an exhibit code from however the visitor arrived.
// Shared by the client (landing page) and the cloud (handlers, code generation).

export interface ExhibitFigure {
  label: string
  value: string
}

export interface Exhibit {
  /** Short ASCII code printed beside the exhibit and carried in the mini-program code's scene. */
  code: string
  name: string
  nameEn?: string
  hall: string
  hallId: string
  floor?: string
  image: string
  imageAlt: string
  summary: string
  summaryEn?: string
  figures: ExhibitFigure[]
  company: { id?: string; name: string }
  origin: string
  sort: number
  /** Where the text comes from: 'article' = the source article; 'illustrative' = written for the app. */
  source: 'article' | 'illustrative'
  sourceNote?: string
}

export interface Hall {
  id: string
  name: string
  floor?: string
  intro?: string
}

export interface HallWithExhibits extends Hall {
  exhibits: Pick<Exhibit, 'code' | 'name' | 'image' | 'imageAlt' | 'company'>[]
}

/** Exhibit codes: lower-case ASCII letters, digits and '-', so that `e=<code>` fits a 32-character scene. */
export const EXHIBIT_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,29}$/

export const SCENE_MAX_LENGTH = 32

export const isExhibitCode = (code: string): boolean => EXHIBIT_CODE_PATTERN.test(code)

/** The scene a mini-program code carries for an exhibit. */
export const sceneForExhibit = (code: string): string => `e=${code}`

export type ExhibitEntry =
  | { ok: true; code: string; via: 'scene' | 'q' | 'id' }
  | { ok: false; reason: 'missing' | 'malformed'; raw?: string }

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}

/** Parses `a=1&b=2` without URLSearchParams, which the mini-program runtime does not have. */
export function parseQueryString(query: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of query.replace(/^[?#]/, '').split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    const key = eq < 0 ? pair : pair.slice(0, eq)
    const value = eq < 0 ? '' : pair.slice(eq + 1)
    const decodedKey = safeDecode(key)
    const decodedValue = safeDecode(value.replace(/\+/g, ' '))
    if (decodedKey !== null && decodedValue !== null) out[decodedKey] = decodedValue
  }
  return out
}

/**
 * Decodes until nothing is left to decode: WeChat hands the scene over encoded once, a link
 * carried inside another link (q) or the H5 router (which passes query values raw) add layers.
 */
function decodeLayers(value: string): string | null {
  let current = value
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(current); i++) {
    const next = safeDecode(current)
    if (next === null) return null
    current = next
  }
  return current
}

function fromScene(scene: string): string | null {
  // WeChat delivers the scene URL-encoded ("e%3Dhelmet"); a scene typed by hand may arrive decoded.
  const decoded = decodeLayers(scene)
  if (decoded === null || decoded.length > SCENE_MAX_LENGTH) return null
  const params = parseQueryString(decoded)
  return params.e ?? (decoded.includes('=') ? null : decoded)
}

function fromLink(link: string): string | null {
  // A plain QR code opens the mini-program with q = the encoded URL, e.g.
  // https://host/#/pages/exhibit/index?id=helmet or https://host/e/helmet
  const url = decodeLayers(link)
  if (url === null) return null
  const queryStart = url.indexOf('?')
  if (queryStart >= 0) {
    const params = parseQueryString(url.slice(queryStart + 1).split('#')[0])
    if (params.id) return params.id
    if (params.e) return params.e
  }
  const path = url.split(/[?#]/)[0]
  const match = /\/e\/([^/]+)\/?$/.exec(path)
  return match ? match[1] : null
}

/**
 * Reads the exhibit code from the page's query, whichever route the visitor came by:
 * a mini-program code (`scene`), a plain QR link (`q`), or an H5 deep link (`id`).
 */
export function parseExhibitEntry(query: Record<string, string | undefined>): ExhibitEntry {
  const attempts: Array<['scene' | 'q' | 'id', (v: string) => string | null]> = [
    ['scene', fromScene],
    ['q', fromLink],
    ['id', decodeLayers],
  ]
  for (const [via, read] of attempts) {
    const raw = query[via]
    if (raw === undefined || raw === '') continue
    const code = read(raw)?.trim().toLowerCase()
    if (code && isExhibitCode(code)) return { ok: true, code, via }
    return { ok: false, reason: 'malformed', raw }
  }
  return { ok: false, reason: 'missing' }
}

/**
 * Reads an exhibit code from what a scan or the code entry field produced: a mini-program path
 * (`pages/exhibit/index?scene=e%3Dhelmet`), a link (`https://…?id=helmet`), `e=helmet`, or the bare code.
 */
export function exhibitCodeFromScan(scan: { path?: string; result?: string }): ExhibitEntry {
  if (scan.path) {
    const query = scan.path.includes('?') ? scan.path.slice(scan.path.indexOf('?') + 1) : ''
    return parseExhibitEntry(parseQueryString(query))
  }
  const text = (scan.result ?? '').trim()
  if (!text) return { ok: false, reason: 'missing' }
  if (/^https?:\/\//i.test(text)) return parseExhibitEntry({ q: encodeURIComponent(text) })
  if (text.startsWith('e=')) return parseExhibitEntry({ scene: text })
  return parseExhibitEntry({ id: text })
}
