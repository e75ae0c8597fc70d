// media:upload against a recording FAKE of node-sdk's uploadFile (not the real cloud storage), and
// the build-time MEDIA_BASE choice for the production weapp.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { mediaBaseFor } from '../../config/media-base'
import { readExhibitFile } from '../../cloud/store/seed'
import { ROOT } from './build'
import { planUploads, uploadMedia } from './media'

jest.setTimeout(60_000)

const FAKE_BASE = 'cloud://gxq-prod-1a2b.6778-gxq-prod-1a2b-1300000000'

describe('media:upload', () => {
  it('plans every file under data/media, keeping its path, and covers every picture and audio the exhibits reference', () => {
    const files = planUploads()
    expect(files.every((f) => f.cloudPath === f.urlPath.slice(1) && f.urlPath.startsWith('/media/'))).toBe(true)
    const planned = new Set(files.map((f) => f.urlPath))
    const referenced = readExhibitFile().exhibits.flatMap((e) => {
      const audio = (e as { audio?: Record<string, { url?: string }> }).audio ?? {}
      return [e.image, ...Object.values(audio).map((a) => a.url)]
    }).filter((u): u is string => typeof u === 'string' && u.startsWith('/media/'))
    expect(referenced.length).toBeGreaterThan(0)
    expect(referenced.filter((u) => !planned.has(u))).toEqual([])
  })

  it('uploads each file once and answers the prefix that turns every /media path into its cloud file id', async () => {
    const uploads: Array<{ cloudPath: string; bytes: number }> = []
    const app = {
      async uploadFile({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) {
        uploads.push({ cloudPath, bytes: fileContent.length })
        return { fileID: `${FAKE_BASE}/${cloudPath}` }
      },
    }
    const files = planUploads()
    const base = await uploadMedia(app, files, () => {})
    expect(base).toBe(FAKE_BASE)
    expect(uploads.map((u) => u.cloudPath)).toEqual(files.map((f) => f.cloudPath))
    expect(uploads.map((u) => u.bytes)).toEqual(files.map((f) => f.bytes))
    // What the app does with it (src/services/media.ts): MEDIA_BASE + '/media/…' = the file id.
    expect(`${base}${files[0].urlPath}`).toBe(`${FAKE_BASE}/${files[0].cloudPath}`)
  })

  it('stops on a failed upload (node-sdk answers { code, message }) instead of recording a prefix', async () => {
    const app = { uploadFile: async () => ({ code: 'STORAGE_REQUEST_FAIL', message: 'quota' }) }
    await expect(uploadMedia(app, planUploads(), () => {})).rejects.toThrow(/STORAGE_REQUEST_FAIL/)
  })

  it('dry run lists the uploads and needs no credentials', () => {
    const out = execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/cloud/media.ts'], { cwd: ROOT, env: { ...process.env, TCB_ENV_ID: '' }, encoding: 'utf8' })
    expect(out).toContain(`[演练] 上传 ${planUploads().length} 个媒体文件`)
    expect(out).toContain('/media/exhibits/helmet.svg → media/exhibits/helmet.svg')
    expect(out).toContain('演练结束：未上传')
  })
})

describe('MEDIA_BASE in the build (config/media-base.ts)', () => {
  const recorded = () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-media-')), 'media-base.json')
    fs.writeFileSync(file, JSON.stringify({ MEDIA_BASE: FAKE_BASE }))
    return file
  }
  it('production weapp: the environment wins, else the prefix media:upload recorded, else a warning', () => {
    const prod = { TARO_ENV: 'weapp', NODE_ENV: 'production' }
    expect(mediaBaseFor({ ...prod, MEDIA_BASE: 'https://cdn.example.com' }, recorded())).toEqual({ base: 'https://cdn.example.com' })
    expect(mediaBaseFor(prod, recorded())).toEqual({ base: FAKE_BASE })
    expect(mediaBaseFor(prod, '/nonexistent/media-base.json')).toEqual({ base: '', warning: expect.stringContaining('media:upload') })
  })
  it('H5 and development builds keep serving media beside the page', () => {
    expect(mediaBaseFor({ TARO_ENV: 'h5', NODE_ENV: 'production' }, recorded())).toEqual({ base: '' })
    expect(mediaBaseFor({ TARO_ENV: 'weapp', NODE_ENV: 'development' }, recorded())).toEqual({ base: '' })
  })
})
