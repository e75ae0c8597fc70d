// 政策提醒 over a real SQLite file: a visitor saves the calculator's profile; a new or changed
// policy that fits it, or a fitting one closing within 14 days, is listed in 我的; the daily job
// queues at most one message per one-time subscription.
import type { Policy } from '../contracts/zone'
import type { PolicyAlertsView } from '../contracts/zone-alerts'
import { contextFor, tempSqliteStore } from '../testing/stores'
import { reminders } from '../jobs'
import type { OutboxMessage } from '../store/port'
import { queuePolicyAlerts } from '../zone/alerts'
import { readPolicies } from '../zone/seed'
import { dispatch } from './dispatch'
import { zone } from './zone'

const NOW = new Date('2026-06-01T02:00:00Z') // 2026-06-01 10:00 in Beijing
const TODAY = '2026-06-01'

/** A young software company in the zone, no qualifications yet. */
const PROFILE = { inZone: true, founded: '2024-03-01', employees: 12, revenue: 300, rdShare: 8, qualifications: [], talent: [], financingNeed: false, industry: '信息技术' as const }

/** A test policy built on a seed record's shape, its conditions given as rules. */
function policy(id: string, overrides: Partial<Policy>): Policy {
  const base = readPolicies()[0]
  return { ...base, id, title: `测试政策${id}`, shortTitle: undefined, validFrom: undefined, validTo: undefined, window: undefined, illustrative: undefined, ...overrides }
}
const fitsAnyZoneCompany = [{ type: 'inZone' as const, label: '注册在高新区', missing: '需注册在高新区' }]
const needsGazelle = [{ type: 'hasQualification' as const, anyOf: ['瞪羚企业' as const], label: '瞪羚企业', missing: '需认定为瞪羚企业' }]

