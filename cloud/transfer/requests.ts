// 对接 requests: how a sender sees one (every status with its days), and the officer's step with
// its one subscribe message per authorisation. Pure apart from the outbox message it builds.
import {
  REQUEST_STATUS_LABEL,
  stepDays,
  type RequestStatus,
  type RequestView,
  type TransferRequestRecord,
} from '../contracts/transfer'
import type { OutboxMessage } from '../store/port'

/** Statuses after which the sender is shown the policies that fit (技术合同登记, 知识产权质押融资 …). */
const SIGNED: readonly RequestStatus[] = ['signed', 'registered', 'landed']

export function requestView(r: TransferRequestRecord, now: Date, policies: Array<{ id: string; title: string }> = []): RequestView {
  return {
    id: r.id,
    kind: r.kind,
    targetId: r.targetId,
    targetTitle: r.targetTitle,
    organisation: r.organisation,
    message: r.message,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABEL[r.status],
    steps: stepDays(r.history, now).map((s) => ({ ...s, label: REQUEST_STATUS_LABEL[s.status] })),
    createdAt: r.createdAt,
    notifyGrants: r.notifyGrants,
    ...(SIGNED.includes(r.status) && policies.length ? { policies } : {}),
  }
}

/** The request after the officer's step: the new status on its history, one authorisation used if any. */
export function advance(r: TransferRequestRecord, to: RequestStatus, at: string, note?: string): { next: TransferRequestRecord; notify: boolean } {
  const notify = r.notifyGrants > 0
  return {
    next: { ...r, status: to, history: [...r.history, { status: to, at, ...(note ? { note } : {}) }], notifyGrants: notify ? r.notifyGrants - 1 : 0, rev: r.rev + 1 },
    notify,
  }
}

/** The status message of one step. Its id names the request and the step (rev), so a retried step queues nothing twice. */
export function statusMessage(r: TransferRequestRecord, templateId: string, now: Date): Omit<OutboxMessage, 'status' | 'settledAt' | 'error'> {
  const last = r.history[r.history.length - 1]
  return {
    id: `transfer:${r.id}:${r.rev}`,
    kind: 'transfer-status',
    touser: r.openid,
    templateId,
    page: `/transfer/pages/mine/index?id=${r.id}`,
    data: {
      thing1: { value: r.targetTitle.slice(0, 20) },
      // `phrase` values hold at most 5 characters (subscribeMessage.send): 技术合同登记 is six.
      phrase2: { value: r.status === 'registered' ? '合同已登记' : REQUEST_STATUS_LABEL[r.status] },
      thing3: { value: (last?.note || '转化中心已更新对接进度').slice(0, 20) },
    },
    createdAt: now.toISOString(),
  }
}
