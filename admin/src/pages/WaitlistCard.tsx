// 候补队列 on the bookings page: each session's line on the day the roster shows — who waits, in
// order, how many places each needs, what the skip rule has counted, and until when an offer holds.
// Read only: the line moves by itself (cancels, capacity raises, expiries; docs/booking-waitlist.md).
import { useEffect, useState } from 'react'
import { App, Card, Empty, Table, Tag } from 'antd'
import type { ConsoleWaitlistSession } from '../../../cloud/contracts/waitlist'
import { call } from '../api'

export function WaitlistCard({ day }: { day: string }) {
  const { message } = App.useApp()
  const [sessions, setSessions] = useState<ConsoleWaitlistSession[] | null>(null)
  useEffect(() => {
    let live = true
    void call('console', 'waitlist', { day }).then((res) => {
      if (!live) return
      if (res.ok) setSessions(res.data.sessions)
      else message.error(res.error.message)
    })
    return () => void (live = false)
  }, [day, message])
  return (
    <Card title={`候补队列（${day}）`} data-testid="waitlist-card" loading={sessions === null}>
      {sessions?.map((s) => (
        <div key={s.sessionId} style={{ marginBottom: 16 }} data-session={s.sessionId}>
          <b>
            {s.name} {s.start}–{s.end}
          </b>{' '}
          已约 {s.booked}/{s.capacity}，候补 {s.entries.length} 组、等待中共需 {s.waitingPlaces} 个名额
          {s.entries.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无人候补" />
          ) : (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={s.entries}
              columns={[
                { title: '顺序', dataIndex: 'position', width: 60 },
                { title: '参观人', dataIndex: 'names', render: (names: string[]) => names.join('、') },
                { title: '人数', dataIndex: 'places', width: 60 },
                { title: '状态', dataIndex: 'status', width: 90, render: (st: string) => (st === 'offered' ? <Tag color="green">待确认</Tag> : <Tag>候补中</Tag>) },
                { title: '已被跳过', dataIndex: 'skips', width: 90 },
                { title: '加入时间', dataIndex: 'joinedAt', width: 130 },
                { title: '保留至', dataIndex: 'offerExpiresAt', width: 130 },
              ]}
            />
          )}
        </div>
      ))}
    </Card>
  )
}
