// Exhibit photos from the console: the type is read from the bytes (not the name), the size
// checked, then sharp makes the sizes the pages use — 1280 px wide for the exhibit page on a large
// screen, 640 px for phones and lists — as progressive JPEG (every WebView shows it).
import crypto from 'node:crypto'

export const PHOTO_MAX_BYTES = 8 * 1024 * 1024
export const PHOTO_WIDTHS = [1280, 640] as const
const ACCEPTED = new Set(['jpeg', 'png', 'webp'])

export const PhotoErrors = {
  PHOTO_TOO_LARGE: '图片不能超过 8 MB，请压缩后再上传',
  PHOTO_TYPE: '只能上传 JPG、PNG 或 WebP 图片',
  PHOTO_UNREADABLE: '无法读取这张图片，文件可能已损坏',
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
  let format: string | undefined
  try {
    format = (await sharp(input).metadata()).format
  } catch {
    return { ok: false, code: 'PHOTO_UNREADABLE' }
  }
  if (!format || !ACCEPTED.has(format)) return { ok: false, code: 'PHOTO_TYPE' }
  const digest = crypto.createHash('sha256').update(input).digest('hex').slice(0, 12)
  const sizes = await Promise.all(
    PHOTO_WIDTHS.map(async (width) => ({
      width,
      // rotate(): honour the camera's orientation tag; never enlarge a small photo.
      buffer: await sharp(input).rotate().resize({ width, withoutEnlargement: true }).jpeg({ quality: 80, progressive: true, mozjpeg: true }).toBuffer(),
    })),
  )
  return { ok: true, sizes, digest }
}
