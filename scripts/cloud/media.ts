// `npm run media:upload [-- --apply]` — puts data/media into the environment's cloud storage so the
// mini-program can load exhibit pictures and audio on a phone (it has no server to fetch
// `/media/...` from; background audio needs a full URL or a cloud:// file id).
// Each file keeps its path: data/media/audio/x.mp3 → cloudPath media/audio/x.mp3, whose file id is
// `cloud://<env>.<bucket>/media/audio/x.mp3`. So one prefix turns every `/media/...` path the data
// holds into a file id: MEDIA_BASE=cloud://<env>.<bucket> (or the storage's CDN origin
// https://<bucket>.tcb.qcloud.la, the same layout). --apply uploads and records that prefix in
// config/media-base.json, which the production weapp build reads when MEDIA_BASE is not set.
// Without --apply (dry run) it lists what it would upload and needs no credentials.
import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from './build'
import { liveCredentials, MISSING_CREDENTIALS } from './live'

export const MEDIA_DIR = path.join(ROOT, 'data', 'media')
/** Where --apply records the prefix for config/index.ts. */
export const MEDIA_BASE_FILE = path.join(ROOT, 'config', 'media-base.json')

export interface MediaFile {
  /** As the data references it: /media/audio/x.mp3 */
  urlPath: string
  cloudPath: string
  file: string
  bytes: number
}

export function planUploads(dir = MEDIA_DIR): MediaFile[] {
  const out: MediaFile[] = []
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && !entry.name.startsWith('.')) {
        const rel = path.relative(dir, full).split(path.sep).join('/')
        out.push({ urlPath: `/media/${rel}`, cloudPath: `media/${rel}`, file: full, bytes: fs.statSync(full).size })
      }
    }
  }
  walk(dir)
  return out
}

/** What of node-sdk's app this uses (a fake in tests). */
export interface UploadingApp {
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string; code?: string; message?: string }>
}

/**
 * Uploads every file and answers the prefix that maps `/media/...` onto the returned file ids.
 * Refuses (throws) if any file id does not end in its own cloudPath: then no single prefix works.
 */
export async function uploadMedia(app: UploadingApp, files: MediaFile[], log: (line: string) => void = console.log): Promise<string> {
  let base: string | null = null
  for (const f of files) {
    const res = await app.uploadFile({ cloudPath: f.cloudPath, fileContent: fs.readFileSync(f.file) })
    if (!res.fileID) throw new Error(`上传 ${f.cloudPath} 失败：${res.code ?? ''} ${res.message ?? ''}`)
    const suffix = `/${f.cloudPath}`
    if (!res.fileID.endsWith(suffix)) throw new Error(`文件 ID ${res.fileID} 不以 ${suffix} 结尾，无法用统一前缀引用`)
    const prefix = res.fileID.slice(0, -suffix.length)
    if (base !== null && base !== prefix) throw new Error(`文件 ID 前缀不一致：${base} 与 ${prefix}`)
    base = prefix
    log(`  ✓ ${f.cloudPath}（${(f.bytes / 1024).toFixed(1)} KB）`)
  }
  if (base === null) throw new Error('data/media 下没有文件')
  return base
}

async function cli(argv: string[]) {
  const apply = argv.includes('--apply')
  const files = planUploads()
  const total = files.reduce((n, f) => n + f.bytes, 0)
  console.log(`${apply ? '' : '[演练] '}上传 ${files.length} 个媒体文件（${(total / 1024).toFixed(0)} KB）到云存储：`)
  for (const f of files) console.log(`  ${f.urlPath} → ${f.cloudPath}`)
  if (!apply) {
    console.log('\n演练结束：未上传。加 --apply 上传（需要 TCB_ENV_ID、TCB_SECRET_ID、TCB_SECRET_KEY 与 @cloudbase/node-sdk）。')
    console.log('上传后构建小程序时 MEDIA_BASE 取 cloud://<环境>.<存储桶>（脚本会写入 config/media-base.json），或设为存储的 CDN 域名。')
    return
  }
  const creds = liveCredentials()
  if (!creds) {
    console.error(MISSING_CREDENTIALS)
    process.exit(2)
  }
  let tcb: { init(o: Record<string, string>): UploadingApp }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    tcb = require('@cloudbase/node-sdk')
  } catch {
    console.error('缺少 @cloudbase/node-sdk：请先运行 npm install --no-save @cloudbase/node-sdk')
    process.exit(2)
  }
  const app = tcb.init({ env: creds.envId, secretId: creds.secretId, secretKey: creds.secretKey })
  const base = await uploadMedia(app, files)
  fs.writeFileSync(MEDIA_BASE_FILE, `${JSON.stringify({ MEDIA_BASE: base, envId: creds.envId, files: files.length }, null, 2)}\n`)
  console.log(`\n完成。MEDIA_BASE=${base}\n已写入 ${path.relative(ROOT, MEDIA_BASE_FILE)}：npm run build:weapp 会使用它（环境变量 MEDIA_BASE 优先）。`)
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error('上传失败:', error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
