import { useState } from 'react'
import { Alert, Button, Card, Form, Input } from 'antd'
import { signIn, type Session } from '../api'

export function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f7fa' }}>
      <Card title="高新区科技馆 管理后台" style={{ width: 380 }}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form
          layout="vertical"
          onFinish={async ({ username, password }: { username: string; password: string }) => {
            setBusy(true)
            const res = await signIn(username.trim(), password)
            setBusy(false)
            if (res.ok) onSignedIn(res.data)
            else setError(res.error.message)
          }}
        >
          <Form.Item label="账号" name="username" rules={[{ required: true, message: '请输入账号' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  )
}
