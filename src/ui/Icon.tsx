// One icon from the app's Lucide set (src/ui/icons.gen.ts) as an <Image> with an SVG data URI:
// the same markup draws on weapp and H5, and only the icons the app uses are shipped.
import { Image } from '@tarojs/components'
import { ICON_BODIES, type IconName } from './icons.gen'

export type { IconName }

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of ASCII text; weapp has no btoa, and its <image> wants base64 SVG data URIs. */
export function base64Ascii(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i)
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : NaN
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (isNaN(b) ? '=' : B64[(n >> 6) & 63]) + (isNaN(c) ? '=' : B64[n & 63])
  }
  return out
}

const cache = new Map<string, string>()

export function iconUri(name: IconName, color: string, strokeWidth = 2): string {
  const key = `${name}|${color}|${strokeWidth}`
  let uri = cache.get(key)
  if (!uri) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="${color}" stroke-width="${strokeWidth}" stroke-linecap="round" stroke-linejoin="round">${ICON_BODIES[name]}</svg>`
    uri = `data:image/svg+xml;base64,${base64Ascii(svg)}`
    cache.set(key, uri)
  }
  return uri
}

/** Colours by role; an SVG in a data URI cannot read CSS variables. */
export const ICON_COLORS = { brand: '#0b4f8a', white: '#ffffff', ink: '#1f2933', muted: '#5b6472', accent: '#c2410c', ok: '#1b7a3d', danger: '#b42318' } as const

interface Props {
  name: IconName
  color?: keyof typeof ICON_COLORS
  /** Size class: s 32 / m 44 / l 56 (design px). */
  size?: 's' | 'm' | 'l'
  className?: string
}

/** Decorative by default: the text beside an icon names the action. */
export function Icon({ name, color = 'brand', size = 'm', className = '' }: Props) {
  return <Image className={`icon icon--${size} ${className}`} src={iconUri(name, ICON_COLORS[color])} aria-hidden="true" nativeProps={{ alt: '' }} />
}
