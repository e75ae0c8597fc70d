// 预约设置: what the calendar and booking read from the store (over data/booking.json's defaults):
// the sessions of the coming days (capacity for one day, closing one session with a reason),
// session templates per weekday, and the holidays list.
import { useState } from 'react'
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd'
import type { BookingSettings as Settings, SessionTemplateView } from '../../../cloud/contracts/api'
import type { CloseDayResult } from '../../../cloud/contracts/ops'
import { DAY_MISSING_MESSAGE, DAY_PATTERN, isCalendarDay } from '../../../cloud/contracts/day'
import { call } from '../api'
import { clearErrorsOnEdit, useFormErrors } from '../useFormErrors'
import { useLoaded } from '../useLoaded'
import { WalkInCard } from './WalkInCard'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
type Weekday = 'default' | '0' | '1' | '2' | '3' | '4' | '5' | '6'
type SessionRow = SessionTemplateView & { date: string; sessionId: string; booked: number; closedReason?: string; overridden: boolean }

export function BookingSettings() {
  const { message } = App.useApp()
  const [closing, setClosing] = useState<SessionRow | null>(null)
  const [result, setResult] = useState<CloseDayResult | null>(null)
  // The settings, and per session the places held for groups (they are inside 已约: taken places).
  const { data: settings, reload: load } = useLoaded(async () => {
    const res = await call('console', 'bookingConfig', {})
    if (!res.ok || !res.data.days.length) return res.ok ? { ok: true as const, data: { ...res.data, held: {} as Record<string, number> } } : res
    const holds = await call('console', 'holds', { from: res.data.days[0].date, to: res.data.days[res.data.days.length - 1].date })
    const held: Record<string, number> = holds.ok ? Object.fromEntries(holds.data.sessions.map((s) => [s.sessionId, s.held])) : {}
    return { ok: true as const, data: { ...res.data, held } }
  })
  if (!settings) return <Card loading />

  const rows: SessionRow[] = settings.days.flatMap((d) =>
    d.sessions.map((t) => {
      const sessionId = `${d.date}.${t.key}`
      return {
        ...t,
        date: d.date,
        sessionId,
        closedReason: t.closedReason,
        overridden: settings.capacityOverrides.some((o) => o.date === d.date && o.key === t.key),
      }
    }),
  )
  const setCapacity = async (sessionId: string, capacity: number | null) => {
    const res = await call('console', 'setCapacity', { sessionId, capacity })
    if (!res.ok) return void message.error(res.error.message)
    message.success(capacity === null ? '已恢复默认容量' : '容量已保存')
    void load()
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="近期场次（单场容量、单场停场）">
        {result && (
          <Alert
            style={{ marginBottom: 16 }}
            type="success"
            showIcon
            message={`${result.sessionId} 已停场：本次取消 ${result.cancelled} 笔预约，释放 ${result.released} 笔的名额；该场次因停场取消共 ${result.total} 笔。`}
          />
        )}
        <Table<SessionRow>
          size="small"
          rowKey="sessionId"
          dataSource={rows}
          pagination={false}
          columns={[
            { title: '日期', dataIndex: 'date', render: (d: string) => `${d} ${WEEKDAYS[new Date(`${d}T12:00:00Z`).getUTCDay()]}` },
            { title: '场次', render: (_, r) => `${r.name} ${r.start}–${r.end}` },
            {
              title: '已约 / 容量',
              render: (_, r) => (
                <Space size={4}>
                  <span data-testid={`occupancy-${r.sessionId}`}>{`${r.booked} / ${r.capacity}`}</span>
                  {!!settings.held[r.sessionId] && (
                    <Tag color="purple" data-testid={`held-note-${r.sessionId}`} title="团体保留的名额计入已约，观众不能预约">
                      含团体保留 {settings.held[r.sessionId]}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              title: '容量',
              render: (_, r) => (
                <Space align="start">
                  <CapacityCell key={`${r.sessionId}-${r.capacity}`} row={r} onSaved={load} />
                  {r.overridden && (
                    <Button size="small" type="link" onClick={() => void setCapacity(r.sessionId, null)}>
                      恢复默认
                    </Button>
                  )}
                </Space>
              ),
            },
            { title: '状态', render: (_, r) => (r.closedReason ? <Tag color="red">{settings.closedSessions.some((c) => c.sessionId === r.sessionId) ? '已停场' : '闭馆'}：{r.closedReason}</Tag> : r.booked >= r.capacity ? <Tag color="orange">已约满</Tag> : <Tag color="green">开放</Tag>) },
            {
              title: '操作',
              render: (_, r) =>
                !r.closedReason ? (
                  <Button danger type="link" aria-label={`停场 ${r.sessionId}`} onClick={() => setClosing(r)}>
                    停场
                  </Button>
                ) : (
                  settings.closedSessions.some((c) => c.sessionId === r.sessionId) && (
                    <Popconfirm
                      title={`重新开放 ${r.date} ${r.name}？`}
                      description="观众可再次预约这个场次；因停场已取消的预约不会恢复。"
                      okText="重新开放"
                      cancelText="取消"
                      onConfirm={async () => {
                        const res = await call('console', 'reopenSession', { sessionId: r.sessionId })
                        if (!res.ok) return void message.error(res.error.message)
                        message.success(`${r.date} ${r.name}已重新开放预约`)
                        void load()
                      }}
                    >
                      <Button type="link" aria-label={`重新开放 ${r.sessionId}`}>
                        重新开放
                      </Button>
                    </Popconfirm>
                  )
                ),
            },
          ]}
        />
      </Card>
      <TemplatesCard settings={settings} onSaved={load} />
      <HolidaysCard settings={settings} onSaved={load} />
      <WalkInCard />
      {closing && (
        <CloseSessionModal
          session={closing}
          onClose={() => setClosing(null)}
          onDone={(r) => (setClosing(null), setResult(r), void load())}
        />
      )}
    </Space>
  )
}

/** Checks a capacity as the server does (a whole number 0–20000, not below the places booked):
 *  the message shown under the field, or null. */
export function capacityProblem(value: number | null, booked: number): string | null {
  if (value === null || Number.isNaN(value)) return '请填写容量'
  if (!Number.isInteger(value)) return '容量须为整数'
  if (value < 0) return '容量不能为负数（0–20000）'
  if (value > 20000) return '容量不能超过 20000'
  if (value < booked) return `不能少于已预约的 ${booked} 人`
  return null
}

/** One session's capacity: typed, checked, saved on Enter or 保存 — never on leaving the field, and
 *  never a value the field or the server refused (the input keeps what was typed, with the reason). */
function CapacityCell({ row, onSaved }: { row: SessionRow; onSaved: () => unknown }) {
  const { message } = App.useApp()
  const [value, setValue] = useState<number | null>(row.capacity)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const dirty = value !== row.capacity
  const save = async () => {
    const problem = capacityProblem(value, row.booked)
    if (problem) return setError(problem)
    setSaving(true)
    const res = await call('console', 'setCapacity', { sessionId: row.sessionId, capacity: value })
    setSaving(false)
    if (!res.ok) {
      setError(res.error.fields?.capacity ?? res.error.message)
      // More people booked since the page loaded: the table's counts follow (the typed value stays).
      if (res.error.code === 'CAPACITY_BELOW_BOOKED') void onSaved()
      return
    }
    message.success('容量已保存')
    void onSaved()
  }
  return (
    <Space direction="vertical" size={0}>
      <Space>
        <InputNumber
          aria-label={`${row.sessionId} 容量`}
          value={value}
          status={error ? 'error' : undefined}
          onChange={(v) => (setValue(typeof v === 'number' ? v : null), setError(null))}
          onPressEnter={() => void save()}
        />
        {dirty && (
          <>
            <Button size="small" type="primary" loading={saving} onClick={() => void save()}>
              保存
            </Button>
            <Button size="small" onClick={() => (setValue(row.capacity), setError(null))}>
              撤销
            </Button>
          </>
        )}
      </Space>
      {error && (
        <span role="alert" style={{ color: '#ff4d4f', fontSize: 12 }}>
          {error}
        </span>
      )}
    </Space>
  )
}

/** Closing one session: asks for the reason, then confirms (a destructive action). */
function CloseSessionModal({ session, onClose, onDone }: { session: SessionRow; onClose: () => void; onDone: (r: CloseDayResult) => void }) {
  const [form] = Form.useForm<{ reason: string }>()
  const [running, setRunning] = useState(false)
  const showErrors = useFormErrors(form)
  // The people this stop affects, said in the warning before the operator confirms.
  const { data: impact } = useLoaded(() => call('console', 'closureImpact', { sessionId: session.sessionId }))
  return (
    <Modal
      open
      title={`停场：${session.date} ${session.name}（${session.start}–${session.end}）`}
      okText="停场并取消该场预约"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={running}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={impact ? `将取消该场次的 ${impact.bookings} 笔预约，共 ${impact.people} 人` : '正在统计该场次的预约…'}
        description="名额与证件占用释放，并通知每位预约人；当天其他场次不受影响。已取消的预约不会因重新开放而恢复。"
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ reason }) => {
          setRunning(true)
          const res = await call('console', 'closeSession', { sessionId: session.sessionId, reason })
          setRunning(false)
          if (!res.ok) return showErrors(res.error)
          onDone(res.data)
        }}
      >
        <Form.Item label="停场原因" name="reason" rules={[{ required: true, message: '请填写停场原因（将告知已预约的观众）' }]}>
          <Input maxLength={40} placeholder="如：设备检修，上午场暂停开放" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function TemplatesCard({ settings, onSaved }: { settings: Settings; onSaved: () => unknown }) {
  const { message } = App.useApp()
  const [weekday, setWeekday] = useState<Weekday>('default')
  const [form] = Form.useForm<{ sessions: SessionTemplateView[] }>()
  const showErrors = useFormErrors(form)
  // A refusal the operator must act on elsewhere (stop a booked session first) stays on screen.
  const [refusal, setRefusal] = useState<string | null>(null)
  const own = weekday === 'default' ? settings.sessions : settings.weekdaySessions[weekday]
  const save = async (sessions: SessionTemplateView[] | null) => {
    const res = await call('console', 'saveSessionTemplates', { weekday, sessions })
    const lasting = !res.ok && (res.error.code === 'SESSION_HAS_BOOKINGS' || res.error.code === 'CAPACITY_BELOW_BOOKED')
    setRefusal(lasting ? res.error.message : null)
    if (!res.ok) return lasting ? undefined : showErrors(res.error)
    message.success('场次模板已保存，日历即时生效')
    void onSaved()
  }
  return (
    <Card
      title="每周场次模板"
      extra={
        <Select<Weekday>
          value={weekday}
          style={{ width: 160 }}
          onChange={(w) => (setWeekday(w), setRefusal(null))}
          options={[{ value: 'default', label: '默认（每天）' }, ...WEEKDAYS.map((l, i) => ({ value: String(i) as Weekday, label: `${l}${settings.weekdaySessions[String(i) as Exclude<Weekday, 'default'>] ? '（单独设置）' : ''}` }))]}
        />
      }
    >
      {refusal && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={refusal.startsWith('容量') ? '未保存：容量少于已预约人数' : '未保存：有场次仍有预约'} description={refusal} data-testid="templates-refusal" />}
      {weekday !== 'default' && !own && <Alert style={{ marginBottom: 12 }} type="info" showIcon message={`${WEEKDAYS[Number(weekday)]}使用默认场次；修改后保存即为${WEEKDAYS[Number(weekday)]}单独设置。`} />}
      <Form form={form} key={weekday} initialValues={{ sessions: own ?? settings.sessions }} onValuesChange={clearErrorsOnEdit(form)} onFinish={(v) => save(v.sessions)}>
        <Form.List name="sessions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start">
                  <Form.Item name={[f.name, 'key']} label="代号" rules={[{ required: true, pattern: /^[a-z]{1,8}$/, message: '小写字母，1–8 位' }]}>
                    <Input style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} label="名称" rules={[{ required: true, message: '请填写场次名称' }]}>
                    <Input style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'start']} label="开始" rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:mm' }]}>
                    <Input style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'end']} label="结束" rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:mm' }]}>
                    <Input style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'capacity']}
                    label="容量"
                    rules={[{ validator: (_, v: number | null | undefined) => { const p = capacityProblem(v ?? null, 0); return p ? Promise.reject(new Error(p)) : Promise.resolve() } }]}
                  >
                    <InputNumber />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Space>
                <Button onClick={() => add({ key: '', name: '', start: '', end: '', capacity: 100 })}>添加场次</Button>
                <Button type="primary" htmlType="submit">
                  保存模板
                </Button>
                {weekday !== 'default' && own && (
                  <Popconfirm title="恢复为默认场次？" okText="恢复" cancelText="取消" onConfirm={() => save(null)}>
                    <Button>恢复为默认</Button>
                  </Popconfirm>
                )}
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  )
}

