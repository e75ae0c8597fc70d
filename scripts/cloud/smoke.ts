// `npm run smoke:cloud` — the LIVE smoke test: runs the cloud adapter against a REAL WeChat cloud /
// CloudBase environment, in `smoke_*` collections, and (with --functions) calls the deployed
// functions. It is what the in-process stand-in cannot prove: real concurrency on the guarded update
// and on duplicate `_id`s, real paging past 1000 documents, real transactions and latencies; with
// --openapi it calls subscribeMessage.send once through the deployed `reminders` and names a missing permission.
// Without TCB_ENV_ID / TCB_SECRET_ID / TCB_SECRET_KEY it does nothing, says so, and exits with code 2.
import assert from 'node:assert/strict'
import type { BookingRecord } from '../../cloud/store/port'
import { seedContent } from '../../cloud/store/seed'
import { openWxCloudStore, collectionNames } from '../../cloud/store/wxcloud'
import { createIfAbsent, fetchAll, guardedIncrement } from '../../cloud/store/wxcloud/helpers'
import { applyInit } from './init'
import { connectLive, liveCredentials, MISSING_CREDENTIALS, type LiveConnection } from './live'

export const SMOKE_PREFIX = 'smoke_'

export interface SmokeOptions {
  functions?: boolean
  /** Documents to write for the paging check (> 1000 to cross a page). */
  pagingDocs?: number
  log?: (line: string) => void
}

