// 操作日志: every operator change (account, time, action, before/after). Read-only by design: the
// server has no action that edits or removes an entry, and SQLite refuses it with a trigger.
import { useState } from 'react'
import { App, Button, DatePicker, Form, Input, Select, Table } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { AuditEntry } from '../../../cloud/contracts/ops'
import { call } from '../api'
import { useOnMount } from '../useOnMount'

const ACTIONS: Record<string, string> = {
  'console.saveExhibit': '编辑展品',
  'console.uploadPhoto': '上传展品照片',
  'console.saveHall': '保存展区',
  'console.uploadAudio': '上传讲解录音',
  'console.regenerateAudio': '按文本重新生成讲解',
  'console.saveNotice': '保存公告',
  'console.removeNotice': '删除公告',
  'console.closeDay': '闭馆',
  'console.importZone': '导入园区数据',
  'console.closeSession': '单场停场',
  'console.saveSessionTemplates': '修改场次模板',
  'console.setCapacity': '修改单场容量',
  'console.saveHolidays': '修改节假日',
  'console.saveCompany': '保存企业',
  'console.removeCompany': '删除企业',
  'console.savePolicy': '保存政策',
  'console.removePolicy': '删除政策',
  'console.saveChart': '修改园区数据图表',
}

const pretty = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v, null, 2))

export function Audit() {
  const { message } = App.useApp()
  const [rows, setRows] = useState<AuditEntry[]>([])
  const [loading, setLoading] = useState(false)
  const load = async (f: { account?: string; action?: string; range?: [Dayjs, Dayjs] } = {}) => {
    setLoading(true)
    const res = await call('console', 'audit', {
      ...(f.account ? { account: f.account.trim() } : {}),
      ...(f.action ? { operation: f.action } : {}),
      ...(f.range ? { fromDay: f.range[0].format('YYYY-MM-DD'), toDay: f.range[1].format('YYYY-MM-DD') } : {}),
      limit: 500,
    })
    setLoading(false)
    if (res.ok) setRows(res.data.entries)
    else message.error(res.error.message)
  }
  useOnMount(load)
  return (
    <>
      <Form layout="inline" onFinish={load} style={{ marginBottom: 16 }}>
        <Form.Item name="account" label="账号">
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Select allowClear style={{ width: 160 }} options={Object.entries(ACTIONS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          筛选
        </Button>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
        expandable={{
          expandedRowRender: (e) => (
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
              <div>
                <b>修改前</b>
                <pre style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflow: 'auto' }}>{pretty(e.before)}</pre>
              </div>
              <div>
                <b>修改后</b>
                <pre style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflow: 'auto' }}>{pretty(e.after)}</pre>
              </div>
            </div>
          ),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm:ss'), sorter: (a, b) => a.at.localeCompare(b.at) },
          { title: '账号', dataIndex: 'account' },
          { title: '角色', dataIndex: 'role' },
          { title: '操作', dataIndex: 'action', render: (a: string) => ACTIONS[a] ?? a },
          { title: '对象', dataIndex: 'target' },
        ]}
      />
    </>
  )
}