function HolidaysCard({ settings, onSaved }: { settings: Settings; onSaved: () => unknown }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ holidays: Settings['holidays'] }>()
  const showErrors = useFormErrors(form)
  const DAY = { validator: (_: unknown, v?: string) => (!v || isCalendarDay(v) ? Promise.resolve() : Promise.reject(new Error(DAY_PATTERN.test(v) ? DAY_MISSING_MESSAGE : 'YYYY-MM-DD'))) }
  return (
    <Card title="法定节假日（周一闭馆的例外）">
      <Form
        form={form}
        initialValues={{ holidays: settings.holidays }}
        onValuesChange={clearErrorsOnEdit(form)}
        onFinish={async (v) => {
          const res = await call('console', 'saveHolidays', { holidays: v.holidays })
          if (!res.ok) return showErrors(res.error)
          message.success('节假日已保存')
          void onSaved()
        }}
      >
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写名称' }]}>
                    <Input style={{ width: 120 }} placeholder="名称" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'from']} rules={[{ required: true, ...DAY }]}>
                    <Input style={{ width: 130 }} placeholder="开始 YYYY-MM-DD" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'to']} rules={[{ required: true, ...DAY }]}>
                    <Input style={{ width: 130 }} placeholder="结束 YYYY-MM-DD" />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Space>
                <Button onClick={() => add({ name: '', from: '', to: '' })}>添加假日</Button>
                <Button type="primary" htmlType="submit">
                  保存节假日
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  )
}
