// 二维码打印: choose halls or single exhibits, see the A4 sheet as it will print, print it. The links
// come from the server's H5_ORIGIN as set where it runs (console/qrsheet.ts), never from this build.
import { useMemo, useRef, useState } from 'react'
import { Alert, App, Button, Card, Col, Row, Space, Tree, Typography } from 'antd'
import type { DataNode } from 'antd/es/tree'
import type { ResponseOf } from '../../../cloud/contracts/api'
import { call } from '../api'
import { useLoaded } from '../useLoaded'

type Sheet = ResponseOf<'console', 'qrSheet'>

export function QrSheet() {
  const { message } = App.useApp()
  const { data } = useLoaded(() => call('console', 'exhibits', {}))
  const [checked, setChecked] = useState<string[]>([])
  const [sheet, setSheet] = useState<Sheet | null>(null)
  const [busy, setBusy] = useState(false)
  const frame = useRef<HTMLIFrameElement>(null)

  const tree: DataNode[] = useMemo(
    () =>
      (data?.halls ?? []).map((h) => ({
        key: `h:${h.id}`,
        title: h.name,
        children: (data?.exhibits ?? [])
          .filter((e) => e.hallId === h.id)
          .map((e) => ({ key: `e:${e.code}`, title: e.unpublished ? `${e.name}（未发布，不打印）` : e.name, disabled: !!e.unpublished })),
      })),
    [data],
  )
  const halls = checked.filter((k) => k.startsWith('h:')).map((k) => k.slice(2))
  const codes = checked.filter((k) => k.startsWith('e:')).map((k) => k.slice(2))

  const make = async () => {
    setBusy(true)
    const res = await call('console', 'qrSheet', { halls, codes })
    setBusy(false)
    if (!res.ok) return void message.error(res.error.message)
    setSheet(res.data)
  }

  return (
    <Row gutter={24}>
      <Col span={8}>
        <Card title="选择展区或展品" extra={<span>已选 {codes.length} 件</span>}>
          <Tree checkable defaultExpandAll={false} treeData={tree} checkedKeys={checked} onCheck={(keys) => setChecked((Array.isArray(keys) ? keys : keys.checked).map(String))} />
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" disabled={!checked.length} loading={busy} onClick={() => void make()}>
              生成二维码页
            </Button>
            <Button onClick={() => (setChecked([]), setSheet(null))}>清空</Button>
          </Space>
        </Card>
      </Col>
      <Col span={16}>
        <Card
          title="打印预览（A4，每页 6 个）"
          extra={
            sheet && (
              <Button type="primary" onClick={() => frame.current?.contentWindow?.print()}>
                打印
              </Button>
            )
          }
        >
          {!sheet ? (
            <Typography.Text type="secondary">在左侧勾选展区（整区）或单件展品，然后点「生成二维码页」。</Typography.Text>
          ) : (
            <>
              <Alert
                data-testid="qr-origin"
                style={{ marginBottom: 12 }}
                type={sheet.configured ? 'info' : 'warning'}
                showIcon
                message={
                  sheet.configured
                    ? `共 ${sheet.count} 个二维码，链接指向 ${sheet.origin}（服务器设置 H5_ORIGIN）`
                    : `未设置 H5_ORIGIN：二维码指向 ${sheet.origin}，只能在本机测试，不要张贴。请在服务器上设置观众站点的域名后重新生成。`
                }
                description={sheet.unpublished.length ? `未发布、未打印：${sheet.unpublished.join('、')}` : undefined}
              />
              <iframe ref={frame} title="二维码打印预览" srcDoc={sheet.html} style={{ width: '100%', height: 640, border: '1px solid #f0f0f0' }} />
            </>
          )}
        </Card>
      </Col>
    </Row>
  )
}
