// 修改密码 (from the header): any signed-in account changes its own password by giving the current one.
import { App, Form, Input, Modal } from 'antd'
import { call } from './api'
import { useFormErrors } from './useFormErrors'

export function ChangePassword({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ current: string; next: string; again: string }>()
  const showErrors = useFormErrors(form)
  return (
    <Modal open title="修改我的密码" okText="修改" cancelText="取消" onCancel={onClose} onOk={() => form.submit()}>
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ current, next }) => {
          const res = await call('accounts', 'changeOwnPassword', { current, next })
          if (!res.ok) {
            // A wrong current password belongs under that field, not in a toast.
            if (res.error.code === 'PASSWORD_WRONG' || res.error.code === 'PASSWORD_TRIES') return form.setFields([{ name: 'current', errors: [res.error.message] }])
            if (res.error.code === 'PASSWORD_SAME') return form.setFields([{ name: 'next', errors: [res.error.message] }])
            return showErrors(res.error)
          }
          message.success('密码已修改，下次登录请使用新密码')
          onClose()
        }}
      >
        <Form.Item label="当前密码" name="current" rules={[{ required: true, message: '请填写当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码（至少 8 位）" name="next" rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="again"
          dependencies={['next']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
