import fs from 'node:fs'
import path from 'node:path'

/**
 * MEDIA_BASE for a build: the prefix before every `/media/...` path (src/services/media.ts).
 * H5 is served beside its media, so '' works there. A weapp has no such server: a production weapp
 * build takes MEDIA_BASE from the environment, else the prefix `npm run media:upload -- --apply`
 * recorded in config/media-base.json (cloud://<env>.<bucket>), else warns — pictures and audio
 * would not load on a phone.
 */
export function mediaBaseFor(env: Record<string, string | undefined>, file = path.join(__dirname, 'media-base.json')): { base: string; warning?: string } {
  if (env.MEDIA_BASE) return { base: env.MEDIA_BASE }
  if (env.TARO_ENV !== 'weapp' || env.NODE_ENV !== 'production') return { base: '' }
  if (fs.existsSync(file)) {
    const recorded = (JSON.parse(fs.readFileSync(file, 'utf8')) as { MEDIA_BASE?: string }).MEDIA_BASE
    if (recorded) return { base: recorded }
  }
  return {
    base: '',
    warning: '未设置 MEDIA_BASE：小程序里的展品图片和讲解音频将无法加载。请先运行 npm run media:upload -- --apply，或设置 MEDIA_BASE（cloud:// 前缀或 CDN 域名）。',
  }
}
