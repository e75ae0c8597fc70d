import { View } from '@tarojs/components'
import type { ZoneChart } from '@cloud/contracts/zone'
import { ChartSource } from './ChartSource'
import './charts.scss'

const valueText = (f: ZoneChart['figures'][number]) => `${f.qualifier === '近' ? '近' : ''}${f.value}${f.qualifier === '余' ? '余' : ''}${f.unit}`

/**
 * Horizontal bars drawn with views: real text (readable by screen readers and in large-font
 * mode), the same on H5 and weapp, and no chart library in the package.
 */
export function BarChart({ chart }: { chart: ZoneChart }) {
  const max = Math.max(...chart.figures.map((f) => f.value), 1)
  return (
    <View className="card zone-chart" data-chart={chart.id}>
      <View className="zone-chart__title" role="heading" aria-level={2} data-content>
        {chart.title}
      </View>
      {chart.figures.map((f) => (
        <View key={f.id} className="zone-chart__row" data-content aria-label={`${f.label} ${valueText(f)}`}>
          <View className="zone-chart__label">{f.label}</View>
          <View className="zone-chart__track">
            <View className="zone-chart__bar" style={{ width: `${Math.max(1, (f.value / max) * 72)}%` }} />
            <View className="zone-chart__value">{valueText(f)}</View>
          </View>
        </View>
      ))}
      <ChartSource chart={chart} />
    </View>
  )
}
