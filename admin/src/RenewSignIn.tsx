// The sign-in dialog shown over the page when a sign-in expires mid-work (api.ts setSignInRenewal):
// the page underneath keeps what was typed, and the save that met the expiry is sent again.
import { useEffect, useRef, useState } from 'react'
import { Alert, Form, Input, Modal } from 'antd'
import { saveSession, setSignInRenewal, signIn, type Session } from './api'

export function RenewSignIn({ session, onRenewed }: { session: Session; onRenewed: (s: Session) => void }) {
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const answer = useRef<((renewed: boolean) => void) | null>(null)
  const [form] = Form.useForm<{ username: string; password: string }>()
  useEffect(() => {
    setSignInRenewal(
      () =>
        new Promise<boolean>((resolve) => {
          answer.current = resolve
          setError(null)
          setOpen(true)
        }),
    )
    return () => setSignInRenewal(null)
  }, [])
  const finish = (renewed: boolean) => {
    setOpen(false)
    form.resetFields(['password'])
    answer.current?.(renewed)
    answer.current = null
  }
  return (
    <Modal
      open={open}
      title="登录已过期"
      okText="登录并继续"
      cancelText="退出登录"
      confirmLoading={busy}
      maskClosable={false}
      closable={false}
      onOk={() => form.submit()}
      onCancel={() => finish(false)}
    >
      <p>为了安全，登录一段时间后需要重新输入密码。登录后会继续刚才的操作，页面上填写的内容不会丢失。</p>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ username: '' }}
        onFinish={async ({ username, password }) => {
          setBusy(true)
          const res = await signIn(username.trim(), password)
          setBusy(false)
          if (!res.ok) return setError(res.error.message)
          saveSession(res.data)
          onRenewed(res.data)
          finish(true)
        }}
      >
        <Form.Item label="账号" name="username" rules={[{ required: true, message: '请输入账号' }]} extra={`当前：${session.name}`}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
