// The reminder job, the same in both runtimes: queue tomorrow's reminders in the outbox (ids are
// deterministic, so a re-run queues nothing twice), then drain the outbox with whatever sender the
// runtime has — subscribeMessage.send in the cloud, a printer for `npm run outbox` locally.
import type { OutboxMessage, OutboxStore } from '../store/port'
import { reminderMessage, shanghaiDay, type ReminderTemplate, type VisitSource } from './reminder'

export type SendMessage = (message: OutboxMessage) => Promise<void>

export async function queueVisitReminders(args: {
  visits: VisitSource
  outbox: OutboxStore
  template: ReminderTemplate
  now: Date
}): Promise<{ day: string; visits: number; queued: number; alreadyQueued: number; notSubscribed: number }> {
  const day = shanghaiDay(args.now, 1)
  const visits = await args.visits.listVisitsOn(day)
  let queued = 0
  let alreadyQueued = 0
  let notSubscribed = 0
  for (const visit of visits) {
    if (!visit.remind) {
      notSubscribed++
      continue
    }
    if (await args.outbox.enqueue(reminderMessage(visit, args.template, args.now))) queued++
    else alreadyQueued++
  }
  return { day, visits: visits.length, queued, alreadyQueued, notSubscribed }
}

/** Sends pending messages in batches; each is settled once (another worker settling it first is skipped). */
export async function drainOutbox(args: { outbox: OutboxStore; send: SendMessage; now: () => Date; batch?: number; maxBatches?: number }) {
  let sent = 0
  let failed = 0
  const failures: Array<{ id: string; error: string }> = []
  for (let i = 0; i < (args.maxBatches ?? 20); i++) {
    const pending = await args.outbox.pending(args.batch ?? 100)
    if (pending.length === 0) break
    for (const message of pending) {
      try {
        await args.send(message)
        if (await args.outbox.settle(message.id, { status: 'sent', at: args.now().toISOString() })) sent++
      } catch (error) {
        // A refused message (no subscription left, user blocked) is not retried forever: mark it failed.
        const e = error as { errMsg?: string; message?: string }
        const text = e?.errMsg ?? e?.message ?? String(error)
        if (await args.outbox.settle(message.id, { status: 'failed', at: args.now().toISOString(), error: text })) failed++
        failures.push({ id: message.id, error: text })
      }
    }
  }
  return { sent, failed, failures }
}
