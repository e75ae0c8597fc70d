// A stray error outside any request is logged and the process serves on; errors that keep coming
// end it for a clean restart. Run in a child process: the guards hook the whole process.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { STRAY_ERRORS_PER_MINUTE } from './process-guards'

function run(strayErrors: number) {
  const script = `
    const { keepServingOnStrayErrors } = require(${JSON.stringify(path.join(__dirname, 'process-guards.ts'))})
    keepServingOnStrayErrors({ error: (o, msg) => console.log(msg) })
    for (let i = 0; i < ${strayErrors}; i++) {
      setImmediate(() => { throw new Error('stray ' + i) })
      Promise.reject(new Error('unawaited ' + i))
    }
    setTimeout(() => console.log('still serving'), 50)
  `
  return spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 30_000 })
}

test('a stray exception or rejection is logged and the process lives on', () => {
  const out = run(2)
  expect(out.status).toBe(0)
  expect(out.stdout.match(/uncaught exception: logged, serving on/g)).toHaveLength(2)
  expect(out.stdout.match(/unhandled rejection: logged, serving on/g)).toHaveLength(2)
  expect(out.stdout).toContain('still serving')
})

test(`more than ${STRAY_ERRORS_PER_MINUTE} within a minute end the process with code 1, for the supervisor to restart it`, () => {
  const out = run(STRAY_ERRORS_PER_MINUTE)
  expect(out.status).toBe(1)
  expect(out.stdout).toContain('stray errors within a minute: exiting for a clean restart')
  expect(out.stdout).not.toContain('still serving')
})
