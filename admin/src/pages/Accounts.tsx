// 账号管理 (admin only): the named accounts of staff and operators — create, change name or role,
// disable/enable, reset a password. Passwords are never shown; the server keeps only a hash.
import { useState } from 'react'
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd'
import { ACCOUNT_ROLE_LABELS, type AccountRoleName, type AccountView } from '../../../cloud/contracts/accounts'
import { call } from '../api'
import { useFormErrors } from '../useFormErrors'
import { useLoaded } from '../useLoaded'

const ROLE_OPTIONS = Object.entries(ACCOUNT_ROLE_LABELS).map(([value, label]) => ({ value, label }))

export function Accounts() {
  const { message, modal } = App.useApp()
  const [creating, setCreating] = useState(false)
  const [resetting, setResetting] = useState<AccountView | null>(null)
  const { data, loading, reload: load } = useLoaded(() => call('accounts', 'list', {}))
  const rows = data?.accounts ?? []

  // 管理员 can do everything, including managing every account: one slip of a select must not grant it.
  const changeRole = (a: AccountView, role: AccountRoleName) => {
    if (role !== 'admin') return void update(a.username, { role })
    modal.confirm({
      title: `把 ${a.name}（${a.username}）设为管理员？`,
      content: '管理员可以使用后台的全部功能：新建、停用账号和调整任何人的角色、重置他人密码、查看和导出操作日志，以及展品、公告、预约运营、园区数据的所有修改。',
      okText: '确认设为管理员',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => update(a.username, { role }),
    })
  }

  const update = async (username: string, patch: { role?: AccountRoleName; disabled?: boolean }) => {
    const res = await call('accounts', 'update', { username, ...patch })
    if (!res.ok) return void message.error(res.error.message)
    message.success('已更新')
    void load()
  }

  return (
    <>
      <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setCreating(true)}>
        新建账号
      </Button>
      <Table<AccountView>
        rowKey="username"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '用户名', dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
          { title: '姓名', dataIndex: 'name' },
          {
            title: '角色',
            filters: ROLE_OPTIONS.map((o) => ({ text: o.label, value: o.value })),
            onFilter: (v, a) => a.role === v,
            render: (_, a) => <Select size="small" value={a.role} options={ROLE_OPTIONS} style={{ width: 140 }} onChange={(role) => changeRole(a, role)} />,
          },
          { title: '状态', render: (_, a) => (a.disabled ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>) },
          {
            title: '操作',
            render: (_, a) => (
              <Space>
                <Popconfirm title={a.disabled ? `启用 ${a.name}？` : `停用 ${a.name}？停用后立即无法登录。`} okText="确定" cancelText="取消" onConfirm={() => update(a.username, { disabled: !a.disabled })}>
                  <Button type="link" danger={!a.disabled}>
                    {a.disabled ? '启用' : '停用'}
                  </Button>
                </Popconfirm>
                <Button type="link" onClick={() => setResetting(a)}>
                  重置密码
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {creating && <CreateModal onClose={() => setCreating(false)} onDone={() => (setCreating(false), void load())} />}
      {resetting && <ResetModal account={resetting} onClose={() => setResetting(null)} />}
    </>
  )
}

function CreateModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ username: string; name: string; role: AccountRoleName; password: string }>()
  const showErrors = useFormErrors(form)
  return (
    <Modal open title="新建账号" okText="创建" cancelText="取消" onCancel={onClose} onOk={() => form.submit()}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'staff' }}
        onFinish={async (v) => {
          const res = await call('accounts', 'create', v)
          if (!res.ok) return showErrors(res.error)
          message.success(`已创建账号 ${res.data.account.username}`)
          onDone()
        }}
      >
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="角色" name="role">
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item label="初始密码（至少 8 位）" name="password" rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function ResetModal({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ password: string }>()
  const showErrors = useFormErrors(form)
  return (
    <Modal open title={`重置 ${account.name} 的密码`} okText="重置" cancelText="取消" onCancel={onClose} onOk={() => form.submit()}>
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ password }) => {
          const res = await call('accounts', 'resetPassword', { username: account.username, password })
          if (!res.ok) return showErrors(res.error)
          message.success('密码已重置，锁定已解除')
          onClose()
        }}
      >
        <Form.Item label="新密码（至少 8 位）" name="password" rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
