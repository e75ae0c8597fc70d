// 成果与平台 (transfer officer): the results and the platform directory entered here, not only from
// data/transfer.json. A saved record passes the same schema as the seed file; a removal names what goes.
import { useState } from 'react'
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd'
import { PLATFORM_KINDS, PRICE_MODES, RESULT_KINDS, TRANSFER_MODES, trlText, type TransferPlatform, type TransferResult } from '../../../cloud/contracts/transfer'
import { INDUSTRIES } from '../../../cloud/contracts/zone'
import { call } from '../api'
import { saveFrom, StaleNotice, withoutRev } from '../revision'
import { useFormErrors } from '../useFormErrors'
import { useEditGuard } from '../unsaved'
import { useLoaded } from '../useLoaded'

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }))
const SOURCE_LABEL = { article: '文章', document: '文件', illustrative: '示例' } as const
/** What a result added here starts with besides the dialog's fields (the data file's other fields stay empty). */
const NEW_RESULT: Partial<TransferResult> = { coOwners: [], ip: [], indicators: [], keywords: [], policyIds: [], source: 'document', kind: '发明专利', priceMode: '面议', modes: [] }
const NEW_PLATFORM: Partial<TransferPlatform> = { counts: [], offers: [], source: 'document' }

type Editing = { kind: 'result'; record: TransferResult | null } | { kind: 'platform'; record: TransferPlatform | null }

export function TransferLists() {
  const { message, modal } = App.useApp()
  const [editing, setEditing] = useState<Editing | null>(null)
  const { data, loading, reload } = useLoaded(() => call('console', 'transferLists', {}))
  const remove = (kind: 'result' | 'platform', { id, rev = 0 }: { id: string; rev?: number }, name: string) =>
    modal.confirm({
      title: `删除${kind === 'result' ? '成果' : '平台'}「${name}」？`,
      content: <div data-testid="remove-impact">{kind === 'result' ? '删除后观众端的成果库和匹配中不再出现这项成果，且无法恢复。' : '删除后观众端的平台目录不再显示这个平台，且无法恢复。'}</div>,
      okText: `删除「${name}」`,
      okButtonProps: { danger: true },
      cancelText: '不删除',
      onOk: async () => {
        const res = kind === 'result' ? await call('console', 'removeResult', { id, rev }) : await call('console', 'removePlatform', { id, rev })
        if (!res.ok) return void message.error(res.error.message)
        message.success('已删除')
        void reload()
      },
    })
  const done = () => (setEditing(null), void reload())
  return (
    <>
      <Tabs
        items={[
          {
            key: 'results',
            label: `成果（${data?.results.length ?? 0}）`,
            children: (
              <>
                <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setEditing({ kind: 'result', record: null })}>
                  新增成果
                </Button>
                <Table<TransferResult>
                  rowKey="id"
                  loading={loading}
                  dataSource={data?.results ?? []}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: '编号', dataIndex: 'id' },
                    { title: '成果', dataIndex: 'title' },
                    { title: '领域', dataIndex: 'field' },
                    { title: '成熟度', render: (_, r) => trlText(r.trl) },
                    { title: '权利人', dataIndex: 'owner' },
                    { title: '转化方式', render: (_, r) => `${r.modes.join('、')} · ${r.priceMode}` },
                    { title: '来源', render: (_, r) => <Tag>{SOURCE_LABEL[r.source]}</Tag> },
                    { title: '操作', render: (_, r) => <RowActions onEdit={() => setEditing({ kind: 'result', record: r })} onRemove={() => remove('result', r, r.title)} /> },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'platforms',
            label: `平台（${data?.platforms.length ?? 0}）`,
            children: (
              <>
                <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setEditing({ kind: 'platform', record: null })}>
                  新增平台
                </Button>
                <Table<TransferPlatform>
                  rowKey="id"
                  loading={loading}
                  dataSource={data?.platforms ?? []}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: '编号', dataIndex: 'id' },
                    { title: '平台', dataIndex: 'name' },
                    { title: '类别', dataIndex: 'kind' },
                    { title: '数量', render: (_, p) => p.counts.map((c) => `${c.label}${c.value}`).join('、') || '—' },
                    { title: '提供', render: (_, p) => p.offers.join('、'), ellipsis: true },
                    { title: '操作', render: (_, p) => <RowActions onEdit={() => setEditing({ kind: 'platform', record: p })} onRemove={() => remove('platform', p, p.name)} /> },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      {/* Closed unsaved, the list is read again too: after a refusal it shows what the other officer saved. */}
      {editing?.kind === 'result' && <ResultDialog record={editing.record} onClose={done} onSaved={done} />}
      {editing?.kind === 'platform' && <PlatformDialog record={editing.record} onClose={done} onSaved={done} />}
    </>
  )
}

function RowActions({ onEdit, onRemove }: { onEdit: () => void; onRemove: () => void }) {
  return (
    <Space>
      <Button type="link" onClick={onEdit}>
        编辑
      </Button>
      <Button type="link" danger onClick={onRemove}>
        删除
      </Button>
    </Space>
  )
}

const required = (message: string) => [{ required: true, message }]

function ResultDialog({ record, onClose, onSaved }: { record: TransferResult | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ result: TransferResult }>()
  const [busy, setSaving] = useState(false)
  const [stale, setStale] = useState<string | null>(null)
  const showErrors = useFormErrors(form)
  const guard = useEditGuard('transfer-result-dialog')
  const close = guard.guardClose(onClose)
  return (
    <Modal open width={720} title={record ? `编辑成果：${record.title}` : '新增成果'} onCancel={close} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} destroyOnClose>
      <StaleNotice message={stale} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ result: record ?? NEW_RESULT }}
        onValuesChange={guard.touched}
        onFinish={async ({ result }) => {
          setSaving(true)
          // Fields the dialog does not show (deal, IP, policies …) are kept as stored.
          const res = await call('console', 'saveResult', { result: withoutRev({ ...NEW_RESULT, ...(record ?? {}), ...result } as TransferResult), ...saveFrom(record) })
          setSaving(false)
          if (!res.ok) {
            setStale(res.error.code === 'RESULT_STALE' ? res.error.message : null)
            return showErrors(res.error)
          }
          guard.saved()
          message.success('成果已保存，观众页面即时生效')
          onSaved()
        }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item label="编号" name={['result', 'id']} rules={required('请填写编号')} extra="小写字母、数字和连字符，保存后不能改">
            <Input disabled={!!record} />
          </Form.Item>
          <Form.Item label="成果名称" name={['result', 'title']} rules={required('请填写成果名称')}>
            <Input />
          </Form.Item>
          <Form.Item label="领域" name={['result', 'field']} rules={required('请选择领域')}>
            <Select aria-label="领域" options={options(INDUSTRIES)} />
          </Form.Item>
          <Form.Item label="成果类型" name={['result', 'kind']} rules={required('请选择成果类型')}>
            <Select aria-label="成果类型" options={options(RESULT_KINDS)} />
          </Form.Item>
          <Form.Item label="技术成熟度（TRL 1–9）" name={['result', 'trl']} rules={required('请填写成熟度')}>
            <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="权利人" name={['result', 'owner']} rules={required('请填写权利人')}>
            <Input />
          </Form.Item>
          <Form.Item label="转化方式" name={['result', 'modes']} rules={required('请至少选择一种转化方式')}>
            <Select aria-label="转化方式" mode="multiple" options={options(TRANSFER_MODES)} />
          </Form.Item>
          <Form.Item label="价格方式" name={['result', 'priceMode']} rules={required('请选择价格方式')}>
            <Select aria-label="价格方式" options={options(PRICE_MODES)} />
          </Form.Item>
          <Form.Item label="关键词" name={['result', 'keywords']} extra="回车或“、”分隔，用于与需求匹配" style={{ gridColumn: '1 / span 2' }}>
            <Select aria-label="关键词" mode="tags" tokenSeparators={['、']} open={false} />
          </Form.Item>
          <Form.Item label="简介" name={['result', 'summary']} rules={required('请填写简介')} style={{ gridColumn: '1 / span 2' }}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  )
}

