// 展品管理: every exhibit in a table (sort, filter by hall, search, pages); editing in a drawer
// (texts in Chinese and English, key figures, company, hall, published), a photo upload with its
// alt text, and a link to the page exactly as visitors see it.
import { useMemo, useState } from 'react'
import { App, Button, Drawer, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Upload } from 'antd'
import type { Exhibit, Hall } from '../../../cloud/contracts/exhibit'
import type { ExhibitEdit } from '../../../cloud/contracts/api'
import { UPLOAD_RULES } from '../../../cloud/contracts/uploads'
import { call, uploadSource } from '../api'
import { visitorPage } from '../config'
import { clearErrorsOnEdit, useFormErrors } from '../useFormErrors'
import { DISCARD_CONFIRM, useUnsavedGuard } from '../unsaved'
import { ExhibitAudio } from './ExhibitAudio'
import { useLoaded } from '../useLoaded'

const previewUrl = (code: string) => visitorPage(`pages/exhibit/index?id=${encodeURIComponent(code)}`)

export function Exhibits() {
  const { message } = App.useApp()
  const [query, setQuery] = useState('')
  const [editing, setEditing] = useState<Exhibit | null>(null)
  const [creating, setCreating] = useState(false)

  const { data, loading, setData } = useLoaded(() => call('console', 'exhibits', {}))
  const halls = data?.halls ?? []
  // A saved or created exhibit replaces its row in place: the table keeps its page and filters.
  const putRow = (e: Exhibit) => setData((d) => d && { ...d, exhibits: d.exhibits.some((x) => x.code === e.code) ? d.exhibits.map((x) => (x.code === e.code ? e : x)) : [...d.exhibits, e] })

  const shown = useMemo(() => (data?.exhibits ?? []).filter((e) => !query || e.name.includes(query) || e.code.includes(query.toLowerCase())), [data, query])

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Input.Search placeholder="按名称或编号搜索" allowClear onSearch={setQuery} onChange={(e) => setQuery(e.target.value)} style={{ width: 260 }} />
        <Button type="primary" onClick={() => setCreating(true)}>
          新建展品
        </Button>
        <Button
          onClick={async () => {
            const res = await call('console', 'codeSheet', {})
            if (!res.ok) return void message.error(res.error.message)
            // The sheet is a print-ready A4 page: opened in the browser, 打印 → 另存为 PDF or a printer.
            const url = URL.createObjectURL(new Blob([res.data.html], { type: 'text/html' }))
            const a = document.createElement('a')
            a.href = url
            a.download = res.data.fileName
            a.click()
            setTimeout(() => URL.revokeObjectURL(url), 1000)
            message.success(`已下载 ${res.data.count} 件已发布展品的二维码（${res.data.fileName}），用浏览器打开后按 A4 打印`)
          }}
        >
          下载展品二维码（打印）
        </Button>
      </Space>
      <Table<Exhibit>
        rowKey="code"
        loading={loading}
        dataSource={shown}
        pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 件` }}
        columns={[
          { title: '编号', dataIndex: 'code', sorter: (a, b) => a.code.localeCompare(b.code) },
          { title: '名称', dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh') },
          { title: '展区', dataIndex: 'hall', filters: halls.map((h) => ({ text: h.name, value: h.id })), onFilter: (v, e) => e.hallId === v },
          { title: '企业', render: (_, e) => e.company.name },
          {
            title: '状态',
            render: (_, e) => (
              <Space>
                {e.unpublished ? <Tag>已下架</Tag> : <Tag color="green">已发布</Tag>}
                {e.source === 'illustrative' && <Tag color="orange">示意内容</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_, e) => (
              <Space>
                <Button type="link" onClick={() => setEditing(e)}>
                  编辑
                </Button>
                <a href={previewUrl(e.code)} target="_blank" rel="noreferrer">
                  预览
                </a>
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <NewExhibitModal
          halls={halls}
          onClose={() => setCreating(false)}
          onCreated={(e) => {
            setCreating(false)
            putRow(e)
            setEditing(e)
          }}
        />
      )}
      {editing && (
        <ExhibitDrawer
          exhibit={editing}
          halls={halls}
          onClose={() => setEditing(null)}
          onSaved={(e) => {
            putRow(e)
            setEditing(e)
          }}
        />
      )}
    </>
  )
}

function ExhibitDrawer({ exhibit, halls, onClose, onSaved }: { exhibit: Exhibit; halls: Hall[]; onClose: () => void; onSaved: (e: Exhibit) => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<ExhibitEdit>()
  const [saving, setSaving] = useState(false)
  const [alt, setAlt] = useState(exhibit.imageAlt)
  const [uploading, setUploading] = useState(false)
  const showErrors = useFormErrors(form)
  const clearErrors = clearErrorsOnEdit(form)
  const { modal } = App.useApp()
  // Edits not yet saved: closing the panel (or leaving the page) asks before they are dropped.
  const [dirty, setDirty] = useState(false)
  useUnsavedGuard('exhibit-drawer', dirty)
  const close = () => (dirty ? void modal.confirm({ ...DISCARD_CONFIRM, onOk: onClose }) : onClose())

  const initial: ExhibitEdit = {
    code: exhibit.code,
    name: exhibit.name,
    nameEn: exhibit.nameEn,
    hallId: exhibit.hallId,
    summary: exhibit.summary,
    summaryEn: exhibit.summaryEn,
    figures: exhibit.figures,
    company: exhibit.company,
    imageAlt: exhibit.imageAlt,
    published: !exhibit.unpublished,
    ...(exhibit.plan ? { plan: exhibit.plan } : {}),
  }

  return (
    <Drawer open width={720} title={`编辑展品：${exhibit.name}`} onClose={close} extra={<a href={previewUrl(exhibit.code)} target="_blank" rel="noreferrer">按观众所见预览</a>}>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(changed) => (clearErrors(changed), setDirty(true))}
        onFinish={async (values) => {
          setSaving(true)
          // The plan position is optional: both numbers or none.
          const { plan, ...rest } = values
          const placed = plan && typeof plan.x === 'number' && typeof plan.y === 'number' ? { plan } : {}
          const res = await call('console', 'saveExhibit', { ...rest, ...placed, code: exhibit.code })
          setSaving(false)
          // On error the form keeps what was typed; the server's per-field messages show under the fields.
          if (!res.ok) return showErrors(res.error)
          setDirty(false)
          const stale = res.data.staleAudio.map((l) => (l === 'zh' ? '中文' : '英文')).join('、')
          if (stale) message.warning(`展品已保存。${stale}讲解录音与新文字可能不符，已保留并标记，请在下方“语音讲解”中选择保留、重新生成或删除`)
          else message.success('展品已保存，观众页面即时生效')
          onSaved(res.data.exhibit)
        }}
      >
        <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写展品名称' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="英文名称" name="nameEn">
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item label="展区" name="hallId" rules={[{ required: true, message: '请选择展区' }]}>
          <Select options={halls.map((h) => ({ value: h.id, label: h.name }))} />
        </Form.Item>
        <Form.Item label="平面图位置（占楼层平面图宽、高的百分比，0–100）">
          <Space>
            <Form.Item name={['plan', 'x']} noStyle>
              <InputNumber min={0} max={100} addonBefore="横向" aria-label="平面图横向位置" />
            </Form.Item>
            <Form.Item name={['plan', 'y']} noStyle>
              <InputNumber min={0} max={100} addonBefore="纵向" aria-label="平面图纵向位置" />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item label="展品介绍" name="summary" rules={[{ required: true, message: '请填写展品介绍' }]}>
          <Input.TextArea rows={5} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item label="英文介绍" name="summaryEn">
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.List name="figures">
          {(fields, { add, remove }) => (
            <Form.Item label="关键数据">
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '数据名称' }]}>
                    <Input placeholder="名称，如 功率" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'value']} rules={[{ required: true, message: '数据值' }]}>
                    <Input placeholder="数值，如 120 kW" />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ label: '', value: '' })} disabled={fields.length >= 8}>
                添加一项
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item label="所属企业" name={['company', 'name']} rules={[{ required: true, message: '请填写企业名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="企业编号（链接到企业名录，可空）" name={['company', 'id']}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="图片文字说明" name="imageAlt" rules={[{ required: true, message: '请填写图片的文字说明' }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item label="在观众端发布" name="published" valuePropName="checked">
          <Switch checkedChildren="发布" unCheckedChildren="下架" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>

      <h3 style={{ marginTop: 32 }}>展品照片</h3>
      {exhibit.image && <img src={exhibit.imageSmall ?? exhibit.image} alt={exhibit.imageAlt} style={{ maxWidth: 320, display: 'block', marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input addonBefore="照片说明（必填）" value={alt} onChange={(e) => setAlt(e.target.value)} maxLength={120} aria-label="照片说明" />
        <Upload
          accept="image/jpeg,image/png,image/webp"
          showUploadList={false}
          beforeUpload={async (file) => {
            if (!alt.trim()) {
              message.error('请先填写照片说明（供读屏软件朗读）')
              return false
            }
            // Straight to storage, then processed by id (cloud/contracts/uploads.ts): 8 MB locally and hosted.
            if (file.size > UPLOAD_RULES.photo.maxBytes) {
              message.error('图片不能超过 8 MB，请压缩后再上传')
              return false
            }
            setUploading(true)
            const source = await uploadSource('photo', file)
            const res = source.ok ? await call('console', 'uploadPhoto', { code: exhibit.code, ...source.data, alt: alt.trim() }) : source
            setUploading(false)
            if (!res.ok) message.error(res.error.message)
            else {
              message.success('照片已上传并生成 1280 与 640 像素两种尺寸')
              // The form's own copy follows, so a later text save does not put the old description back.
              form.setFieldValue('imageAlt', res.data.exhibit.imageAlt)
              onSaved(res.data.exhibit)
            }
            return false
          }}
        >
          <Button loading={uploading}>上传照片（JPG/PNG/WebP，≤ 8 MB）</Button>
        </Upload>
      </Space>
      <ExhibitAudio exhibit={exhibit} onSaved={onSaved} />
    </Drawer>
  )
}

/** A new exhibit: its code is fixed once created (it is printed beside the exhibit). Saved as 下架
 *  until a photo is uploaded in the drawer that opens next. */
function NewExhibitModal({ halls, onClose, onCreated }: { halls: Hall[]; onClose: () => void; onCreated: (e: Exhibit) => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ code: string; name: string; hallId: string; summary: string; company: { name: string }; imageAlt: string }>()
  const [saving, setSaving] = useState(false)
  const showErrors = useFormErrors(form)
  return (
    <Modal open title="新建展品" okText="创建" cancelText="取消" confirmLoading={saving} onCancel={onClose} onOk={() => form.submit()} destroyOnClose>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setSaving(true)
          const res = await call('console', 'saveExhibit', { ...v, figures: [], published: false, isNew: true })
          setSaving(false)
          if (!res.ok) return showErrors(res.error)
          message.success('展品已创建（下架中），请上传照片后发布')
          onCreated(res.data.exhibit)
        }}
      >
        <Form.Item label="展品编号" name="code" extra="小写字母、数字或连字符，印在展品旁的二维码里，创建后不能修改" rules={[{ required: true, message: '请填写展品编号' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写展品名称' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="展区" name="hallId" rules={[{ required: true, message: '请选择展区' }]}>
          <Select options={halls.map((h) => ({ value: h.id, label: h.name }))} />
        </Form.Item>
        <Form.Item label="展品介绍" name="summary" rules={[{ required: true, message: '请填写展品介绍' }]}>
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
        <Form.Item label="所属企业" name={['company', 'name']} rules={[{ required: true, message: '请填写企业名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="图片文字说明" name="imageAlt" rules={[{ required: true, message: '请填写图片的文字说明' }]}>
          <Input maxLength={120} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
