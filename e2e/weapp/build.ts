// The weapp build the harness runs, and the setData report it prints.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { DIST, MAX_SETDATA_BYTES, type SetDataRecord } from './mini-program'

/**
 * The reminder template id the harness build carries (REMINDER_TEMPLATE_ID): without one the app
 * never asks for a subscription, so the booking journey could not show that it does. npm test
 * builds weapp with it (scripts/test-all.ts); any other id would do.
 */
export const HARNESS_TEMPLATE_ID = 'harness-visit-reminder'
/** The cloud environment id the harness build carries: without one the app makes no cloud calls. */
export const HARNESS_CLOUD_ENV = 'harness-env'

const ROOT = path.resolve(__dirname, '..', '..')

/** Builds dist/weapp once if absent (npm test builds it before this runs). */
export function ensureWeappBuild(): void {
  if (fs.existsSync(path.join(DIST, 'app.js'))) return
  console.log('[weapp] 未找到 dist/weapp，正在构建…')
  execFileSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', REMINDER_TEMPLATE_ID: HARNESS_TEMPLATE_ID, CLOUD_ENV: HARNESS_CLOUD_ENV },
  })
}

/** Fails with what to do when dist/weapp was built without the harness's reminder template id. */
export function assertHarnessTemplate(): void {
  const form = fs.readFileSync(path.join(DIST, 'booking/pages/form/index.js'), 'utf8')
  if (!form.includes(HARNESS_TEMPLATE_ID)) {
    throw new Error(`dist/weapp 构建时未设置提醒模板：请用 REMINDER_TEMPLATE_ID=${HARNESS_TEMPLATE_ID} npx taro build --type weapp 重新构建（npm test 已如此构建）`)
  }
}

/** Prints every setData payload (page, interaction, size), largest first per page. */
export function reportSetData(records: SetDataRecord[]): void {
  if (!records.length) return
  const byRoute = new Map<string, SetDataRecord[]>()
  for (const r of records) byRoute.set(r.route, [...(byRoute.get(r.route) ?? []), r])
  const lines = [...byRoute.entries()].map(([route, rs]) => {
    const sizes = rs.map((r) => r.bytes)
    const max = Math.max(...sizes)
    return `${route.padEnd(32)} ${String(rs.length).padStart(3)} calls  max ${(max / 1024).toFixed(1).padStart(5)} KB  total ${(sizes.reduce((a, b) => a + b, 0) / 1024).toFixed(1)} KB`
  })
  console.log(`[weapp] setData payloads (limit ${MAX_SETDATA_BYTES / 1024} KB each):\n${lines.join('\n')}`)
  if (process.env.WEAPP_SETDATA_LOG) fs.writeFileSync(process.env.WEAPP_SETDATA_LOG, JSON.stringify(records, null, 1))
}
