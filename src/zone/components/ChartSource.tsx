import { View } from '@tarojs/components'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { zoneText } from '@/zone/strings'
import type { ZoneChart } from '@cloud/contracts/zone'
import { Illustrative } from '@/ui/Illustrative'
import { inLang } from '@/zone/localize'
import { Content } from './Content'
import './charts.scss'

export function ChartSource({ chart }: { chart: ZoneChart }) {
  const s = useStrings(zoneText)
  const lang = useLang()
  // The year, source and note are data as reported; the labels are interface text.
  return (
    <View className="zone-chart__source">
      {chart.note && <Content block shown={inLang(lang, chart.note, chart.noteEn)} />}
      <View>
        {s('chartTime')}<Content shown={inLang(lang, chart.year, chart.yearEn)} />{' · '}{s('chartSource')}<Content shown={inLang(lang, chart.source, chart.sourceEn)} />
        <Illustrative show={chart.sourceKind === 'illustrative'} />
      </View>
    </View>
  )
}
