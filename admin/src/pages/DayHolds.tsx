// 团体保留名额 for the day the roster shows: each session's places (taken / capacity, of which held),
// holding N places for a named group (they count against capacity at once: visitors see fewer), and
// releasing a hold after a confirm that says what changes.
import { useEffect, useState } from 'react'
import { App, Button, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd'
import type { HoldSessionView, SessionHold } from '../../../cloud/contracts/holds'
import { HOLD_STATUS_LABEL } from '../../../cloud/contracts/holds'
import { call } from '../api'
import { clearErrorsOnEdit, useFormErrors } from '../useFormErrors'
import { useEditGuard } from '../unsaved'

export function DayHolds({ day, onChanged }: { day: string; onChanged?: () => void }) {
  const { message, modal } = App.useApp()
  const [data, setData] = useState<{ holds: SessionHold[]; sessions: HoldSessionView[]; today: string } | null>(null)
  const [holding, setHolding] = useState<HoldSessionView | null>(null)
  const load = async () => {
    const res = await call('console', 'holds', { from: day })
    if (res.ok) setData(res.data)
    else message.error(res.error.message)
  }
  useEffect(() => {
    void load()
    // Reloaded when the roster's day changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [day])

  const sessionOf = (id: string) => data?.sessions.find((s) => s.sessionId === id)
  const release = (h: SessionHold) => {
    const s = sessionOf(h.sessionId)
    const leftNow = s ? Math.max(0, s.capacity - s.taken) : null
    modal.confirm({
      title: `释放「${h.name}」保留的 ${h.places} 个名额？`,
      width: 480,
      content: (
        <div data-testid="release-impact">
          {s ? `${s.day} ${s.name} ${s.start}–${s.end}：观众可约名额由 ${leftNow} 增至 ${leftNow! + h.places}（容量 ${s.capacity}）。` : null}
          释放后这些名额立即开放给观众预约，保留记录留在列表中（已释放）。
        </div>
      ),
      okText: `释放 ${h.places} 个名额`,
      okButtonProps: { danger: true },
      cancelText: '不释放',
      onOk: async () => {
        const res = await call('console', 'releaseHold', { holdId: h.id })
        if (!res.ok) return void message.error(res.error.message)
        message.success(`已释放「${h.name}」的 ${h.places} 个名额`)
        void load()
        onChanged?.()
      },
    })
  }

  return (
    <div data-testid="day-holds" style={{ marginBottom: 16 }}>
      <Table<HoldSessionView>
        size="small"
        rowKey="sessionId"
        loading={!data}
        dataSource={data?.sessions ?? []}
        pagination={false}
        title={() => <b>团体保留名额（{day}）</b>}
        columns={[
          { title: '场次', render: (_, s) => `${s.name} ${s.start}–${s.end}` },
          { title: '容量', dataIndex: 'capacity' },
          { title: '观众已约', render: (_, s) => s.taken - s.held },
          { title: '团体保留', render: (_, s) => <span data-testid={`held-${s.sessionId}`}>{s.held}</span> },
          { title: '尚可预约', render: (_, s) => <span data-testid={`left-${s.sessionId}`}>{Math.max(0, s.capacity - s.taken)}</span> },
          {
            title: '操作',
            render: (_, s) =>
              s.closedReason ? (
                <Tag color="red">已闭馆/停场</Tag>
              ) : (
                !!data && s.day >= data.today && (
                  <Button type="link" aria-label={`为团体保留 ${s.sessionId}`} onClick={() => setHolding(s)}>
                    保留名额
                  </Button>
                )
              ),
          },
        ]}
      />
      {!!data?.holds.length && (
        <Table<SessionHold>
          style={{ marginTop: 8 }}
          size="small"
          rowKey="id"
          dataSource={data.holds}
          pagination={false}
          columns={[
            { title: '团体', dataIndex: 'name' },
            { title: '场次', render: (_, h) => sessionOf(h.sessionId)?.name ?? h.sessionId },
            { title: '人数', dataIndex: 'places' },
            { title: '备注', dataIndex: 'note', render: (n?: string) => n ?? '—' },
            { title: '状态', render: (_, h) => <Tag color={h.status === 'held' ? 'purple' : undefined}>{HOLD_STATUS_LABEL[h.status]}</Tag> },
            {
              title: '操作',
              render: (_, h) =>
                h.status === 'held' && (
                  <Button type="link" danger aria-label={`释放 ${h.name} 的保留`} onClick={() => release(h)}>
                    释放
                  </Button>
                ),
            },
          ]}
        />
      )}
      {holding && (
        <HoldDialog
          session={holding}
          onClose={() => setHolding(null)}
          onDone={(hold, left) => {
            setHolding(null)
            message.success(`已为「${hold.name}」保留 ${hold.places} 个名额；该场次观众尚可预约 ${left} 个`)
            void load()
            onChanged?.()
          }}
        />
      )}
    </div>
  )
}

type HoldForm = { places: number | null; name: string; note?: string }

function HoldDialog({ session, onClose, onDone }: { session: HoldSessionView; onClose: () => void; onDone: (hold: SessionHold, left: number) => void }) {
  const [form] = Form.useForm<HoldForm>()
  const showError = useFormErrors(form)
  const clearOnEdit = clearErrorsOnEdit(form)
  const [saving, setSaving] = useState(false)
  const guard = useEditGuard('hold-dialog')
  const left = Math.max(0, session.capacity - session.taken)
  const close = guard.guardClose(onClose)
  return (
    <Modal open title={`为团体保留名额：${session.day} ${session.name} ${session.start}–${session.end}`} okText="保留名额" cancelText="取消" confirmLoading={saving} onCancel={close} onOk={() => form.submit()}>
      <p>
        容量 {session.capacity}，观众已约 {session.taken - session.held}，已保留 {session.held}，尚可预约 <b>{left}</b>。保留的名额立即从观众可约名额中扣除。
      </p>
      <Form<HoldForm>
        name="hold-places"
        form={form}
        layout="vertical"
        onValuesChange={(changed) => (guard.touched(), clearOnEdit(changed))}
        onFinish={async (v) => {
          setSaving(true)
          const res = await call('console', 'holdPlaces', { sessionId: session.sessionId, places: v.places ?? 0, name: v.name, ...(v.note?.trim() ? { note: v.note.trim() } : {}) })
          setSaving(false)
          if (!res.ok) return showError(res.error)
          guard.saved()
          onDone(res.data.hold, res.data.left)
        }}
      >
        <Space align="start">
          <Form.Item label="保留人数" name="places" rules={[{ required: true, message: '请填写保留名额' }, { type: 'integer', min: 1, message: '至少保留 1 个名额（整数）' }]}>
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label="团体名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写团体名称' }, { max: 20, message: '团体名称不能超过 20 个字' }]}>
            <Input style={{ width: 260 }} placeholder="如：市教育局参观团" />
          </Form.Item>
        </Space>
        <Form.Item label="备注（可不填）" name="note" rules={[{ max: 60, message: '备注不能超过 60 个字' }]}>
          <Input placeholder="如：贵宾，9:00 东门入场" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
