// 团体预约: a day's group requests and each session's group quota (places kept apart from the
// individuals'), approval, rejection and the museum's cancellation of an approved group, each after
// a confirm that says what changes, the roster as
// .xlsx and as a print page. Every decision is audited by the server.
import { useEffect, useState } from 'react'
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { ConsoleGroupRequest, GroupQuotaView, GroupRules, GroupStatus, RosterPersonView } from '../../../cloud/contracts/groups'
import { GROUP_STATUS_LABEL, ROSTER_KIND_LABEL } from '../../../cloud/contracts/groups'
import { call, downloadBase64 } from '../api'

type Rules = GroupRules & { quotaPerSession: number }

/** The group rules of the booking settings: size, teachers per pupils, each session's group places. */
function RulesForm({ rules, onSaved }: { rules: Rules; onSaved: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<Rules>()
  const [saving, setSaving] = useState(false)
  const save = async (values: Rules) => {
    setSaving(true)
    const res = await call('console', 'saveGroupRules', values)
    setSaving(false)
    if (!res.ok) {
      form.setFields(Object.entries(res.error.fields ?? {}).map(([name, error]) => ({ name: name as keyof Rules, errors: [error] })))
      return void message.error(res.error.message)
    }
    message.success('团体规则已保存：之后提交的团体按新规则核对；已提交的不受影响')
    onSaved()
  }
  return (
    <Card size="small" title="团体规则（预约设置）" style={{ marginBottom: 16 }} data-testid="group-rules">
      <Form form={form} layout="inline" initialValues={rules} onFinish={(v) => void save(v)}>
        <Form.Item label="最少人数" name="minPeople" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={1} max={150} />
        </Form.Item>
        <Form.Item label="最多人数" name="maxPeople" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={1} max={150} />
        </Form.Item>
        <Form.Item label="每名教师带学生数" name="pupilsPerTeacher" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item label="每场团体名额" name="quotaPerSession" tooltip="与个人名额分开；场次模板可单独设置" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={0} max={20000} />
        </Form.Item>
        <Button htmlType="submit" loading={saving}>
          保存团体规则
        </Button>
      </Form>
    </Card>
  )
}

const STATUS_COLOR: Record<GroupStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red', cancelled: 'default' }
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A print page built as DOM text nodes: what a leader typed is shown as text, never markup. */
function printRoster(r: ConsoleGroupRequest, roster: RosterPersonView[], printedAt: string) {
  const w = window.open('', '_blank')
  if (!w) return
  const d = w.document
  d.title = `团体名单 ${r.organisation}`
  const add = (parent: HTMLElement, tag: string, text?: string) => {
    const el = d.createElement(tag)
    if (text !== undefined) el.textContent = text
    parent.appendChild(el)
    return el
  }
  add(d.body, 'h2', r.organisation)
  add(d.body, 'p', `${r.day} ${r.sessionName} ${r.start}–${r.end}　共 ${r.people} 人（教师 ${r.counts.teachers}、学生 ${r.counts.students}、成人 ${r.counts.adults}）　${GROUP_STATUS_LABEL[r.status]}`)
  add(d.body, 'p', `领队：${r.leaderName} ${r.leaderPhone}　预约编号：${r.id}　打印时间：${printedAt}`)
  const table = add(d.body, 'table')
  table.setAttribute('border', '1')
  table.style.borderCollapse = 'collapse'
  const head = add(table, 'tr')
  for (const h of ['序号', '姓名', '证件号码', '类型', '入馆']) add(head, 'th', h)
  roster.forEach((p, i) => {
    const row = add(table, 'tr')
    for (const text of [String(i + 1), p.name, p.idMasked, ROSTER_KIND_LABEL[p.kind], '']) add(row, 'td', text)
  })
  w.print()
}

/** The day a link names (`#/groups?day=2026-11-27`), else tomorrow: groups book ahead. */
function initialDay(): Dayjs {
  const named = /[?&]day=(\d{4}-\d{2}-\d{2})/.exec(window.location.hash)?.[1]
  return named ? dayjs(named) : dayjs().add(1, 'day')
}

export function Groups() {
  const { message, modal } = App.useApp()
  const [day, setDay] = useState<Dayjs>(initialDay)
  const [status, setStatus] = useState<GroupStatus | undefined>(undefined)
  const [data, setData] = useState<{ requests: ConsoleGroupRequest[]; sessions: GroupQuotaView[]; rules: Rules } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = async (d = day, s = status) => {
    setData(null)
    const res = await call('console', 'groupRequests', { day: d.format('YYYY-MM-DD'), ...(s ? { status: s } : {}) })
    if (!res.ok) return setError(res.error.message)
    setData(res.data)
    setError(null)
  }
  useEffect(() => {
    void load()
    // Loaded once; later loads follow the day and status chosen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const approve = (r: ConsoleGroupRequest) =>
    modal.confirm({
      title: `通过「${r.organisation}」的团体预约？`,
      width: 520,
      content: (
        <div data-testid="approve-impact">
          {r.day} {r.sessionName} {r.start}–{r.end}，{r.people} 人（教师 {r.counts.teachers}、学生 {r.counts.students}、成人 {r.counts.adults}）。
          这些名额在提交时已从团体名额中占用，通过不改变名额；通过后领队可出示团体码，由闸口按人数核验入馆。
        </div>
      ),
      okText: `通过（${r.people} 人）`,
      cancelText: '暂不',
      onOk: async () => {
        const res = await call('console', 'approveGroup', { requestId: r.id })
        if (!res.ok) return void message.error(res.error.message)
        message.success(`已通过「${r.organisation}」`)
        void load()
      },
    })

  const reject = (r: ConsoleGroupRequest) => {
    let reason = ''
    modal.confirm({
      title: `不通过「${r.organisation}」的团体预约？`,
      width: 520,
      content: (
        <div>
          <p data-testid="reject-impact">
            将释放 {r.day} {r.sessionName}的 {r.people} 个团体名额，名单上 {r.people} 人当天的预约资格随之释放；领队会看到原因。
          </p>
          <Input.TextArea aria-label="未通过原因" rows={3} maxLength={100} onChange={(e) => (reason = e.target.value)} />
        </div>
      ),
      okText: '不通过',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const res = await call('console', 'rejectGroup', { requestId: r.id, reason })
        if (!res.ok) {
          message.error(res.error.message)
          // Keep the dialog open so the reason can be fixed.
          throw new Error(res.error.message)
        }
        message.success(`已不通过「${r.organisation}」，名额已释放`)
        void load()
      },
    })
  }

  // The museum cancels one approved group: the confirm names who, when, and the heads whose places
  // and day claims go back; the reason is what the leader reads under 已取消.
  const cancelGroup = (r: ConsoleGroupRequest) => {
    let reason = ''
    modal.confirm({
      title: `取消「${r.organisation}」的团体预约？`,
      width: 520,
      content: (
        <div>
          <p data-testid="cancel-impact">
            「{r.organisation}」{r.day} {r.sessionName} {r.start}–{r.end}，已通过 {r.people} 人。取消后释放这 {r.people} 个团体名额，名单上 {r.people}{' '}
            人当天的预约资格随之释放，团体码失效；领队在「我的团体预约」中看到“已取消”和原因。
          </p>
          <Input.TextArea aria-label="取消原因" rows={3} maxLength={100} onChange={(e) => (reason = e.target.value)} />
        </div>
      ),
      okText: `取消预约（释放 ${r.people} 人）`,
      okButtonProps: { danger: true },
      cancelText: '不取消',
      onOk: async () => {
        const res = await call('console', 'cancelGroup', { requestId: r.id, reason })
        if (!res.ok) {
          message.error(res.error.message)
          // Keep the dialog open so the reason can be fixed.
          throw new Error(res.error.message)
        }
        message.success(`已取消「${r.organisation}」，释放 ${res.data.released} 个团体名额`)
        void load()
      },
    })
  }

  const roster = async (r: ConsoleGroupRequest, as: 'xlsx' | 'print') => {
    const res = await call('console', 'groupRoster', { requestId: r.id })
    if (!res.ok) return void message.error(res.error.message)
    if (as === 'xlsx') downloadBase64(res.data.fileName, res.data.data, XLSX)
    else printRoster(res.data.request, res.data.roster, res.data.printedAt)
  }

  return (
    <div data-testid="groups-page">
      <Space style={{ marginBottom: 16 }}>
        <DatePicker data-testid="groups-day" value={day} allowClear={false} onChange={(d) => d && (setDay(d), void load(d))} />
        <Select<GroupStatus | 'all'>
          aria-label="状态"
          style={{ width: 140 }}
          value={status ?? 'all'}
          onChange={(v) => {
            const s = v === 'all' ? undefined : v
            setStatus(s)
            void load(day, s)
          }}
          options={[{ value: 'all', label: '全部状态' }, ...(Object.keys(GROUP_STATUS_LABEL) as GroupStatus[]).map((s) => ({ value: s, label: GROUP_STATUS_LABEL[s] }))]}
        />
        <Button onClick={() => void load()}>刷新</Button>
      </Space>
      {error ? (
        <Card>
          <p role="alert">{error}</p>
          <Button onClick={() => void load()}>重试</Button>
        </Card>
      ) : (
        <>
          {data && <RulesForm rules={data.rules} onSaved={() => void load()} />}
          <Table<GroupQuotaView>
            size="small"
            rowKey="sessionId"
            loading={!data}
            dataSource={data?.sessions ?? []}
            pagination={false}
            style={{ marginBottom: 16 }}
            title={() => <b>团体名额（与个人名额分开）</b>}
            locale={{ emptyText: '这一天没有场次' }}
            columns={[
              { title: '场次', render: (_, s) => `${s.name} ${s.start}–${s.end}` },
              { title: '团体名额', dataIndex: 'quota' },
              { title: '已占用', render: (_, s) => <span data-testid={`group-taken-${s.sessionId}`}>{s.taken}</span> },
              { title: '剩余', render: (_, s) => Math.max(0, s.quota - s.taken) },
            ]}
          />
          <Table<ConsoleGroupRequest>
            rowKey="id"
            loading={!data}
            dataSource={data?.requests ?? []}
            pagination={false}
            title={() => <b>团体预约申请</b>}
            locale={{ emptyText: '这一天没有团体预约申请' }}
            // Two lines per cell (the organisation over its credit code, the session over its hours,
            // the people over their kinds) and fixed widths, so a 1280-px screen never breaks a time
            // or a header into a column of single characters.
            columns={[
              {
                title: '单位 / 统一社会信用代码',
                width: 220,
                render: (_, r) => (
                  <>
                    <div data-testid={`group-org-${r.id}`}>{r.organisation}</div>
                    <Typography.Text type="secondary">{r.creditCode}</Typography.Text>
                  </>
                ),
              },
              { title: '领队', render: (_, r) => `${r.leaderName} ${r.leaderPhone}` },
              {
                title: '场次',
                width: 112,
                render: (_, r) => (
                  <>
                    <div>{r.sessionName}</div>
                    <Typography.Text type="secondary">
                      {r.start}–{r.end}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: '人数',
                width: 190,
                render: (_, r) => (
                  <>
                    <div>{r.people} 人</div>
                    <Typography.Text type="secondary">
                      教师 {r.counts.teachers} · 学生 {r.counts.students} · 成人 {r.counts.adults}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: '状态',
                width: 80,
                render: (_, r) => (
                  <Tag color={STATUS_COLOR[r.status]} data-testid={`group-status-${r.id}`} title={r.reason}>
                    {GROUP_STATUS_LABEL[r.status]}
                  </Tag>
                ),
              },
              { title: '已入馆', width: 108, render: (_, r) => `${r.checkedIn} / ${r.people}` },
              {
                title: '操作',
                render: (_, r) => (
                  <Space size={0} wrap>
                    {r.status === 'pending' && (
                      <>
                        <Button type="link" aria-label={`通过 ${r.organisation}`} onClick={() => approve(r)}>
                          通过
                        </Button>
                        <Button type="link" danger aria-label={`不通过 ${r.organisation}`} onClick={() => reject(r)}>
                          不通过
                        </Button>
                      </>
                    )}
                    {r.status === 'approved' && r.checkedIn === 0 && (
                      <Button type="link" danger aria-label={`取消 ${r.organisation}`} onClick={() => cancelGroup(r)}>
                        取消
                      </Button>
                    )}
                    <Button type="link" onClick={() => void roster(r, 'xlsx')}>
                      名单 Excel
                    </Button>
                    <Button type="link" onClick={() => void roster(r, 'print')}>
                      打印名单
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  )
}
