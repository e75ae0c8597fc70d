import type { PlatformServices } from './platform'
import { contextFor, tempSqliteStore } from '../testing/stores'
import { readExhibitFile } from '../store/seed'
import { dispatch } from './dispatch'
import { admin } from './admin'

function fakePlatform(failFor: string[] = []) {
  const calls: Array<{ scene: string; page: string; checkPath: boolean; envVersion: string }> = []
  const uploads: Array<{ path: string; bytes: number }> = []
  const platform: PlatformServices = {
    envVersion: 'trial',
    async miniProgramCode(req) {
      calls.push(req)
      if (failFor.some((c) => req.scene === `e=${c}`)) throw { errCode: 45009, errMsg: 'reach max api daily quota limit' }
      return { contentType: 'image/png', buffer: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }
    },
    async uploadFile(path, content) {
      uploads.push({ path, bytes: content.length })
      return `cloud://env-1.bucket/${path}`
    },
  }
  return { platform, calls, uploads }
}

describe('admin.exhibitCodes over a real SQLite file, with a fake WeChat open API and storage', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  beforeAll(async () => {
    env = await tempSqliteStore()
  })
  afterAll(() => env.cleanup())
  const seedCodes = readExhibitFile().exhibits.map((e) => e.code)

  it('refuses visitors and staff', async () => {
    const { platform, calls } = fakePlatform()
    for (const role of ['visitor', 'staff'] as const) {
      const res = await dispatch(admin, { action: 'exhibitCodes' }, { ...contextFor(env.store, { role }), platform })
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(calls).toHaveLength(0)
  })

  it('makes one code per exhibit with scene e=<code>, the exhibit page, check_path false, and stores each image', async () => {
    const { platform, calls, uploads } = fakePlatform()
    const res = await dispatch(admin, { action: 'exhibitCodes', envVersion: 'develop' }, { ...contextFor(env.store, { role: 'admin' }), platform })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const data = res.data as { files: Array<{ code: string; scene: string; fileId: string }>; failures: unknown[]; envVersion: string }
    expect(data.files.map((f) => f.code).sort()).toEqual([...seedCodes].sort())
    expect(calls.every((c) => c.page === 'pages/exhibit/index' && c.checkPath === false && c.envVersion === 'develop')).toBe(true)
    expect(calls.map((c) => c.scene).sort()).toEqual(seedCodes.map((c) => `e=${c}`).sort())
    expect(uploads.map((u) => u.path)).toContain('exhibit-codes/develop/helmet.png')
    expect(data.files.find((f) => f.code === 'helmet')).toEqual({ code: 'helmet', name: expect.stringContaining('头盔'), scene: 'e=helmet', fileId: 'cloud://env-1.bucket/exhibit-codes/develop/helmet.png' })
    expect(data.failures).toEqual([])
  })

  it('uses the deployment default env_version, limits to the codes asked for, and reports failures without stopping', async () => {
    const { platform } = fakePlatform(['helmet'])
    const res = await dispatch(admin, { action: 'exhibitCodes', codes: ['helmet', 'glink'] }, { ...contextFor(env.store, { role: 'admin' }), platform })
    expect(res).toMatchObject({
      ok: true,
      data: { envVersion: 'trial', files: [{ code: 'glink' }], failures: [{ code: 'helmet', message: expect.stringContaining('quota') }] },
    })
  })

  it('answers locally (no open API) with a message pointing at npm run codes', async () => {
    const res = await dispatch(admin, { action: 'exhibitCodes' }, contextFor(env.store, { role: 'admin' }))
    expect(res).toMatchObject({ ok: false, error: { code: 'CLOUD_ONLY', message: expect.stringContaining('npm run codes') } })
  })

  it('refuses an unknown env_version with a Chinese message', async () => {
    const { platform } = fakePlatform()
    const res = await dispatch(admin, { action: 'exhibitCodes', envVersion: 'beta' }, { ...contextFor(env.store, { role: 'admin' }), platform })
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { envVersion: expect.stringContaining('release') } } })
  })
})
