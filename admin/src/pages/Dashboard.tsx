// 数据看板: bookings, check-ins and no-shows per day; today's occupancy per session; exhibit
// scans; zone searches that found nothing; policy-match runs. ECharts (what Chinese consoles use).
import { useEffect, useMemo, useState } from 'react'
import { App, Card, Col, DatePicker, Row, Statistic, Table } from 'antd'
import ReactECharts from 'echarts-for-react'
import dayjs, { type Dayjs } from 'dayjs'
import type { CounterRow, Dashboard as DashboardData } from '../../../cloud/contracts/ops'
import { call } from '../api'

const sumBy = (rows: CounterRow[], key: (r: CounterRow) => string) => {
  const out = new Map<string, number>()
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + r.count)
  return [...out.entries()].sort((a, b) => b[1] - a[1])
}

export function Dashboard() {
  const { message } = App.useApp()
  // Null until the operator picks a range: the server's default (two weeks back to the last
  // bookable day, on the server's own today) comes back with the answer.
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null)
  const [data, setData] = useState<DashboardData | null>(null)
  useEffect(() => {
    void call('console', 'dashboard', range ? { fromDay: range[0].format('YYYY-MM-DD'), toDay: range[1].format('YYYY-MM-DD') } : {}).then((res) => {
      if (res.ok) setData(res.data)
      else message.error(res.error.message)
    })
  }, [range, message])
  const shown: [Dayjs, Dayjs] | null = range ?? (data ? [dayjs(data.fromDay), dayjs(data.toDay)] : null)
  const closedDays = (data?.days ?? []).filter((d) => d.closedReason)
  const dayLabel = (d: DashboardData['days'][number]) => `${d.day.slice(5)}${d.closedReason ? '\n闭馆' : ''}`

  const scans = useMemo(() => sumBy(data?.scans ?? [], (r) => r.counter.replace(/^scan:/, '')), [data])
  const noHits = useMemo(() => sumBy(data?.zoneNoHits ?? [], (r) => r.counter.replace(/^zone\.nohit:/, '')), [data])
  const totalScans = scans.reduce((n, [, c]) => n + c, 0)
  const matches = (data?.policyMatches ?? []).reduce((n, r) => n + r.count, 0)

  return (
    <>
      <DatePicker.RangePicker value={shown} allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} style={{ marginBottom: 16 }} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic title="预约人次" value={(data?.days ?? []).reduce((n, d) => n + d.booked, 0)} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="入馆人次" value={(data?.days ?? []).reduce((n, d) => n + d.checkedIn, 0)} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="展品扫码次数" value={totalScans} data-testid="scan-total" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="政策匹配次数" value={matches} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <Card
            title="每日预约、入馆与未到场（人次）"
            extra={
              closedDays.length > 0 && (
                <span data-testid="closed-days" title={closedDays.map((d) => `${d.day} ${d.closedReason}`).join('\n')}>
                  闭馆 {closedDays.length} 天：{closedDays.map((d) => d.day.slice(5)).join('、')}
                </span>
              )
            }
          >
            <ReactECharts
              style={{ height: 300 }}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { data: ['预约', '入馆', '未到场', '取消'] },
                xAxis: { type: 'category', data: (data?.days ?? []).map(dayLabel) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { name: '预约', type: 'bar', data: (data?.days ?? []).map((d) => d.booked) },
                  { name: '入馆', type: 'bar', data: (data?.days ?? []).map((d) => d.checkedIn) },
                  { name: '未到场', type: 'line', data: (data?.days ?? []).map((d) => d.noShow) },
                  { name: '取消', type: 'line', data: (data?.days ?? []).map((d) => d.cancelled) },
                ],
              }}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card title={data?.sessions.some((x) => x.closedReason) ? `今日各场次占用（${data.sessions.find((x) => x.closedReason)?.closedReason}）` : '今日各场次占用'}>
            <ReactECharts
              style={{ height: 300 }}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { data: ['已约', '已入馆', '容量'] },
                xAxis: { type: 'category', data: (data?.sessions ?? []).map((x) => (x.closedReason ? `${x.name}（已关闭）` : x.name)) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { name: '已约', type: 'bar', data: (data?.sessions ?? []).map((s) => s.booked) },
                  { name: '已入馆', type: 'bar', data: (data?.sessions ?? []).map((s) => s.checkedIn) },
                  { name: '容量', type: 'line', data: (data?.sessions ?? []).map((x) => (x.closedReason ? 0 : x.capacity)) },
                ],
              }}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Card title="展品扫码（按展品汇总，不含观众身份）">
            <Table
              size="small"
              rowKey={(r) => r[0]}
              dataSource={scans}
              pagination={{ pageSize: 8 }}
              columns={[
                { title: '展品编号', render: (_, r) => r[0] },
                { title: '扫码次数', render: (_, r) => r[1], sorter: (a, b) => a[1] - b[1] },
              ]}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card title="园区查询无结果的搜索词">
            <Table
              size="small"
              rowKey={(r) => r[0]}
              dataSource={noHits}
              pagination={{ pageSize: 8 }}
              columns={[
                { title: '搜索词', render: (_, r) => r[0] },
                { title: '次数', render: (_, r) => r[1], sorter: (a, b) => a[1] - b[1] },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  )
}
