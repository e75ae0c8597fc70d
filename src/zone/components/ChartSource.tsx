import { Text, View } from '@tarojs/components'
import { useStrings } from '@/i18n/strings'
import { zoneText } from '@/zone/strings'
import type { ZoneChart } from '@cloud/contracts/zone'
import { Illustrative } from '@/ui/Illustrative'
import './charts.scss'

export function ChartSource({ chart }: { chart: ZoneChart }) {
  const s = useStrings(zoneText)
  // The year and source are data as reported (Chinese); the labels are interface text.
  return (
    <View className="zone-chart__source">
      {chart.note && <View data-content>{chart.note}</View>}
      <View>
        {s('chartTime')}<Text data-content>{chart.year}</Text>{' · '}{s('chartSource')}<Text data-content>{chart.source}</Text>
        <Illustrative show={chart.sourceKind === 'illustrative'} />
      </View>
    </View>
  )
}
