// Timer-triggered cloud functions (not called by the client). Each becomes its own WeChat cloud
// function with a timer trigger in config.json; `npm run build:cloud` enumerates this registry.
import { drainOutbox, queueVisitReminders } from '../reminders/job'
import { reminderTemplateFromEnv } from '../reminders/reminder'
import { visitSourceFor } from '../reminders/source'
import { queuePolicyAlerts } from '../zone/alerts'
import { shanghaiDate } from '../zone/text'
import { noShows } from './noshow'
import { waitlistSweep } from './waitlist'
import type { CloudJob } from './types'

export type { CloudJob, JobContext } from './types'

/** How long one reminders run keeps starting sends (its timeout is 60 s). */
export const SEND_BUDGET_MS = 45_000

export const reminders: CloudJob = {
  description: '参观前一天发送到访提醒（订阅消息）',
  // Every 10 minutes from 10:00 to 10:50: the first run queues tomorrow's reminders, each run sends
  // until its deadline and the next resumes (queueing is idempotent: one id per booking). The job
  // computes "tomorrow" in Asia/Shanghai itself, so it is right whichever zone the trigger uses.
  trigger: { name: 'dailyVisitReminders', config: '0 */10 10 * * * *' },
  openapi: ['subscribeMessage.send'],
  async run({ store, now, platform, env }) {
    const template = reminderTemplateFromEnv(env)
    const visits = visitSourceFor(store)
    const queued = !template
      ? { skipped: '未配置 REMINDER_TEMPLATE_ID' }
      : await queueVisitReminders({ visits, outbox: store.outbox, template, now: now() })
    // 政策提醒 (cloud/zone/alerts.ts): at most one message per one-time subscription, for alerts not yet sent.
    const alerts = env.POLICY_ALERT_TEMPLATE_ID
      ? await queuePolicyAlerts({ store, templateId: env.POLICY_ALERT_TEMPLATE_ID, now: now(), today: shanghaiDate(now()) })
      : { skipped: '未配置 POLICY_ALERT_TEMPLATE_ID' }
    const send = platform.sendSubscribeMessage
    // Stop starting sends 45 s into the run: the function's timeout is 60 s (manifest.ts), and a send
    // cut off by the timeout would be neither settled nor known to have gone out.
    const deadline = new Date(now().getTime() + SEND_BUDGET_MS)
    const drained = send ? await drainOutbox({ outbox: store.outbox, send: (m) => send(m), now, deadline }) : { skipped: '无法发送订阅消息' }
    return { queued, alerts, drained }
  },
}

export const jobs: Record<string, CloudJob> = { reminders, noShows, waitlistSweep }
