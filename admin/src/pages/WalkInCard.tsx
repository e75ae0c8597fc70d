// 现场释放 on the booking settings page: how many minutes after a session starts its bookings not
// checked in are released, and to whom — the 候补 line (offers held at most until the session
// ends) or the door (the gate's 现场可放行 counter). A released holder is still admitted while
// places allow (docs/booking-waitlist.md).
import { App, Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd'
import type { WalkInSetting } from '../../../cloud/contracts/waitlist'
import { call } from '../api'
import { clearErrorsOnEdit, useFormErrors } from '../useFormErrors'
import { useLoaded } from '../useLoaded'

export function WalkInCard() {
  const { message } = App.useApp()
  const [form] = Form.useForm<WalkInSetting>()
  const showErrors = useFormErrors(form)
  const { data } = useLoaded(() => call('console', 'walkIn', {}))
  return (
    <Card title="现场释放（开场后未入场的名额）" data-testid="walkin-card" loading={!data}>
      {data && (
        <Form
          form={form}
          layout="inline"
          initialValues={data.walkIn}
          onValuesChange={clearErrorsOnEdit(form)}
          onFinish={async (v) => {
            const res = await call('console', 'saveWalkIn', v)
            if (!res.ok) return showErrors(res.error)
            message.success(res.data.walkIn.releaseAfterMinutes > 0 ? `已保存：开场 ${res.data.walkIn.releaseAfterMinutes} 分钟后释放` : '已保存：不释放')
          }}
        >
          <Form.Item label="开场后（分钟，0 为不释放）" name="releaseAfterMinutes" rules={[{ required: true, message: '请填写分钟数' }]}>
            <InputNumber min={0} max={240} precision={0} />
          </Form.Item>
          <Form.Item label="释放给" name="to">
            <Select
              style={{ width: 200 }}
              options={[
                { value: 'waitlist', label: '候补观众（限时确认）' },
                { value: 'onsite', label: '现场观众（闸口放行）' },
              ]}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              保存
            </Button>
          </Space>
        </Form>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        释放后，原预约显示「已释放」；持票人到场时若仍有余位照常入馆，否则闸口告知名额已释放。始终未到场的计为未到场。
      </Typography.Paragraph>
    </Card>
  )
}
