// `npm run outbox` — the local stand-in for WeChat subscription messages: runs the same reminder job
// as the cloud timer (queue tomorrow's reminders), then drains the outbox by printing each message
// and marking it sent. `--peek` prints pending messages without settling them.
import { drainOutbox, queueVisitReminders } from '../cloud/reminders/job'
import { DEFAULT_REMINDER_KEYS, reminderTemplateFromEnv } from '../cloud/reminders/reminder'
import { visitSourceFor } from '../cloud/reminders/source'
import { loadConfig } from '../cloud/runtime/config'
import type { OutboxMessage, Store } from '../cloud/store/port'
import { openSqliteStore } from '../cloud/store/sqlite'

export function formatMessage(m: OutboxMessage): string {
  const lines = [`→ ${m.touser}  模板 ${m.templateId}  打开 ${m.page}  (${m.id})`]
  for (const [key, { value }] of Object.entries(m.data)) lines.push(`    ${key}: ${value}`)
  return lines.join('\n')
}

export async function runOutbox(store: Store, options: { now: () => Date; env: Record<string, string | undefined>; peek?: boolean; log?: (s: string) => void }) {
  const log = options.log ?? console.log
  const template = reminderTemplateFromEnv(options.env) ?? { id: 'LOCAL-REMINDER', keys: DEFAULT_REMINDER_KEYS }
  const q = await queueVisitReminders({ visits: visitSourceFor(store), outbox: store.outbox, template, now: options.now() })
  log(`明天（${q.day}）的参观：${q.visits} 个预约，新入队提醒 ${q.queued} 条（已入队 ${q.alreadyQueued}，未订阅 ${q.notSubscribed}）`)
  if (options.peek) {
    const pending = await store.outbox.pending(1000)
    for (const m of pending) log(formatMessage(m))
    log(pending.length === 0 ? '没有待发送的消息。' : `待发送 ${pending.length} 条（--peek：未标记为已发送）。`)
    return { sent: 0, failed: 0, pending: pending.length }
  }
  const result = await drainOutbox({ outbox: store.outbox, now: options.now, send: async (m) => log(formatMessage(m)) })
  log(result.sent === 0 ? '没有待发送的消息。' : `已“发送”（打印）${result.sent} 条消息。`)
  return { ...result, pending: 0 }
}

async function cli(argv: string[]) {
  const config = loadConfig()
  const store = openSqliteStore(config.dbFile)
  try {
    await runOutbox(store, { now: () => new Date(), env: process.env, peek: argv.includes('--peek') })
  } finally {
    await store.close()
  }
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error('发件箱处理失败:', error)
    process.exit(1)
  })
}
