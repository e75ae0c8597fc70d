// Exhibit photos from the console: the type is read from the bytes (not the name), the size
// checked, then sharp makes the sizes the pages use — 1280 px wide for the exhibit page on a large
// screen, 640 px for phones and lists — as progressive JPEG (every WebView shows it).
import crypto from 'node:crypto'

export const PHOTO_MAX_BYTES = 8 * 1024 * 1024
export const PHOTO_WIDTHS = [1280, 640] as const
/** 60 megapixels: above what phone and camera photos of 8 MB have; a PNG of a few KB may declare 256 million. */
export const PHOTO_MAX_PIXELS = 60_000_000
const ACCEPTED = new Set(['jpeg', 'png', 'webp'])

export const PhotoErrors = {
  PHOTO_TOO_LARGE: '图片不能超过 8 MB，请压缩后再上传',
  PHOTO_TYPE: '只能上传 JPG、PNG 或 WebP 图片',
  PHOTO_UNREADABLE: '无法读取这张图片，文件可能已损坏',
  PHOTO_TOO_MANY_PIXELS: '图片像素过多（最多 6000 万像素），请缩小后再上传',
  PHOTO_PROCESSOR_UNAVAILABLE:
    '服务器上的图片处理组件（sharp）无法加载，照片未保存。请确认 console 云函数的运行环境为 Nodejs20.19 并已“云端安装依赖”（见 docs/wechat-cloud.md），或在本地运行的后台上传',
} as const

export type PhotoCheck = { ok: true; sizes: Array<{ width: number; buffer: Buffer }>; digest: string } | { ok: false; code: keyof typeof PhotoErrors }

export async function preparePhoto(input: Buffer): Promise<PhotoCheck> {
  if (input.length > PHOTO_MAX_BYTES) return { ok: false, code: 'PHOTO_TOO_LARGE' }
  // Loaded on use: a native module, kept out of the bundles (an npm dependency of the cloud
  // function). require, not import(): the local runtime's bundle runs as a vm script (its code
  // cache, scripts/server-launcher.js), where node 20 refuses a dynamic import.
  // A native module can fail to load where its prebuilt binary does not fit (Node or glibc of the
  // cloud runtime): refuse this upload in words, leave everything as it was.
  let sharp: typeof import('sharp').default
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sharp = require('sharp') as typeof import('sharp').default
  } catch (error) {
    console.error('sharp could not be loaded', error)
    return { ok: false, code: 'PHOTO_PROCESSOR_UNAVAILABLE' }
  }
  let meta: { format?: string; width?: number; height?: number }
  try {
    meta = await sharp(input).metadata()
  } catch {
    return { ok: false, code: 'PHOTO_UNREADABLE' }
  }
  if (!meta.format || !ACCEPTED.has(meta.format)) return { ok: false, code: 'PHOTO_TYPE' }
  // A pixel bomb decodes for seconds on every core: its header says so before any decoding.
  if ((meta.width ?? 0) * (meta.height ?? 0) > PHOTO_MAX_PIXELS) return { ok: false, code: 'PHOTO_TOO_MANY_PIXELS' }
  const digest = crypto.createHash('sha256').update(input).digest('hex').slice(0, 12)
  try {
    const sizes = await Promise.all(
      PHOTO_WIDTHS.map(async (width) => ({
        width,
        // rotate(): honour the camera's orientation tag; never enlarge a small photo.
        buffer: await sharp(input).rotate().resize({ width, withoutEnlargement: true }).jpeg({ quality: 80, progressive: true, mozjpeg: true }).toBuffer(),
      })),
    )
    return { ok: true, sizes, digest }
  } catch {
    // The header read but the pixels do not (a truncated or damaged file): the operator's file, not a server fault.
    return { ok: false, code: 'PHOTO_UNREADABLE' }
  }
}
