// 园区数据导入: a companies or policies spreadsheet, checked with the same rules as `npm run
// import`; every problem listed by row, and nothing imported unless every row is right.
import { useState } from 'react'
import { Alert, App, Button, Table, Upload } from 'antd'
import { uploadLimitFor } from '../../../cloud/contracts/upload-limits'
import { call, fileToBase64 } from '../api'
import { API_BASE } from '../config'

type RowError = { row: number; column?: string; message: string }

export function ZoneImport() {
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ kind: string; imported: number; errors: RowError[]; fileName: string } | null>(null)
  const kindText = (k: string) => (k === 'companies' ? '企业名录' : '政策库')
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="上传企业表或政策表（.xlsx 或 .csv，模板见 data/templates/）。导入会整体替换对应名录；任何一行有问题都不会导入。"
      />
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={async (file) => {
          // Through a cloud function call the body is at most 6 MB (cloud/contracts/upload-limits.ts);
          // the local runtime keeps its own limits for spreadsheets.
          const limit = uploadLimitFor(API_BASE)
          if (limit.cloud && file.size > limit.maxBytes) {
            message.error(`表格${limit.message}`)
            return false
          }
          setBusy(true)
          setOutcome(null)
          const res = await call('console', 'importZone', { fileName: file.name, data: await fileToBase64(file) })
          setBusy(false)
          if (!res.ok) message.error(res.error.message)
          else setOutcome({ ...res.data, fileName: file.name })
          return false
        }}
      >
        <Button type="primary" loading={busy}>
          选择表格并导入
        </Button>
      </Upload>
      {outcome && outcome.errors.length === 0 && (
        <Alert style={{ marginTop: 16 }} type="success" showIcon message={`已导入${kindText(outcome.kind)} ${outcome.imported} 条（${outcome.fileName}）。`} />
      )}
      {outcome && outcome.errors.length > 0 && (
        <>
          <Alert style={{ marginTop: 16 }} type="error" showIcon message={`${outcome.fileName}：${kindText(outcome.kind)}有 ${outcome.errors.length} 处问题，未导入任何数据。请修改后重新上传。`} />
          <Table<RowError>
            style={{ marginTop: 16 }}
            rowKey={(e, i) => `${e.row}-${e.column}-${i}`}
            dataSource={outcome.errors}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: '行号', dataIndex: 'row', sorter: (a, b) => a.row - b.row, render: (r: number) => `第${r}行` },
              { title: '列', dataIndex: 'column', render: (c?: string) => c ?? '—' },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </>
  )
}
