// The live smoke test's own logic, run here against the wx-server-sdk STAND-IN so that the script
// is known to work before anyone points it at a real environment. Passing here proves nothing
// about the real cloud; `npm run smoke:cloud` with credentials does.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { functions } from '../../cloud/functions'
import { jobs } from '../../cloud/jobs'
import { createFunctionMain, createJobMain, type WxServerSdk } from '../../cloud/runtime/wxcloud/entry'
import { createStandinSdk } from '../../cloud/store/wxcloud/standin/sdk'
import { probeOpenApi, runSmoke, SMOKE_PREFIX } from './smoke'
import { fakeNodeSdkConnection } from '../../cloud/testing/nodesdk'
import { ROOT } from './build'

jest.setTimeout(60_000)

describe('smoke:cloud', () => {
  it('without credentials: does nothing, says which variables are missing, exits 2', () => {
    let status = 0
    let out = ''
    try {
      execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/cloud/smoke.ts'], {
        cwd: ROOT,
        env: { ...process.env, TCB_ENV_ID: '', CLOUD_ENV: '', TCB_SECRET_ID: '', TCB_SECRET_KEY: '', TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '' },
        encoding: 'utf8',
      })
    } catch (error) {
      const e = error as { status: number; stdout: string }
      status = e.status
      out = e.stdout
    }
    expect(status).toBe(2)
    expect(out).toContain('smoke:cloud 未运行')
    expect(out).toContain('TCB_ENV_ID')
  })

  it('its checks pass through @cloudbase/node-sdk shapes (FAKE over the stand-in; script logic only, not the real cloud)', async () => {
    const sdk = createStandinSdk()
    const db = sdk.__standin.db
    // The same connection code as the live run (live.ts), over fakes of node-sdk and manager-node.
    const { conn } = fakeNodeSdkConnection({
      standin: db,
      async callFunction({ name, data }) {
        const main = createFunctionMain(functions[name as keyof typeof functions], sdk as unknown as WxServerSdk, {})
        return { result: await main(data) }
      },
    })
    const { applyInit } = await import('./init')
    await applyInit(conn)
    const lines: string[] = []
    const timings = await runSmoke(conn, { functions: true, pagingDocs: 1050, log: (l) => lines.push(l) })
    expect(timings.map((t) => t.step)).toContain('已部署的云函数：exhibits.get、system.ping 与 booking.calendar')
    expect(timings.map((t) => t.step).filter((t) => t.startsWith('预约') || t.startsWith('每证件'))).toHaveLength(3)
    expect(lines.every((l) => l.includes('✓'))).toBe(true)
    expect(db.dump(`${SMOKE_PREFIX}outbox`)).toEqual([])
    for (const c of ['bookings', 'booking_sessions', 'booking_claims']) expect(db.dump(`${SMOKE_PREFIX}${c}`)).toEqual([])
  })
})

describe('smoke:cloud --openapi (FAKE node-sdk over the stand-in; script logic only)', () => {
  /** A connection whose deployed `reminders` is the real job entry over the stand-in SDK. */
  async function setup(sendError?: unknown) {
    const sdk = createStandinSdk()
    if (sendError) {
      sdk.openapi.subscribeMessage.send = async () => {
        throw sendError
      }
    } else {
      // The real API refuses the probe's made-up OPENID; that answer proves the permission is there.
      sdk.openapi.subscribeMessage.send = async () => {
        throw { errCode: 40003, errMsg: 'openapi.subscribeMessage.send:fail invalid openid' }
      }
    }
    const { conn } = fakeNodeSdkConnection({
      standin: sdk.__standin.db,
      async callFunction({ name }) {
        if (name !== 'reminders') throw new Error(`unexpected ${name}`)
        return { result: await createJobMain(jobs.reminders, sdk as unknown as WxServerSdk, { SCF_FUNCTIONNAME: 'reminders' })() }
      },
    })
    const { applyInit } = await import('./init')
    await applyInit(conn)
    return { conn, db: sdk.__standin.db }
  }

  it('calls subscribeMessage.send once through the deployed reminders function: a refusal other than -604101 means the permission is granted', async () => {
    const { conn } = await setup()
    const lines: string[] = []
    await expect(probeOpenApi(conn, (l) => lines.push(l))).resolves.toBeUndefined()
    expect(lines.join('\n')).toContain('subscribeMessage.send 权限已生效')
  })

  it('names the missing permission and the fix when the call answers -604101', async () => {
    const { conn } = await setup({ errCode: -604101, errMsg: 'system error: error code: -604101' })
    await expect(probeOpenApi(conn, () => undefined)).rejects.toThrow(/缺少云调用权限 subscribeMessage\.send（-604101）.*reminders/)
  })
})