function PlatformDialog({ record, onClose, onSaved }: { record: TransferPlatform | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ platform: TransferPlatform }>()
  const [busy, setSaving] = useState(false)
  const [stale, setStale] = useState<string | null>(null)
  const showErrors = useFormErrors(form)
  const guard = useEditGuard('transfer-platform-dialog')
  const close = guard.guardClose(onClose)
  return (
    <Modal open width={720} title={record ? `编辑平台：${record.name}` : '新增平台'} onCancel={close} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} destroyOnClose>
      <StaleNotice message={stale} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ platform: record ?? NEW_PLATFORM }}
        onValuesChange={guard.touched}
        onFinish={async ({ platform }) => {
          setSaving(true)
          const res = await call('console', 'savePlatform', { platform: withoutRev({ ...NEW_PLATFORM, ...(record ?? {}), ...platform, counts: platform.counts ?? [] } as TransferPlatform), ...saveFrom(record) })
          setSaving(false)
          if (!res.ok) {
            setStale(res.error.code === 'PLATFORM_STALE' ? res.error.message : null)
            return showErrors(res.error)
          }
          guard.saved()
          message.success('平台已保存，观众页面即时生效')
          onSaved()
        }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item label="编号" name={['platform', 'id']} rules={required('请填写编号')} extra="小写字母、数字和连字符，保存后不能改">
            <Input disabled={!!record} />
          </Form.Item>
          <Form.Item label="平台名称" name={['platform', 'name']} rules={required('请填写平台名称')}>
            <Input />
          </Form.Item>
          <Form.Item label="类别" name={['platform', 'kind']} rules={required('请选择类别')} extra="实验室、中试/小试基地归入“实验室与中试基地”">
            <Select aria-label="类别" options={options(PLATFORM_KINDS)} />
          </Form.Item>
          <Form.Item label="提供什么" name={['platform', 'offers']} rules={required('请至少写一项')} extra="回车或“、”分隔">
            <Select aria-label="提供什么" mode="tags" tokenSeparators={['、']} open={false} />
          </Form.Item>
          <Form.Item label="如何申请" name={['platform', 'howToApply']} rules={required('请写明如何申请')} style={{ gridColumn: '1 / span 2' }}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </div>
        <Form.List name={['platform', 'counts']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item label="数量" name={[f.name, 'value']} rules={required('请填写数量')}>
                    <Input placeholder="如 230余个" />
                  </Form.Item>
                  <Form.Item label="说明" name={[f.name, 'label']} rules={required('请填写说明')}>
                    <Input placeholder="如 市级以上研发平台" />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    去掉
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ value: '', label: '' })}>添加一项数量</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  )
}
