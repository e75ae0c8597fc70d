import { View } from '@tarojs/components'
import type { ZoneChart } from '@cloud/contracts/zone'
import { Illustrative } from './Illustrative'
import './charts.scss'

export function ChartSource({ chart }: { chart: ZoneChart }) {
  return (
    <View className="zone-chart__source">
      {chart.note && <View>{chart.note}</View>}
      <View>
        时间：{chart.year}　来源：{chart.source}
        <Illustrative show={chart.sourceKind === 'illustrative'} />
      </View>
    </View>
  )
}
