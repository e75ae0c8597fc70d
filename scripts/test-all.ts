// `npm test`: every check a submission must pass, in the order that fails fastest.
// Type check → lint → unit and handler tests → both builds → size budget, weapp check and WeChat's code-quality
// rules (miniprogram-ci) → browser tests and the weapp runtime harness (e2e/weapp).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-jest-'))

interface Step {
  name: string
  cmd: string
  args: string[]
  env?: Record<string, string>
  /** jest steps write a JSON report so the totals can be added up. */
  jestReport?: string
}

const jest = (name: string, projects: string[], extra: string[] = []): Step => {
  const report = path.join(reports, `${name}.json`)
  return { name, cmd: bin('jest'), args: ['--selectProjects', ...projects, '--json', `--outputFile=${report}`, ...extra], jestReport: report }
}

const steps: Step[] = [
  { name: 'typecheck', cmd: bin('tsc'), args: ['-p', 'tsconfig.json'] },
  { name: 'lint', cmd: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  jest('unit+cloud', ['unit', 'cloud']),
  { name: 'build:h5', cmd: bin('taro'), args: ['build', '--type', 'h5'], env: { NODE_ENV: 'production' } },
  // The weapp harness (e2e/weapp) needs a reminder template id and an environment id in the build to see
  // the app ask for it and call its functions. Fake ones: this test build goes to dist/weapp under a
  // tourist appid; the upload build is npm run build:weapp:release (dist/weapp-release), which refuses them.
  { name: 'build:weapp', cmd: bin('taro'), args: ['build', '--type', 'weapp'], env: { NODE_ENV: 'production', REMINDER_TEMPLATE_ID: 'harness-visit-reminder', CLOUD_ENV: 'harness-env' } },
  { name: 'build:admin', cmd: bin('vite'), args: ['build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'] },
  { name: 'size', cmd: bin('tsx'), args: ['scripts/size.ts', '--check'] },
  { name: 'weapp-check', cmd: bin('tsx'), args: ['scripts/check-weapp.ts'] },
  { name: 'weapp-ci', cmd: bin('tsx'), args: ['scripts/weapp-ci.ts'] },
  // The browser tests run the server as `npm start` does: the esbuild bundle, on plain node.
  { name: 'build:server', cmd: bin('tsx'), args: ['scripts/build-server.ts'] },
  jest('e2e', ['e2e'], ['--runInBand']),
]

let passed = 0
let failed = 0
const timings: string[] = []
let failedStep: string | null = null

for (const step of steps) {
  console.log(`\n▶ ${step.name}`)
  const started = Date.now()
  const res = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  timings.push(`${step.name} ${seconds}s`)
  if (step.jestReport && fs.existsSync(step.jestReport)) {
    const report = JSON.parse(fs.readFileSync(step.jestReport, 'utf8')) as { numPassedTests: number; numFailedTests: number }
    passed += report.numPassedTests
    failed += report.numFailedTests
  } else if (!step.jestReport) {
    // A non-jest check counts as one test: it passed or it did not.
    if (res.status === 0) passed += 1
    else failed += 1
  }
  if (res.status !== 0) {
    failedStep = step.name
    break
  }
}

console.log(`\n${timings.join(' · ')}`)
if (failedStep) console.log(`failed at: ${failedStep}`)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failedStep ? 1 : 0)
