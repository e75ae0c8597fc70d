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

/**
 * Sends pending messages in batches, `concurrency` at a time (default 5: each send is one open-API
 * call plus one settle write, and the basic plan's database allows 30 requests a second). Each is
 * settled once (another worker settling it first is skipped). With a `deadline` no new message is
 * started after it — those in flight finish — and `stoppedAtDeadline` says so; the rest stay pending
 * for the next run, which picks up exactly where this one stopped (the reminders timer runs several
 * times in its hour for that).
 */
export async function drainOutbox(args: {
  outbox: OutboxStore
  send: SendMessage
  now: () => Date
  batch?: number
  maxBatches?: number
  concurrency?: number
  deadline?: Date
}) {
  let sent = 0
  let failed = 0
  let stoppedAtDeadline = false
  const failures: Array<{ id: string; error: string }> = []
  const pastDeadline = () => args.deadline !== undefined && args.now().getTime() >= args.deadline.getTime()
  const deliver = async (message: OutboxMessage) => {
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
  for (let i = 0; i < (args.maxBatches ?? 20) && !stoppedAtDeadline; i++) {
    if (pastDeadline()) {
      stoppedAtDeadline = true
      break
    }
    const pending = await args.outbox.pending(args.batch ?? 100)
    if (pending.length === 0) break
    let next = 0
    const worker = async () => {
      while (next < pending.length) {
        if (pastDeadline()) {
          stoppedAtDeadline = true
          return
        }
        await deliver(pending[next++])
      }
    }
    await Promise.all(Array.from({ length: Math.min(Math.max(1, args.concurrency ?? 5), pending.length) }, worker))
  }
  return { sent, failed, failures, stoppedAtDeadline }
}
