// 操作日志: every operator change (who, when, what, and only the fields that changed), in words
// (cloud/contracts/audit-view.ts). Read-only by design: the server has no action that edits or
// removes an entry, and SQLite refuses it with a trigger.
import { useState } from 'react'
import { App, Button, DatePicker, Form, Select, Space, Table } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { AUDIT_ACTION_LABELS, describeAudit, type AuditView } from '../../../cloud/contracts/audit-view'
import type { AuditQuery } from '../../../cloud/contracts/ops'
import { call, downloadBase64 } from '../api'
import { useOnMount } from '../useOnMount'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

type Filter = { account?: string; action?: string; range?: [Dayjs, Dayjs] }

const toQuery = (f: Filter): AuditQuery => ({
  ...(f.account?.trim() ? { account: f.account.trim() } : {}),
  ...(f.action ? { operation: f.action } : {}),
  ...(f.range ? { fromDay: f.range[0].format('YYYY-MM-DD'), toDay: f.range[1].format('YYYY-MM-DD') } : {}),
  limit: 500,
})

export function Audit() {
  const { message } = App.useApp()
  const [form] = Form.useForm<Filter>()
  const [rows, setRows] = useState<AuditView[]>([])
  const [loading, setLoading] = useState(false)
  const [people, setPeople] = useState<Record<string, string>>({})
  const load = async (f: Filter = {}) => {
    setLoading(true)
    const res = await call('console', 'audit', toQuery(f))
    setLoading(false)
    if (res.ok) {
      setRows(res.data.entries.map((e) => describeAudit(e, res.data.names)))
      setPeople(res.data.names.accounts ?? {})
    }
    else message.error(res.error.message)
  }
  const exportXlsx = async () => {
    const res = await call('console', 'auditXlsx', toQuery(form.getFieldsValue()))
    if (!res.ok) return void message.error(res.error.message)
    downloadBase64(res.data.fileName, res.data.data, XLSX)
  }
  useOnMount(load)
  return (
    <>
      <Form form={form} layout="inline" onFinish={load} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="account" label="操作人">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 200 }}
            options={Object.entries(people).map(([value, name]) => ({ value, label: `${name}（${value}）` }))}
          />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Select allowClear style={{ width: 180 }} options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            筛选
          </Button>
          <Button onClick={exportXlsx}>导出 Excel</Button>
        </Space>
      </Form>
      <Table<AuditView>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm:ss'), sorter: (a, b) => a.at.localeCompare(b.at) },
          { title: '操作人', dataIndex: 'who', width: 160 },
          { title: '角色', dataIndex: 'roleLabel', width: 110 },
          { title: '操作', dataIndex: 'actionLabel', width: 140 },
          { title: '对象', dataIndex: 'targetLabel', width: 200 },
          {
            title: '改动（旧 → 新）',
            key: 'changes',
            render: (_: unknown, v) => (
              <div style={{ maxHeight: 240, overflow: 'auto' }}>
                {v.summary && <div>{v.summary}</div>}
                {v.changes.map((c, i) => (
                  <div key={i}>
                    <b>{c.field}</b>：<span style={{ color: '#a8071a'}}>{c.before}</span> → <span style={{ color: '#237804' }}>{c.after}</span>
                  </div>
                ))}
                {!v.summary && !v.changes.length && <span style={{ color: '#999' }}>（无字段改动）</span>}
              </div>
            ),
          },
        ]}
      />
    </>
  )
}
