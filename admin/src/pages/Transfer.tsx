// 成果转化 (transfer officer): 对接 requests with the sender's contact and a status change with a
// note the sender reads; needs posted by companies, published or sent back with what to add; the
// results and platforms themselves (TransferLists.tsx).
import { useState } from 'react'
import { App, Button, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag } from 'antd'
import dayjs from 'dayjs'
import { NEED_STATUS_LABEL, REQUEST_STATUS_LABEL, REQUEST_STATUSES, trlText, type RequestStatus, type TransferNeed, type TransferRequestRecord } from '../../../cloud/contracts/transfer'
import { call } from '../api'
import { useLoaded } from '../useLoaded'
import { TransferLists } from './TransferLists'

type Row = TransferRequestRecord & { next: RequestStatus[] }

const KIND_LABEL = { result: '成果', need: '需求', platform: '平台' } as const
const STATUS_COLOR: Partial<Record<RequestStatus, string>> = { submitted: 'blue', accepted: 'cyan', needs_info: 'orange', declined: 'default', matching: 'geekblue', signed: 'green', registered: 'green', landed: 'purple' }

export function Transfer() {
  return (
    <Tabs
      items={[
        { key: 'requests', label: '对接请求', children: <Requests /> },
        { key: 'needs', label: '需求审核', children: <Needs /> },
        { key: 'lists', label: '成果与平台', children: <TransferLists /> },
      ]}
    />
  )
}

function Requests() {
  const [status, setStatus] = useState<RequestStatus | undefined>()
  const [moving, setMoving] = useState<Row | null>(null)
  const { data, loading, reload } = useLoaded(() => call('console', 'transferRequests', status ? { status } : {}))
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Select<RequestStatus | ''>
          aria-label="按状态筛选"
          style={{ width: 180 }}
          value={status ?? ''}
          options={[{ value: '', label: '全部状态' }, ...REQUEST_STATUSES.map((s) => ({ value: s, label: REQUEST_STATUS_LABEL[s] }))]}
          onChange={(v) => setStatus(v || undefined)}
        />
        <Button onClick={() => void reload()}>刷新</Button>
      </Space>
      <Table<Row>
        rowKey="id"
        loading={loading}
        dataSource={data?.requests ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '提交时间', render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm') },
          { title: '对接对象', render: (_, r) => `${KIND_LABEL[r.kind]}：${r.targetTitle}` },
          { title: '单位', dataIndex: 'organisation' },
          { title: '联系人', render: (_, r) => `${r.contactName} ${r.phone}` },
          { title: '留言', dataIndex: 'message', ellipsis: true },
          { title: '状态', render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{REQUEST_STATUS_LABEL[r.status]}</Tag> },
          { title: '可订阅消息', render: (_, r) => (r.notifyGrants > 0 ? `${r.notifyGrants} 条` : '—') },
          {
            title: '操作',
            render: (_, r) =>
              r.next.length ? (
                <Button type="link" onClick={() => setMoving(r)}>
                  更改状态
                </Button>
              ) : (
                '已结束'
              ),
          },
        ]}
      />
      {moving && <MoveModal row={moving} onClose={() => setMoving(null)} onDone={() => (setMoving(null), void reload())} />}
    </>
  )
}

function MoveModal({ row, onClose, onDone }: { row: Row; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ status: RequestStatus; note?: string }>()
  const [saving, setSaving] = useState(false)
  return (
    <Modal open title={`更改状态：${row.targetTitle}`} onCancel={onClose} onOk={() => form.submit()} okText="确定" cancelText="取消" confirmLoading={saving}>
      <p>
        当前状态：{REQUEST_STATUS_LABEL[row.status]}。{row.notifyGrants > 0 ? '提交人已授权订阅消息，本次更改会发送一条状态通知。' : '提交人没有可用的订阅授权，本次更改不发送消息，对方在“我的对接”中可见。'}
      </p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: row.next[0] }}
        onFinish={async (v) => {
          setSaving(true)
          const res = await call('console', 'setRequestStatus', { id: row.id, rev: row.rev, status: v.status, ...(v.note ? { note: v.note } : {}) })
          setSaving(false)
          if (!res.ok) return void message.error(res.error.message)
          message.success(res.data.notified ? '已更改，并已排队发送状态通知' : '已更改')
          onDone()
        }}
      >
        <Form.Item label="新状态" name="status" rules={[{ required: true, message: '请选择新状态' }]}>
          <Radio.Group options={row.next.map((s) => ({ value: s, label: REQUEST_STATUS_LABEL[s] }))} />
        </Form.Item>
        <Form.Item label="说明（提交人可见）" name="note" rules={[{ max: 200, message: '不能超过 200 个字' }]}>
          <Input.TextArea rows={3} count={{ show: true, max: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function Needs() {
  const { message } = App.useApp()
  const [returning, setReturning] = useState<TransferNeed | null>(null)
  const [note, setNote] = useState('')
  const { data, loading, reload } = useLoaded(() => call('console', 'transferNeeds', {}))
  const review = async (n: TransferNeed, decision: 'publish' | 'return', why?: string) => {
    const res = await call('console', 'reviewNeed', { id: n.id, rev: n.rev, decision, ...(why ? { note: why } : {}) })
    if (!res.ok) return void message.error(res.error.message)
    message.success(decision === 'publish' ? '已发布' : '已退回')
    setReturning(null)
    void reload()
  }
  return (
    <>
      <Table<TransferNeed>
        rowKey="id"
        loading={loading}
        dataSource={data?.needs ?? []}
        pagination={{ pageSize: 20 }}
        expandable={{
          expandedRowRender: (n) => (
            <div>
              <p>问题：{n.problem}</p>
              <p>已知：{n.clarity.known}</p>
              <p>试过：{n.clarity.tried}</p>
              <p>成功标准：{n.clarity.success}</p>
              {n.reviewNote && <p>审核说明：{n.reviewNote}</p>}
            </div>
          ),
        }}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '领域', dataIndex: 'field' },
          { title: '目标成熟度', render: (_, n) => trlText(n.targetTrl) },
          { title: '预算', dataIndex: 'budget' },
          { title: '有效期至', dataIndex: 'validUntil' },
          { title: '单位 / 联系人', render: (_, n) => `${n.organisation}${n.contactName ? ` · ${n.contactName} ${n.phone ?? ''}` : ''}` },
          { title: '状态', render: (_, n) => <Tag color={n.status === 'published' ? 'green' : n.status === 'pending' ? 'blue' : 'orange'}>{NEED_STATUS_LABEL[n.status]}</Tag> },
          {
            title: '操作',
            render: (_, n) =>
              n.status === 'pending' ? (
                <Space>
                  <Button type="link" onClick={() => void review(n, 'publish')}>
                    发布
                  </Button>
                  <Button type="link" onClick={() => (setNote(''), setReturning(n))}>
                    退回补充
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {returning && (
        <Modal open title={`退回补充：${returning.title}`} onCancel={() => setReturning(null)} onOk={() => void review(returning, 'return', note)} okText="退回" cancelText="取消" okButtonProps={{ disabled: note.trim().length < 4 }}>
          <p>写明需要补充什么，提交人在“我的对接”中可见。</p>
          <Input.TextArea aria-label="退回说明" rows={3} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
        </Modal>
      )}
    </>
  )
}
