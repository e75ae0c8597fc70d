// 园区数据导入 as a reviewed change: upload a companies or policies spreadsheet → see what it would
// add, change (field by field) and remove → confirm. Merging by id (nothing removed) is the default;
// replacing the whole list is a choice that shows what goes and never removes what an exhibit links
// to. The current lists export as the same spreadsheet, and the template downloads from here.
import { useState } from 'react'
import { Alert, App, Button, Card, Descriptions, Modal, Radio, Space, Table, Tag, Typography, Upload } from 'antd'
import type { ImportMode, ImportPreview } from '../../../cloud/contracts/ops'
import { call, downloadBase64, uploadSource, type UploadedSource } from '../api'

type RowError = ImportPreview['errors'][number]
type Kind = ImportPreview['kind']
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const KIND_TEXT: Record<Kind, string> = { companies: '企业名录', policies: '政策库' }
const UNIT: Record<Kind, string> = { companies: '家企业', policies: '项政策' }

export function ZoneImport() {
  const { message } = App.useApp()
  const [mode, setMode] = useState<ImportMode>('merge')
  const [file, setFile] = useState<({ name: string } & UploadedSource) | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)

  const runPreview = async ({ name, ...source }: { name: string } & UploadedSource, m: ImportMode) => {
    setBusy(true)
    setDone(null)
    const res = await call('console', 'previewImport', { fileName: name, ...source, mode: m })
    setBusy(false)
    if (!res.ok) return void (setPreview(null), message.error(res.error.message))
    setPreview(res.data)
  }
  const download = async (action: 'exportZone' | 'zoneTemplate', kind: Kind) => {
    const res = await call('console', action, { kind })
    if (!res.ok) return void message.error(res.error.message)
    downloadBase64(res.data.fileName, res.data.data, XLSX)
  }
  const confirm = () => {
    if (!file || !preview) return
    const apply = async () => {
      setBusy(true)
      const { name, ...source } = file
      const res = await call('console', 'importZone', { fileName: name, ...source, mode: preview.mode, baseline: preview.baseline })
      setBusy(false)
      if (!res.ok) return void message.error(res.error.message)
      const d = res.data
      setDone(`已导入${KIND_TEXT[d.kind]}（${file.name}）：新增 ${d.added}、修改 ${d.changed}、删除 ${d.removed}，未变 ${d.unchanged}。`)
      setPreview(null)
      setFile(null)
    }
    // Removing records is destructive: it is said again, by name, before it happens.
    if (preview.removed.length) {
      Modal.confirm({
        title: `整体替换将删除 ${preview.removed.length} ${UNIT[preview.kind]}`,
        content: preview.removed.map((r) => r.name).join('、'),
        okText: '确认删除并导入',
        okButtonProps: { danger: true },
        cancelText: '返回',
        onOk: apply,
      })
    } else void apply()
  }

  const nothingToDo = preview && !preview.added.length && !preview.changed.length && !preview.removed.length
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="导出与模板">
        <Space wrap>
          <Button onClick={() => void download('exportZone', 'companies')}>导出当前企业名录</Button>
          <Button onClick={() => void download('exportZone', 'policies')}>导出当前政策库</Button>
          <Button type="link" onClick={() => void download('zoneTemplate', 'companies')}>
            下载企业表模板
          </Button>
          <Button type="link" onClick={() => void download('zoneTemplate', 'policies')}>
            下载政策表模板
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          导出的表格可直接修改后再导入；表格第二页“填写说明”列出每一列的要求。
        </Typography.Paragraph>
      </Card>
      <Card title="导入表格">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group
            value={mode}
            onChange={(e) => {
              setMode(e.target.value as ImportMode)
              if (file) void runPreview(file, e.target.value as ImportMode)
            }}
            optionType="button"
            options={[
              { value: 'merge', label: '合并：按编号更新、新增，不删除' },
              { value: 'replace', label: '整体替换：删除表格中没有的' },
            ]}
          />
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={async (picked) => {
              // Straight to storage, then previewed and imported by id (cloud/contracts/uploads.ts); the
              // server holds the sheet to its own row and size limits.
              setBusy(true)
              const source = await uploadSource('sheet', picked)
              setBusy(false)
              if (!source.ok) {
                message.error(source.error.message)
                return false
              }
              const f = { name: picked.name, ...source.data }
              setFile(f)
              void runPreview(f, mode)
              return false
            }}
          >
            <Button type="primary" loading={busy && !preview}>
              选择表格并预览
            </Button>
          </Upload>
          <Typography.Text type="secondary">上传后先显示将新增、修改、删除的内容，确认后才写入；任何一行有问题都不会导入。</Typography.Text>
        </Space>
      </Card>
      {done && <Alert type="success" showIcon message={done} />}
      {preview && file && preview.errors.length > 0 && <RowErrors fileName={file.name} preview={preview} />}
      {preview && file && preview.errors.length === 0 && (
        <Card
          title={`预览：${file.name}（${KIND_TEXT[preview.kind]}，${preview.mode === 'merge' ? '合并' : '整体替换'}）`}
          data-testid="import-preview"
          extra={
            <Space>
              <Button onClick={() => (setPreview(null), setFile(null))}>取消</Button>
              <Button type="primary" danger={preview.removed.length > 0} disabled={preview.blocked || !!nothingToDo} loading={busy} onClick={confirm}>
                确认导入
              </Button>
            </Space>
          }
        >
          <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="新增">{preview.added.length}</Descriptions.Item>
            <Descriptions.Item label="修改">{preview.changed.length}</Descriptions.Item>
            <Descriptions.Item label="删除">{preview.removed.length}</Descriptions.Item>
            <Descriptions.Item label="未变">{preview.unchanged}</Descriptions.Item>
          </Descriptions>
          {preview.blocked && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              message="不能整体替换：下列被删除的数据仍被展品引用"
              description="请在表格中保留这些行，或改用“合并”方式导入。"
            />
          )}
          {nothingToDo && <Alert type="info" showIcon style={{ marginBottom: 16 }} message="表格与当前数据一致，没有需要导入的变化。" />}
          {preview.changed.length > 0 && (
            <Table
              title={() => '修改'}
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={preview.changed}
              columns={[
                { title: '编号', dataIndex: 'id', width: 120 },
                { title: '名称', dataIndex: 'name', width: 220 },
                {
                  title: '变化（原值 → 新值）',
                  render: (_, r) => (
                    <Space direction="vertical" size={2}>
                      {r.fields.map((f) => (
                        <span key={f.column} data-change={f.column}>
                          <Tag>{f.column}</Tag>
                          <Typography.Text delete type="secondary">
                            {f.before || '（空）'}
                          </Typography.Text>
                          {' → '}
                          <Typography.Text strong>{f.after || '（空）'}</Typography.Text>
                        </span>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          )}
          {preview.added.length > 0 && (
            <Table title={() => '新增'} size="small" rowKey="id" pagination={false} dataSource={preview.added} columns={[{ title: '编号', dataIndex: 'id', width: 120 }, { title: '名称', dataIndex: 'name' }]} style={{ marginTop: 16 }} />
          )}
          {preview.removed.length > 0 && (
            <Table
              title={() => '删除（表格中没有）'}
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={preview.removed}
              style={{ marginTop: 16 }}
              columns={[
                { title: '编号', dataIndex: 'id', width: 120 },
                { title: '名称', dataIndex: 'name', width: 220 },
                { title: '能否删除', render: (_, r) => (r.linkedBy.length ? <Tag color="red">不能删除：{r.linkedBy.join('、')} 引用</Tag> : <Tag>将删除</Tag>) },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  )
}

function RowErrors({ fileName, preview }: { fileName: string; preview: ImportPreview }) {
  return (
    <Card>
      <Alert type="error" showIcon message={`${fileName}：${KIND_TEXT[preview.kind]}有 ${preview.errors.length} 处问题，未导入任何数据。请修改后重新上传。`} />
      <Table<RowError>
        style={{ marginTop: 16 }}
        rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
        dataSource={preview.errors}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '行号', dataIndex: 'row', sorter: (a, b) => a.row - b.row, render: (r: number) => `第${r}行` },
          { title: '列', dataIndex: 'column', render: (c?: string) => c ?? '—' },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </Card>
  )
}
