// 展区管理: the halls in the order visitors see them (展区导览), each with its exhibit count; a
// form for a new hall or an edit (names in Chinese and English, floor, position, introduction).
// Exhibits pick their hall from this list in 展品管理; a renamed hall's exhibits follow at once.
import { useState } from 'react'
import { App, Button, Form, Input, InputNumber, Modal, Table } from 'antd'
import type { HallEdit, ResponseOf } from '../../../cloud/contracts/api'
import { call } from '../api'
import { useFormErrors } from '../useFormErrors'
import { useEditGuard } from '../unsaved'
import { useLoaded } from '../useLoaded'

type HallRow = ResponseOf<'console', 'halls'>['halls'][number]
/** The form's hall: an existing one with its position, or a new one placed last. */
type Editing = { hall: Partial<HallRow>; order: number; isNew: boolean }

export function Halls() {
  const { message } = App.useApp()
  const [editing, setEditing] = useState<Editing | null>(null)
  const { data, loading, reload: load } = useLoaded(() => call('console', 'halls', {}))
  const rows = data?.halls ?? []

  return (
    <>
      <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setEditing({ hall: {}, order: rows.length + 1, isNew: true })}>
        新建展区
      </Button>
      <Table<HallRow>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '顺序', render: (_, _h, i) => i + 1, width: 70 },
          { title: '编号', dataIndex: 'id' },
          { title: '名称', dataIndex: 'name' },
          { title: '英文名称', dataIndex: 'nameEn' },
          { title: '楼层', dataIndex: 'floor', width: 80 },
          { title: '展品数', dataIndex: 'exhibitCount', width: 90 },
          { title: '介绍', dataIndex: 'intro', ellipsis: true },
          {
            title: '操作',
            render: (_, h, i) => (
              <Button type="link" aria-label={`编辑展区 ${h.id}`} onClick={() => setEditing({ hall: h, order: i + 1, isNew: false })}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <HallModal
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            message.success('展区已保存，观众页面即时生效')
            void load()
          }}
        />
      )}
    </>
  )
}

function HallModal({ editing, onClose, onSaved }: { editing: Editing; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<HallEdit>()
  const showErrors = useFormErrors(form)
  const [saving, setSaving] = useState(false)
  const { hall, order, isNew } = editing
  const guard = useEditGuard('hall-modal')
  return (
    <Modal open title={isNew ? '新建展区' : `编辑展区：${hall.name}`} okText="保存" cancelText="取消" confirmLoading={saving} onCancel={guard.guardClose(onClose)} onOk={() => form.submit()} width={640}>
      <Form<HallEdit>
        form={form}
        layout="vertical"
        initialValues={{ id: hall.id, name: hall.name, nameEn: hall.nameEn, floor: hall.floor, intro: hall.intro, introEn: hall.introEn, order }}
        onValuesChange={guard.touched}
        onFinish={async (v) => {
          setSaving(true)
          const res = await call('console', 'saveHall', { ...v, isNew })
          setSaving(false)
          if (!res.ok) return showErrors(res.error)
          onSaved()
        }}
      >
        <Form.Item label="展区编号" name="id" extra="小写字母、数字和连字符，创建后不能修改" rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{0,29}$/, message: '展区编号只能用小写字母、数字和连字符，以字母开头' }]}>
          <Input disabled={!isNew} />
        </Form.Item>
        <Form.Item label="展区名称" name="name" rules={[{ required: true, message: '请填写展区名称' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="英文名称" name="nameEn">
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item label="楼层" name="floor">
          <Input maxLength={10} placeholder="如：1F" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label="顺序（观众展区列表中的位置，1 为第一）" name="order" rules={[{ required: true, message: '请填写顺序' }]}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item label="展区介绍" name="intro">
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
        <Form.Item label="英文介绍" name="introEn">
          <Input.TextArea rows={3} maxLength={600} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
