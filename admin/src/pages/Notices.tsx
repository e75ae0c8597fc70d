// 公告管理: announcements on the app's home page, each with a validity window and a priority.
import { useState } from 'react'
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Space, Switch, Table, Tag } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { Notice } from '../../../cloud/contracts/ops'
import { call } from '../api'
import { clearErrorsOnEdit, useFormErrors } from '../useFormErrors'
import { useEditGuard } from '../unsaved'
import { useLoaded } from '../useLoaded'

interface NoticeForm {
  title: string
  body: string
  priority: number
  window: [Dayjs, Dayjs]
  published: boolean
}

const stateOf = (n: Notice, now = new Date().toISOString()) =>
  !n.published ? <Tag>未发布</Tag> : now < n.validFrom ? <Tag color="blue">待生效</Tag> : now >= n.validTo ? <Tag>已过期</Tag> : <Tag color="green">展示中</Tag>

export function Notices() {
  const { message } = App.useApp()
  const [editing, setEditing] = useState<Notice | 'new' | null>(null)
  const { data, loading, reload: load } = useLoaded(() => call('console', 'notices', {}))
  const rows = data?.notices ?? []

  return (
    <>
      <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setEditing('new')}>
        新建公告
      </Button>
      <Table<Notice>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '优先级', dataIndex: 'priority', sorter: (a, b) => a.priority - b.priority },
          { title: '生效时间', render: (_, n) => `${dayjs(n.validFrom).format('YYYY-MM-DD HH:mm')} 至 ${dayjs(n.validTo).format('YYYY-MM-DD HH:mm')}` },
          { title: '状态', render: (_, n) => stateOf(n) },
          {
            title: '操作',
            render: (_, n) => (
              <Space>
                <Button type="link" onClick={() => setEditing(n)}>
                  编辑
                </Button>
                <Popconfirm
                  title="删除这条公告？"
                  description="删除后观众端立即不再显示，且无法恢复。"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={async () => {
                    const res = await call('console', 'removeNotice', { id: n.id })
                    if (!res.ok) return void message.error(res.error.message)
                    message.success('已删除')
                    void load()
                  }}
                >
                  <Button type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && <NoticeModal notice={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), void load())} />}
    </>
  )
}

function NoticeModal({ notice, onClose, onSaved }: { notice: Notice | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<NoticeForm>()
  const [saving, setSaving] = useState(false)
  const showErrors = useFormErrors(form)
  const clearErrors = clearErrorsOnEdit(form)
  const guard = useEditGuard('notice-modal')
  const initial: NoticeForm = notice
    ? { title: notice.title, body: notice.body, priority: notice.priority, window: [dayjs(notice.validFrom), dayjs(notice.validTo)], published: notice.published }
    : { title: '', body: '', priority: 50, window: [dayjs().startOf('minute'), dayjs().add(7, 'day').endOf('day')], published: true }
  return (
    <Modal open title={notice ? '编辑公告' : '新建公告'} onCancel={guard.guardClose(onClose)} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={saving} destroyOnClose>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(changed) => (guard.touched(), clearErrors(changed))}
        onFinish={async (v) => {
          setSaving(true)
          const res = await call('console', 'saveNotice', {
            ...(notice ? { id: notice.id } : {}),
            title: v.title,
            body: v.body,
            priority: v.priority,
            validFrom: v.window[0].toISOString(),
            validTo: v.window[1].toISOString(),
            published: v.published,
          })
          setSaving(false)
          // The server names the window's ends; the form shows both under its one range field.
          if (!res.ok) {
            const { validFrom, validTo, ...fields } = res.error.fields ?? {}
            return showErrors({ ...res.error, fields: validFrom || validTo ? { ...fields, window: (validTo ?? validFrom)! } : fields })
          }
          message.success('公告已保存')
          onSaved()
        }}
      >
        {/* Limits are checked and shown, never applied by cutting the text or clamping the number. */}
        <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写公告标题' }, { max: 40, message: '不能超过 40 个字' }]}>
          <Input count={{ show: true, max: 40 }} />
        </Form.Item>
        <Form.Item label="内容" name="body" rules={[{ required: true, message: '请填写公告内容' }, { max: 500, message: '不能超过 500 个字' }]}>
          <Input.TextArea rows={4} count={{ show: true, max: 500 }} />
        </Form.Item>
        <Form.Item label="有效期" name="window" rules={[{ required: true, message: '请选择有效期' }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item label="优先级（0–100，越大越靠前）" name="priority" rules={[{ required: true, message: '请填写优先级' }, { type: 'integer', min: 0, max: 100, message: '优先级为 0–100 的整数' }]}>
          <InputNumber />
        </Form.Item>
        <Form.Item label="发布" name="published" valuePropName="checked">
          <Switch checkedChildren="发布" unCheckedChildren="草稿" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
