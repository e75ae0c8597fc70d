// The build for upload must carry the real environment id and template ids, never the harness's,
// and must not be the folder test builds write (which DevTools must never upload).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { RELEASE_DIR, releaseProblems, TEST_DIR } from './build-weapp-release'

const ROOT = path.resolve(__dirname, '..')
const good = { CLOUD_ENV: 'gxq-prod-1a2b3c', REMINDER_TEMPLATE_ID: 'Kx9_reminder-Template-Id-43chars-abcdefghij', CLOSURE_TEMPLATE_ID: 'Qz1_closure-Template-Id-43chars-abcdefghijk' }

function run(vars: Record<string, string | undefined>) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: '/usr/bin:/bin' }
  for (const k of ['CLOUD_ENV', 'REMINDER_TEMPLATE_ID', 'CLOSURE_TEMPLATE_ID']) delete env[k]
  for (const [k, v] of Object.entries(vars)) if (v !== undefined) env[k] = v
  try {
    execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/build-weapp-release.ts', '--check-only'], { cwd: ROOT, env, encoding: 'utf8', stdio: 'pipe' })
    return { status: 0, err: '' }
  } catch (error) {
    const e = error as { status: number; stderr: string }
    return { status: e.status, err: e.stderr }
  }
}

describe('npm run build:weapp:release', () => {
  it('refuses without CLOUD_ENV and without real template ids, saying what to set', () => {
    const { status, err } = run({})
    expect(status).toBe(2)
    expect(err).toContain('拒绝构建发布版')
    for (const name of ['CLOUD_ENV', 'REMINDER_TEMPLATE_ID', 'CLOSURE_TEMPLATE_ID']) expect(err).toContain(name)
  })

  it("refuses the harness's fake ids (what npm test builds with) and placeholders", () => {
    expect(releaseProblems({ ...good, REMINDER_TEMPLATE_ID: 'harness-visit-reminder' })).toEqual([expect.stringContaining('REMINDER_TEMPLATE_ID')])
    expect(releaseProblems({ ...good, CLOSURE_TEMPLATE_ID: '<闭馆通知模板 ID>' })).toEqual([expect.stringContaining('CLOSURE_TEMPLATE_ID')])
    expect(releaseProblems({ ...good, CLOUD_ENV: 'harness-env' })).toEqual([expect.stringContaining('CLOUD_ENV')])
    expect(releaseProblems(good)).toEqual([])
    expect(run(good).status).toBe(0)
  })

  it('writes where DevTools looks (project.config.json miniprogramRoot), and test builds write elsewhere under a tourist appid', () => {
    const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as { miniprogramRoot: string }
    expect(path.normalize(project.miniprogramRoot)).toBe(path.normalize(`${RELEASE_DIR}/`))
    expect(TEST_DIR).not.toBe(RELEASE_DIR)
    // The project file test/dev builds carry: a tourist appid cannot upload.
    const dev = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/project.dev.config.json'), 'utf8')) as { appid: string }
    expect(dev.appid).toBe('touristappid')
  })
})
