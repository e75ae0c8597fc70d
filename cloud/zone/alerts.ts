// 政策提醒: which fitting policies a saved profile should hear about, and the one message per
// one-time subscription that tells the visitor. A policy is "new" or "updated" against the
// fingerprints taken when the profile was saved (re-saving the profile takes them afresh), and
// "closing" when it fits and its window closes within ALERT_CLOSING_DAYS. Fitting is exactly the
// calculator's (rules.ts), so the list never disagrees with what the calculator showed.
import crypto from 'node:crypto'
import { ALERT_CLOSING_DAYS, type PolicyAlert, type PolicyAlertReason } from '../contracts/zone-alerts'
import type { MatchProfile, Policy } from '../contracts/zone'
import type { OutboxMessage, SavedZoneProfile, Store } from '../store/port'
import { matchPolicies } from './rules'
import { daysBetween } from './text'

/** What about a policy a visitor would act on: its conditions, rules, benefit, window and validity. */
export function policyFingerprint(policy: Policy): string {
  const { id, title, conditions, benefit, validFrom, validTo, window, rules, materials, howToApply } = policy
  const text = JSON.stringify({ id, title, conditions, benefit, validFrom, validTo, window, rules, materials, howToApply })
  return crypto.createHash('sha256').update(text).digest('base64url').slice(0, 12)
}

/** The baseline a profile is saved with: every policy's fingerprint now. */
export const fingerprints = (policies: Policy[]): Record<string, string> => Object.fromEntries(policies.map((p) => [p.id, policyFingerprint(p)]))

/** The fitting policies to tell the visitor about, closing soonest first; each with why. */
export function policyAlerts(saved: Pick<SavedZoneProfile, 'known'> & { profile: MatchProfile }, policies: Policy[], today: string): PolicyAlert[] {
  const byId = new Map(policies.map((p) => [p.id, p]))
  const alerts: PolicyAlert[] = []
  for (const fit of matchPolicies(policies, saved.profile, today).fits) {
    const policy = byId.get(fit.policy.id)!
    const reasons: PolicyAlertReason[] = []
    const known = saved.known[policy.id]
    if (known === undefined) reasons.push({ kind: 'new' })
    else if (known !== policyFingerprint(policy)) reasons.push({ kind: 'updated' })
    const closes = fit.policy.closes
    if (closes && closes >= today && daysBetween(today, closes) <= ALERT_CLOSING_DAYS) reasons.push({ kind: 'closing', closes })
    if (reasons.length) alerts.push({ policy: fit.policy, reasons })
  }
  const closing = (a: PolicyAlert) => a.reasons.find((r): r is Extract<PolicyAlertReason, { kind: 'closing' }> => r.kind === 'closing')?.closes ?? '9999'
  return alerts.sort((a, b) => (closing(a) < closing(b) ? -1 : closing(a) > closing(b) ? 1 : 0))
}

/** One key per alert and what it is about, so a message never repeats an alert already sent. */
export const alertKeys = (alert: PolicyAlert, policy: Policy): string[] =>
  alert.reasons.map((r) => (r.kind === 'closing' ? `${policy.id}:closing:${r.closes}` : `${policy.id}:${r.kind}:${policyFingerprint(policy)}`))

export const POLICY_ALERT_PAGE = 'pages/mine/index'

/** The message for the alerts not yet sent; its id names the identity and the subscription spent. */
export function alertMessage(openid: string, n: number, alerts: PolicyAlert[], templateId: string, now: Date): Omit<OutboxMessage, 'status' | 'settledAt' | 'error'> {
  const first = alerts[0]
  const closes = first.reasons.find((r) => r.kind === 'closing')
  const reason = closes && closes.kind === 'closing' ? `申报将于${Number(closes.closes.slice(5, 7))}月${Number(closes.closes.slice(8, 10))}日截止` : first.reasons[0].kind === 'new' ? '新政策' : '政策有更新'
  const who = crypto.createHash('sha256').update(openid).digest('base64url').slice(0, 16)
  return {
    id: `policy-alert:${who}:${n}`,
    kind: 'policy-alert',
    touser: openid,
    templateId,
    page: POLICY_ALERT_PAGE,
    data: {
      // thing values hold at most 20 characters.
      thing1: { value: (alerts.length > 1 ? `${first.policy.title.slice(0, 12)}等${alerts.length}项` : first.policy.title).slice(0, 20) },
      thing2: { value: reason.slice(0, 20) },
    },
    createdAt: now.toISOString(),
  }
}

/**
 * Queues at most one message per one-time subscription, for alerts not yet sent, over every saved
 * profile. The message id names the subscription's number, and the subscription is spent in a
 * guarded step after queueing: a re-run or a racing run queues that id again as a no-op and
 * cannot spend it twice.
 */
export async function queuePolicyAlerts(args: { store: Store; templateId: string; now: Date; today: string }) {
  const policies = await args.store.zone.listPolicies()
  const byId = new Map(policies.map((p) => [p.id, p]))
  let profiles = 0
  let queued = 0
  let withoutSubscription = 0
  let after: string | null = null
  for (;;) {
    const page: SavedZoneProfile[] = await args.store.zone.listProfiles(after, 500)
    if (!page.length) break
    for (const saved of page) {
      profiles++
      const sent = new Set(saved.notified)
      const fresh = policyAlerts(saved, policies, args.today).filter((a) => alertKeys(a, byId.get(a.policy.id)!).some((k) => !sent.has(k)))
      if (!fresh.length) continue
      if (saved.granted <= saved.used) {
        withoutSubscription++
        continue
      }
      await args.store.outbox.enqueue(alertMessage(saved.openid, saved.used + 1, fresh, args.templateId, args.now))
      const keys = fresh.flatMap((a) => alertKeys(a, byId.get(a.policy.id)!))
      if (await args.store.zone.useProfileNotice(saved.openid, saved.used, [...new Set([...saved.notified, ...keys])])) queued++
    }
    after = page[page.length - 1].openid
  }
  return { profiles, queued, withoutSubscription }
}
