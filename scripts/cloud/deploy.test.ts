import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { functions } from '../../cloud/functions'
import { jobs } from '../../cloud/jobs'
import { ROOT } from './build'

jest.setTimeout(60_000)

describe('deploy:cloud --dry-run', () => {
  it('prints the tcb commands and config for every function without @cloudbase/cli or credentials, and runs nothing', () => {
    const env = { ...process.env, TCB_ENV_ID: 'gxq-prod-1a2b', TCB_SECRET_ID: '', TCB_SECRET_KEY: '', ADMIN_OPENIDS: 'o-admin', APP_SECRET: 'do-not-print-me', PATH: '/usr/bin:/bin' }
    const out = execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/cloud/deploy.ts', '--dry-run'], { cwd: ROOT, env, encoding: 'utf8' })
    for (const name of [...Object.keys(functions), ...Object.keys(jobs)]) expect(out).toContain(`$ tcb fn deploy ${name} -e gxq-prod-1a2b --force`)
    expect(out).toContain('$ tcb fn trigger create reminders -e gxq-prod-1a2b')
    expect(out).toContain('$ tcb fn trigger create noShows -e gxq-prod-1a2b')
    expect(out).toContain('"ADMIN_OPENIDS": "o-admin"')
    // The secret is passed to the functions but never printed.
    expect(out).toContain('"APP_SECRET": "***"')
    expect(out).not.toContain('do-not-print-me')
    expect(out).toContain('"handler": "index.main"')
    expect(out).toContain('演练结束：未执行任何命令')
    expect(out).not.toContain('tcb login')
  })
})