export async function runSmoke(conn: LiveConnection, options: SmokeOptions = {}): Promise<Array<{ step: string; ms: number }>> {
  const log = options.log ?? console.log
  const timings: Array<{ step: string; ms: number }> = []
  const step = async (name: string, body: () => Promise<void>) => {
    const t = Date.now()
    await body()
    timings.push({ step: name, ms: Date.now() - t })
    log(`  ✓ ${name}（${Date.now() - t} ms）`)
  }
  const { db } = conn
  const _ = db.command
  const names = collectionNames(SMOKE_PREFIX)
  const store = openWxCloudStore(db, { prefix: SMOKE_PREFIX })
  const clear = async () => {
    const booking = [names.bookings, names.booking_sessions, names.booking_claims, names.booking_visitors, names.booking_accounts]
    for (const name of [names.outbox, names.meta, ...booking]) await db.collection(name).where({ _id: _.exists(true) }).remove()
  }

  await step('创建 smoke_* 集合与索引（幂等）', async () => {
    await applyInit(conn, { prefix: SMOKE_PREFIX })
    await clear()
  })
  await step('内容：整体替换后按编号读取、列出', async () => {
    await seedContent(store)
    assert.equal((await store.content.getExhibit('helmet'))?.company.name, '大连铭云科技有限公司')
    assert.equal(await store.content.getExhibit('no-such-thing'), null)
    assert.ok((await store.content.listExhibits()).length > 0)
  })
  await step('meta：写入（serverDate）与读回', async () => {
    await store.meta.set('smoke', 'ok')
    assert.equal(await store.meta.get('smoke'), 'ok')
  })
  await step('guarded update：20 个并发请求抢 10 个名额，恰好 10 个成功', async () => {
    await db.collection(names.meta).doc('counter').set({ data: { booked: 0 } })
    const results = await Promise.all(Array.from({ length: 20 }, () => guardedIncrement(db, db.collection(names.meta), 'counter', 'booked', 1, { max: 10 })))
    assert.equal(results.filter(Boolean).length, 10)
    const [doc] = (await db.collection(names.meta).where({ _id: 'counter' }).limit(1).get()).data
    assert.equal(doc.booked, 10)
  })
  await step('确定性 _id：10 个并发 add，同一 _id 只成功 1 次', async () => {
    const created = await Promise.all(Array.from({ length: 10 }, (_x, i) => createIfAbsent(db.collection(names.meta), 'once', { i })))
    assert.equal(created.filter(Boolean).length, 1)
  })
  await step('runTransaction：两条记录一起改', async () => {
    await db.collection(names.meta).doc('a').set({ data: { amount: 10 } })
    await db.collection(names.meta).doc('b').set({ data: { amount: 0 } })
    await db.runTransaction(async (tx) => {
      await tx.collection(names.meta).doc('a').update({ data: { amount: _.inc(-4) } })
      await tx.collection(names.meta).doc('b').update({ data: { amount: _.inc(4) } })
    })
    const docs = (await db.collection(names.meta).where({ _id: _.in(['a', 'b']) }).orderBy('_id', 'asc').get()).data
    assert.deepEqual(docs.map((d) => d.amount), [6, 4])
  })
  await step('登录频率计数：20 个并发计数一个不丢，窗口结束后清除', async () => {
    // The console's sign-in limits across function instances (RateLimitStore over `_.inc`).
    const at = new Date()
    const key = `smoke:${at.getTime()}`
    const counts = await Promise.all(Array.from({ length: 20 }, () => store.limits.hit(key, 60_000, at)))
    assert.equal(Math.max(...counts.map((c) => c.count)), 20)
    assert.equal((await store.limits.hit(key, 60_000, at)).count, 21)
    assert.ok((await store.limits.sweep(new Date(at.getTime() + 120_000))) >= 1)
    assert.equal((await store.limits.hit(key, 60_000, at)).count, 1)
    await store.limits.sweep(new Date(at.getTime() + 120_000))
  })
  await step('outbox：同一 id 只入队一次，并发结算只成功一次', async () => {
    const message = { id: 'remind:smoke', kind: 'visit-reminder' as const, touser: 'o', templateId: 't', page: 'pages/mine/index', data: {}, createdAt: new Date().toISOString() }
    assert.equal(await store.outbox.enqueue(message), true)
    assert.equal(await store.outbox.enqueue(message), false)
    const settled = await Promise.all([1, 2].map(() => store.outbox.settle('remind:smoke', { status: 'sent', at: new Date().toISOString() })))
    assert.equal(settled.filter(Boolean).length, 1)
  })
  // Booking steps: the port's booking section on the real database (far-future day, smoke_* collections).
  const DAY = '2099-01-02'
  const SESSION = `${DAY}.am`
  const record = (id: string, openid = 'o-smoke'): BookingRecord => ({
    id,
    openid,
    clientRequestId: `smoke-${id}`,
    sessionId: SESSION,
    day: DAY,
    sessionStart: '2099-01-02T01:00:00.000Z',
    sessionEnd: '2099-01-02T04:00:00.000Z',
    places: 2,
    visitors: [{ visitorId: 'v-smoke', name: '冒烟', idType: 'resident', idHash: 'h-smoke', idMasked: '2102**********0000' }],
    status: 'pending',
    createdAt: new Date().toISOString(),
  })
  await step('预约名额：30 个并发请求各订 2 人，容量 20，恰好 10 个成功且不超额', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => store.booking.reservePlaces(SESSION, 20, 2)))
    assert.equal(results.filter(Boolean).length, 10)
    assert.deepEqual(await store.booking.placesBooked([SESSION]), { [SESSION]: 20 })
    await store.booking.releasePlaces(SESSION, 2)
    assert.deepEqual(await store.booking.placesBooked([SESSION]), { [SESSION]: 18 })
  })
  await step('每证件每天一约：10 个不同预约并发占用同一证件，只有 1 个成功', async () => {
    const claims = await Promise.all(Array.from({ length: 10 }, (_x, i) => store.booking.claimId(DAY, 'h-smoke', `bk${i}`)))
    assert.equal(claims.filter(Boolean).length, 1)
    const winner = `bk${claims.indexOf(true)}`
    assert.equal(await store.booking.claimId(DAY, 'h-smoke', winner), true)
  })
  await step('预约记录：同一 id 只建一次；并发签到与取消只有一个生效；当天统计与提醒来源', async () => {
    assert.deepEqual(await store.booking.beginBooking(record('smoke-b1')), { created: true })
    assert.equal((await store.booking.beginBooking(record('smoke-b1'))).created, false)
    assert.equal(await store.booking.transition('smoke-b1', 'pending', 'confirmed', { at: new Date().toISOString() }), true)
    assert.deepEqual((await store.booking.listConfirmedOn(DAY)).map((r) => r.id), ['smoke-b1'])
    const raced = await Promise.all([
      store.booking.transition('smoke-b1', 'confirmed', 'checked_in', { at: new Date().toISOString() }),
      store.booking.transition('smoke-b1', 'confirmed', 'cancelled', { at: new Date().toISOString() }, 'o-smoke'),
    ])
    assert.equal(raced.filter(Boolean).length, 1)
    const counts = await store.booking.dayCounts(DAY)
    assert.deepEqual(counts, raced[0] ? { [SESSION]: { booked: 2, checkedIn: 2 } } : {})
  })
  const pagingDocs = options.pagingDocs ?? 1100
  await step(`分页：写入 ${pagingDocs} 条后 fetchAll 全部取回（每页 ≤ 1000）`, async () => {
    for (let i = 0; i < pagingDocs; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, pagingDocs - i) }, (_x, j) => db.collection(names.outbox).doc(`p${String(i + j).padStart(5, '0')}`).set({ data: { status: 'paging' } })))
    }
    const all = await fetchAll(db, db.collection(names.outbox), { status: 'paging' })
    assert.equal(all.length, pagingDocs)
  })
  if (options.functions) {
    await step('已部署的云函数：exhibits.get、system.ping 与 booking.calendar', async () => {
      const got = (await conn.callFunction('exhibits', { action: 'get', code: 'helmet' })) as { ok: boolean; data?: { exhibit: { name: string } } }
      assert.ok(got.ok, JSON.stringify(got))
      const pong = (await conn.callFunction('system', { action: 'ping' })) as { ok: boolean }
      assert.ok(pong.ok, JSON.stringify(pong))
      // Read-only on the production collections: anonymous calendar (APP_SECRET not needed).
      const calendar = (await conn.callFunction('booking', { action: 'calendar' })) as { ok: boolean; data?: { days: unknown[] } }
      assert.ok(calendar.ok && (calendar.data?.days.length ?? 0) > 0, JSON.stringify(calendar))
    })
  }
  await step('清理 smoke_* 数据', clear)
  return timings
}

