// Timer-triggered cloud functions (not called by the client). Each becomes its own WeChat cloud
// function with a timer trigger in config.json; `npm run build:cloud` enumerates this registry.
import { drainOutbox, queueVisitReminders } from '../reminders/job'
import { reminderTemplateFromEnv } from '../reminders/reminder'
import { visitSourceFor } from '../reminders/source'
import { noShows } from './noshow'
import type { CloudJob } from './types'

export type { CloudJob, JobContext } from './types'

export const reminders: CloudJob = {
  description: '参观前一天发送到访提醒（订阅消息）',
  // 10:00 daily. The job computes "tomorrow" in Asia/Shanghai itself, so it is right whichever
  // zone the trigger is evaluated in.
  trigger: { name: 'dailyVisitReminders', config: '0 0 10 * * * *' },
  openapi: ['subscribeMessage.send'],
  async run({ store, now, platform, env }) {
    const template = reminderTemplateFromEnv(env)
    const visits = visitSourceFor(store)
    const queued = !template
      ? { skipped: '未配置 REMINDER_TEMPLATE_ID' }
      : await queueVisitReminders({ visits, outbox: store.outbox, template, now: now() })
    const send = platform.sendSubscribeMessage
    const drained = send ? await drainOutbox({ outbox: store.outbox, send: (m) => send(m), now }) : { skipped: '无法发送订阅消息' }
    return { queued, drained }
  },
}

export const jobs: Record<string, CloudJob> = { reminders, noShows }
