// 预约运营: close one day or a range of days with a reason (every booking on them cancelled and its
// visitor told; the confirm says how many bookings and people first), reopen a closed day, and a
// day's roster (date, ticket short code, search by name or code, cancel one booking with a reason
// the visitor sees) with an Excel export.
import { useState } from 'react'
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Progress, Space, Table, Tag, Tooltip } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { CloseDayResult, RosterRow } from '../../../cloud/contracts/ops'
import { formatShortCode } from '../../../cloud/contracts/booking'
import { NOTICE_STATE_LABEL, type BookingNoticeStatus, type NoticeState } from '../../../cloud/contracts/holds'
import { call, downloadBase64 } from '../api'
import { DayHolds } from './DayHolds'
import { useOnMount } from '../useOnMount'
import { useEditGuard } from '../unsaved'
import { WaitlistCard } from './WaitlistCard'

export function Bookings() {
  const { message } = App.useApp()
  const [closed, setClosed] = useState<Array<{ date: string; reason: string; illustrative?: boolean }>>([])
  // The server's today (Beijing), not this computer's clock: past days cannot be closed.
  const [today, setToday] = useState<string | null>(null)
  const [running, setRunning] = useState(false)
  const [result, setResult] = useState<{ days: CloseDayResult[]; cancelled: number; total: number } | null>(null)
  const [day, setDay] = useState<Dayjs>(dayjs())
  const [roster, setRoster] = useState<RosterRow[]>([])
  const [rosterLoading, setRosterLoading] = useState(false)
  const [query, setQuery] = useState('')
  const [cancelling, setCancelling] = useState<RosterRow | null>(null)
  // Per museum-cancelled booking of the roster's day: its notice queued, sent or failed.
  const [notices, setNotices] = useState<Record<string, BookingNoticeStatus>>({})
  // What the closure's notices are doing, per closed day (read again on 刷新通知状态).
  const [closeNotices, setCloseNotices] = useState<Record<NoticeState | 'none', number> | null>(null)
  const [holdsVersion, setHoldsVersion] = useState(0)
  const [form] = Form.useForm<{ range: [Dayjs, Dayjs]; reason: string }>()

  const loadClosures = async () => {
    const res = await call('console', 'closures', {})
    if (res.ok) {
      setClosed(res.data.closedDays)
      setToday(res.data.today)
      return res.data.today
    } else message.error(res.error.message)
    return null
  }
  const loadRoster = async (d: Dayjs, q = query) => {
    setRosterLoading(true)
    const res = await call('console', 'roster', { day: d.format('YYYY-MM-DD'), ...(q.trim() ? { q: q.trim() } : {}) })
    const sent = await call('console', 'closureNotices', { day: d.format('YYYY-MM-DD') })
    setRosterLoading(false)
    if (res.ok) setRoster(res.data.rows)
    else message.error(res.error.message)
    if (sent.ok) setNotices(Object.fromEntries(sent.data.notices.map((n) => [n.bookingId, n])))
  }
  const loadCloseNotices = async (days: string[]) => {
    const all = await Promise.all(days.map((d) => call('console', 'closureNotices', { day: d })))
    const counts = { pending: 0, sent: 0, failed: 0, none: 0 }
    for (const r of all) if (r.ok) for (const k of Object.keys(counts) as Array<keyof typeof counts>) counts[k] += r.data.counts[k]
    setCloseNotices(counts)
  }
  // The roster opens on the museum's today (the server's Beijing day), not this computer's date.
  useOnMount(async () => {
    const serverToday = await loadClosures()
    const opening = serverToday ? dayjs(serverToday) : day
    setDay(opening)
    await loadRoster(opening)
  })

  const closeDays = async (v: { range: [Dayjs, Dayjs]; reason: string }) => {
    const [from, to] = v.range.map((d) => d.format('YYYY-MM-DD'))
    const span = from === to ? from : `${from} 至 ${to}`
    // What it will cancel is asked first, so the confirm can say it in numbers.
    const [impact, held] = await Promise.all([call('console', 'closureImpact', { from, to }), call('console', 'holds', { from, to })])
    if (!impact.ok) return void message.error(impact.error.message)
    const { bookings, people, days } = impact.data
    // Groups hold places by phone, not through the app: no notice reaches them, the desk calls them.
    const groups = held.ok ? held.data.holds.filter((h) => h.status === 'held') : []
    const sessionName = (id: string) => (held.ok ? held.data.sessions.find((s) => s.sessionId === id)?.name : undefined) ?? id
    Modal.confirm({
      title: `确认 ${span} 闭馆（${days.length} 天）？`,
      width: 520,
      content: (
        <div data-testid="close-impact">
          <p>
            将取消 <b>{bookings}</b> 笔预约，共 <b>{people}</b> 人，名额与证件占用释放，并通知每位预约人，原因：“{v.reason}”。此操作不可撤销（可重新开放日期，但已取消的预约不会恢复）。
          </p>
          {days.length > 1 && (
            <ul style={{ paddingLeft: 20, margin: 0 }}>
              {days.map((d) => (
                <li key={d.day}>
                  {d.day}：{d.bookings} 笔，{d.people} 人
                </li>
              ))}
            </ul>
          )}
          {groups.length > 0 && (
            <Alert
              data-testid="close-groups"
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              message={`另有 ${groups.length} 个团体保留了名额，系统不会通知他们，请电话联系：`}
              description={groups.map((h) => `${h.name}（${h.day} ${sessionName(h.sessionId)} ${h.places} 人${h.note ? `，${h.note}` : ''}）`).join('；')}
            />
          )}
        </div>
      ),
      okText: bookings ? `确认闭馆并取消 ${bookings} 笔预约` : '确认闭馆',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        setRunning(true)
        setResult(null)
        const res = await call('console', 'closeDays', { from, to, reason: v.reason })
        setRunning(false)
        if (!res.ok) return void message.error(res.error.message)
        setResult(res.data)
        void loadCloseNotices(res.data.days.map((d) => d.day))
        void loadClosures()
        const shown = day.format('YYYY-MM-DD')
        if (shown >= from && shown <= to) void loadRoster(day)
      },
    })
  }
  const reopen = async (date: string) => {
    const res = await call('console', 'reopenDay', { day: date })
    if (!res.ok) return void message.error(res.error.message)
    message.success(`${date} 已重新开放预约${res.data.stillCancelled ? `；因闭馆取消的 ${res.data.stillCancelled} 笔预约不会恢复` : ''}`)
    void loadClosures()
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="闭馆（整天，可选多天）">
        <Form form={form} layout="inline" onFinish={(v) => void closeDays(v)}>
          <Form.Item name="range" label="日期" rules={[{ required: true, message: '请选择日期（单日请选同一天）' }]}>
            <DatePicker.RangePicker disabledDate={(d) => !!today && d.format('YYYY-MM-DD') < today} />
          </Form.Item>
          <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请填写闭馆原因（将告知已预约的观众）' }, { max: 40, message: '不能超过 40 个字' }]}>
            <Input style={{ width: 300 }} placeholder="如：台风预警，全天闭馆" />
          </Form.Item>
          <Button danger type="primary" htmlType="submit" loading={running}>
            闭馆并取消预约
          </Button>
        </Form>
        {running && <Progress percent={99} status="active" showInfo={false} style={{ marginTop: 16 }} />}
        {result && (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            showIcon
            message={`${result.days.map((d) => d.day).join('、')} 已闭馆：本次取消 ${result.cancelled} 笔预约；这些日期因闭馆取消共 ${result.total} 笔，已排队通知预约人。`}
            description={
              closeNotices && (
                <Space data-testid="close-notices">
                  <span>
                    闭馆通知：已排队 {closeNotices.pending}，已发送 {closeNotices.sent}，发送失败 {closeNotices.failed}
                    {closeNotices.none ? `，未排队 ${closeNotices.none}` : ''}（逐笔见下方名单「状态」列）
                  </span>
                  <Button size="small" onClick={() => void loadCloseNotices(result.days.map((d) => d.day))}>
                    刷新通知状态
                  </Button>
                </Space>
              )
            }
          />
        )}
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="date"
          dataSource={closed}
          pagination={{ pageSize: 5 }}
          columns={[
            { title: '闭馆日期', dataIndex: 'date', sorter: (a, b) => a.date.localeCompare(b.date), defaultSortOrder: 'descend' },
            {
              title: '原因',
              dataIndex: 'reason',
              // A seeded closure no one announced: visitors see it marked 示意 until the museum closes the day itself.
              render: (reason: string, row) => (
                <>
                  {reason} {row.illustrative && <Tag title="随应用附带的示例数据，观众页面标注“示意”">示意</Tag>}
                </>
              ),
            },
            {
              title: '操作',
              render: (_, row) =>
                !!today &&
                row.date >= today && (
                  <Popconfirm
                    title={`重新开放 ${row.date}？`}
                    description="观众可再次预约这一天；因闭馆已取消的预约不会恢复。"
                    okText="重新开放"
                    cancelText="取消"
                    onConfirm={() => reopen(row.date)}
                  >
                    <Button type="link" aria-label={`重新开放 ${row.date}`}>
                      重新开放
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Card
        title="当日预约名单"
        extra={
          <Space>
            <DatePicker data-testid="roster-day" value={day} allowClear={false} onChange={(d) => d && (setDay(d), void loadRoster(d))} />
            <Input.Search
              allowClear
              placeholder="姓名或票号"
              aria-label="按姓名或票号搜索"
              style={{ width: 200 }}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onSearch={(q) => void loadRoster(day, q)}
            />
            <Button
              onClick={async () => {
                const res = await call('console', 'rosterXlsx', { day: day.format('YYYY-MM-DD') })
                if (!res.ok) return void message.error(res.error.message)
                downloadBase64(res.data.fileName, res.data.data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
              }}
            >
              导出 Excel
            </Button>
            <Button
              onClick={async () => {
                const res = await call('console', 'dayReport', { from: day.format('YYYY-MM-DD') })
                if (!res.ok) return void message.error(res.error.message)
                downloadBase64(res.data.fileName, res.data.data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
              }}
            >
              下载当日报表
            </Button>
          </Space>
        }
      >
        <DayHolds key={`${day.format('YYYY-MM-DD')}-${holdsVersion}`} day={day.format('YYYY-MM-DD')} />
        <Table<RosterRow>
          rowKey={(r) => `${r.bookingId}-${r.idMasked}`}
          loading={rosterLoading}
          dataSource={roster}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 人` }}
          columns={[
            { title: '日期', dataIndex: 'day', width: 110 },
            // Fixed widths, kept on one line: a long cancel reason and its notice tag wrap inside 状态 only.
            { title: '场次', width: 170, render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{`${r.sessionName} ${r.start}–${r.end}`}</span>, filters: [...new Set(roster.map((r) => r.sessionName))].map((s) => ({ text: s, value: s })), onFilter: (v, r) => r.sessionName === v },
            { title: '姓名', dataIndex: 'name', width: 110, render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span>, sorter: (a, b) => a.name.localeCompare(b.name, 'zh') },
            { title: '票号', dataIndex: 'shortCode', width: 110, render: (c: string) => (c ? <code style={{ whiteSpace: 'nowrap' }}>{formatShortCode(c)}</code> : '—') },
            { title: '证件', width: 215, render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{`${r.idType} ${r.idMasked}`}</span> },
            { title: '状态', dataIndex: 'statusText', filters: [...new Set(roster.map((r) => r.statusText))].map((s) => ({ text: s, value: s })), onFilter: (v, r) => r.statusText === v, render: (t: string, r) => (
              <>
                <Tag color={r.status === 'confirmed' ? 'blue' : r.status === 'checked_in' ? 'green' : undefined}>{t}</Tag>
                {r.cancelReason && <span style={{ color: '#888' }}>{r.cancelReason}</span>}
                {notices[r.bookingId] && <NoticeTag notice={notices[r.bookingId]} />}
              </>
            ) },
            {
              title: '操作',
              width: 100,
              render: (_, r) =>
                r.status === 'confirmed' && (
                  <Button type="link" danger aria-label={`取消 ${r.name} 的预约`} onClick={() => setCancelling(r)}>
                    取消预约
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <WaitlistCard day={day.format('YYYY-MM-DD')} />
      {cancelling && (
        <CancelBooking
          row={cancelling}
          people={roster.filter((r) => r.bookingId === cancelling.bookingId).map((r) => r.name)}
          onClose={() => setCancelling(null)}
          onDone={() => (setCancelling(null), setHoldsVersion((v) => v + 1), void loadRoster(day))}
        />
      )}
    </Space>
  )
}

/** One booking cancelled by the museum: the reason is what the visitor reads in 我的预约 and the notice. */
function CancelBooking({ row, people, onClose, onDone }: { row: RosterRow; people: string[]; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ reason: string }>()
  const [saving, setSaving] = useState(false)
  const guard = useEditGuard('cancel-booking')
  return (
    <Modal open title={`取消 ${people.join('、')} 的预约？`} okText="确认取消这笔预约" okButtonProps={{ danger: true }} cancelText="不取消" confirmLoading={saving} onCancel={guard.guardClose(onClose)} onOk={() => form.submit()}>
      <p>
        {row.day} {row.sessionName} {row.start}–{row.end}，共 {people.length} 人{row.shortCode ? `，票号 ${formatShortCode(row.shortCode)}` : ''}。取消后名额释放，预约人会在「我的预约」看到原因并收到通知。
      </p>
      {/* Named: its field ids must not repeat the close form's #reason on the same page (the label would point there). */}
      <Form
        name="cancel-booking"
        form={form}
        layout="vertical"
        onValuesChange={guard.touched}
        onFinish={async ({ reason }) => {
          setSaving(true)
          const res = await call('console', 'cancelBooking', { bookingId: row.bookingId, reason })
          setSaving(false)
          if (!res.ok) return res.error.fields?.reason ? form.setFields([{ name: 'reason', errors: [res.error.fields.reason] }]) : void message.error(res.error.message)
          guard.saved()
          message.success('已取消这笔预约，名额已释放')
          onDone()
        }}
      >
        <Form.Item label="取消原因（观众会看到）" name="reason" rules={[{ required: true, whitespace: true, message: '请填写取消原因（观众会看到）' }, { max: 40, message: '不能超过 40 个字' }]}>
          <Input maxLength={40} showCount placeholder="如：团队包场，请改约其他场次" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** Whether the museum's notice about this cancel reached the booker (the message job settles it). */
function NoticeTag({ notice }: { notice: BookingNoticeStatus }) {
  const color = notice.state === 'sent' ? 'green' : notice.state === 'failed' ? 'red' : notice.state === 'pending' ? 'gold' : undefined
  const tag = (
    <Tag color={color} data-notice={notice.state}>
      通知{NOTICE_STATE_LABEL[notice.state]}
    </Tag>
  )
  return notice.error ? <Tooltip title={`失败原因：${notice.error}`}>{tag}</Tooltip> : tag
}