/** The outbox id of the open-API probe (settled failed by the probe itself, then removed). */
export const OPENAPI_PROBE_ID = 'smoke-openapi-probe'

/**
 * Calls subscribeMessage.send once, the way production does: one message to a made-up OPENID in the
 * outbox, then the deployed `reminders` function (which also does what its timer would: queue
 * tomorrow's reminders, send what is pending). WeChat refuses the made-up OPENID (40003) when the
 * permission is in place; -604101 means config.json's permission was never applied (DevTools upload,
 * docs/wechat-cloud.md §2). wxacode.getUnlimited needs an admin's OPENID, which a call from here
 * does not carry: check it from the mini-program (§5), where a missing permission is named the same way.
 */
export async function probeOpenApi(conn: LiveConnection, log: (line: string) => void = console.log): Promise<void> {
  const outbox = conn.db.collection(collectionNames('').outbox)
  const removeProbe = async () => {
    try {
      await outbox.doc(OPENAPI_PROBE_ID).remove()
    } catch {
      // not there
    }
  }
  await removeProbe()
  await openWxCloudStore(conn.db).outbox.enqueue({
    id: OPENAPI_PROBE_ID,
    kind: 'visit-reminder',
    touser: 'smoke-probe-not-a-real-openid',
    templateId: process.env.REMINDER_TEMPLATE_ID || 'smoke-probe-template',
    page: 'pages/mine/index',
    data: { thing1: { value: '冒烟测试' } },
    createdAt: new Date().toISOString(),
  })
  try {
    const res = (await conn.callFunction('reminders', {})) as { ok?: boolean; data?: { drained?: { failures?: Array<{ id: string; error: string }> } }; error?: { message?: string } }
    if (!res?.ok) throw new Error(`调用已部署的 reminders 失败：${res?.error?.message ?? JSON.stringify(res)}`)
    const failure = res.data?.drained?.failures?.find((f) => f.id === OPENAPI_PROBE_ID)
    if (!failure) throw new Error('探测消息没有被 reminders 发送（outbox 中待发消息过多？）：请稍后重试')
    if (failure.error.includes('-604101')) throw new Error(failure.error)
    log(`  ✓ subscribeMessage.send 权限已生效（微信拒绝了虚构的 OPENID：${failure.error}）`)
    log('  ! wxacode.getUnlimited 需要管理员 OPENID，请按 docs/wechat-cloud.md §5 在小程序中调用 admin.exhibitCodes 检查')
  } finally {
    await removeProbe()
  }
}

async function cli(argv: string[]) {
  const creds = liveCredentials()
  if (!creds) {
    console.log(`smoke:cloud 未运行 —— ${MISSING_CREDENTIALS}`)
    console.log('这是连接真实云环境的冒烟测试；本机测试（npm test）使用进程内替身，见 docs/wechat-cloud.md。')
    process.exit(2)
  }
  console.log(`smoke:cloud：环境 ${creds.envId}，集合前缀 ${SMOKE_PREFIX}`)
  const conn = connectLive(creds)
  await runSmoke(conn, { functions: argv.includes('--functions') })
  if (argv.includes('--openapi')) await probeOpenApi(conn)
  console.log('\n冒烟测试通过。')
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error('\n冒烟测试失败:', error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