describe('政策提醒 on the zone function', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let seed: Policy[]
  beforeEach(async () => {
    env = await tempSqliteStore()
    seed = await env.store.zone.listPolicies()
  })
  afterEach(() => env.cleanup())

  const call = (action: string, req: object, openid: string | null = 'o-visitor', now = NOW) => dispatch(zone, { action, ...req }, contextFor(env.store, { openid, now }))
  const view = async (action: string, req: object = {}, openid?: string, now?: Date) => {
    const res = await call(action, req, openid, now)
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
    return res.data as PolicyAlertsView
  }
  const publish = (...added: Policy[]) => env.store.zone.replacePolicies([...seed, ...added])
  const alertIds = (v: PolicyAlertsView) => v.alerts.map((a) => a.policy.id)
  const policyMessages = async () => (await env.store.outbox.pending(1000)).filter((m) => m.kind === 'policy-alert')
  const runJob = (now = NOW) => queuePolicyAlerts({ store: env.store, templateId: 'tmpl-policy', now, today: TODAY })

  it('needs an identity, refuses a bad profile with a Chinese message and saves nothing', async () => {
    expect(await call('saveProfile', { profile: PROFILE }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const bad = await call('saveProfile', { profile: { ...PROFILE, rdShare: 180 } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('研发投入占比') } })
    expect(await view('alerts')).toEqual({ saved: false, alerts: [], unusedNotices: 0 })
    expect(await call('subscribeAlerts', {})).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_SAVED' } })
  })

  it('a new policy that fits the saved profile is listed as 新政策; one that does not fit is not; nothing is shown to another visitor', async () => {
    const saved = await view('saveProfile', { profile: PROFILE })
    expect(saved.saved).toBe(true)
    const before = alertIds(saved)
    await publish(policy('new-fit', { rules: fitsAnyZoneCompany }), policy('new-nofit', { rules: needsGazelle }))
    const after = await view('alerts')
    expect(alertIds(after)).toEqual(expect.arrayContaining(['new-fit']))
    expect(alertIds(after)).not.toContain('new-nofit')
    expect(after.alerts.find((a) => a.policy.id === 'new-fit')?.reasons).toEqual([{ kind: 'new' }])
    expect(alertIds(after).filter((id) => id !== 'new-fit')).toEqual(before)
    expect(await view('alerts', {}, 'o-someone-else')).toEqual({ saved: false, alerts: [], unusedNotices: 0 })
  })

  it('a fitting policy changed after the save is listed as 政策有更新; re-saving the profile takes the change as seen', async () => {
    await publish(policy('known-fit', { rules: fitsAnyZoneCompany }))
    await view('saveProfile', { profile: PROFILE })
    expect(alertIds(await view('alerts'))).not.toContain('known-fit')
    const changed = policy('known-fit', { rules: fitsAnyZoneCompany, benefit: { ...readPolicies()[0].benefit, maxAmount: 999 } })
    await publish(changed)
    expect((await view('alerts')).alerts.find((a) => a.policy.id === 'known-fit')?.reasons).toEqual([{ kind: 'updated' }])
    expect(alertIds(await view('saveProfile', { profile: PROFILE }))).not.toContain('known-fit')
  })

  it('a fitting policy whose window closes within 14 days is listed with its date; one closing later, or one that does not fit, is not', async () => {
    await publish(
      policy('closes-soon', { rules: fitsAnyZoneCompany, window: { opens: '2026-05-01', closes: '2026-06-10' } }),
      policy('closes-later', { rules: fitsAnyZoneCompany, window: { opens: '2026-05-01', closes: '2026-06-20' } }),
      policy('closes-soon-nofit', { rules: needsGazelle, window: { opens: '2026-05-01', closes: '2026-06-10' } }),
    )
    const saved = await view('saveProfile', { profile: PROFILE })
    expect(saved.alerts.find((a) => a.policy.id === 'closes-soon')?.reasons).toEqual([{ kind: 'closing', closes: '2026-06-10' }])
    expect(alertIds(saved)).not.toContain('closes-later')
    expect(alertIds(saved)).not.toContain('closes-soon-nofit')
    // Six days on, the later one is within 14 days too.
    const later = await view('alerts', {}, 'o-visitor', new Date('2026-06-06T02:00:00Z'))
    expect(later.alerts.find((a) => a.policy.id === 'closes-later')?.reasons).toEqual([{ kind: 'closing', closes: '2026-06-20' }])
  })

  it('queues exactly one message per one-time subscription, never repeats an alert, and none without a subscription', async () => {
    await view('saveProfile', { profile: PROFILE })
    await view('saveProfile', { profile: PROFILE }, 'o-not-subscribed')
    await publish(policy('new-fit', { rules: fitsAnyZoneCompany }))
    // No subscription yet: nothing is queued.
    await runJob()
    expect(await policyMessages()).toHaveLength(0)

    expect((await view('subscribeAlerts')).unusedNotices).toBe(1)
    await runJob()
    await runJob() // a re-run of the timer queues nothing more
    const first = await policyMessages()
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ touser: 'o-visitor', templateId: 'tmpl-policy', data: { thing2: { value: '新政策' } } })
    expect((await view('alerts')).unusedNotices).toBe(0)

    // Another new fitting policy: listed, but the one subscription is spent, so no second message.
    await publish(policy('new-fit', { rules: fitsAnyZoneCompany }), policy('new-fit-2', { rules: fitsAnyZoneCompany }))
    await runJob()
    expect(await policyMessages()).toHaveLength(1)
    expect(alertIds(await view('alerts'))).toEqual(expect.arrayContaining(['new-fit', 'new-fit-2']))

    // A second subscription: one more message, about what was not yet sent.
    await view('subscribeAlerts')
    await runJob()
    const second = await policyMessages()
    expect(second).toHaveLength(2)
    expect(second.map((m) => m.touser)).toEqual(['o-visitor', 'o-visitor'])
    expect(second[1].data.thing1.value).toContain('new-fit-2')
    // Nothing new to tell: a further subscription waits unused.
    await view('subscribeAlerts')
    await runJob()
    expect(await policyMessages()).toHaveLength(2)
    expect((await view('alerts')).unusedNotices).toBe(1)
  })

  it('the daily reminders timer queues and sends the alert message when POLICY_ALERT_TEMPLATE_ID is set', async () => {
    await view('saveProfile', { profile: PROFILE })
    await view('subscribeAlerts')
    await publish(policy('new-fit', { rules: fitsAnyZoneCompany }))
    const sent: OutboxMessage[] = []
    const platform = { sendSubscribeMessage: async (m: OutboxMessage) => void sent.push(m) }
    const off = await reminders.run({ store: env.store, now: () => NOW, platform, env: {} })
    expect(off).toMatchObject({ alerts: { skipped: expect.stringContaining('POLICY_ALERT_TEMPLATE_ID') } })
    expect(sent).toEqual([])
    const on = await reminders.run({ store: env.store, now: () => NOW, platform, env: { POLICY_ALERT_TEMPLATE_ID: 'tmpl-policy' } })
    expect(on).toMatchObject({ alerts: { queued: 1 } })
    expect(sent.map((m) => [m.kind, m.touser, m.templateId])).toEqual([['policy-alert', 'o-visitor', 'tmpl-policy']])
  })
})
