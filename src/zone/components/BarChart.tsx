import { View } from '@tarojs/components'
import type { ZoneChart } from '@cloud/contracts/zone'
import { useLang } from '@/i18n/store'
import { figureText, inLang } from '@/zone/localize'
import { ChartSource } from './ChartSource'
import { Content } from './Content'
import './charts.scss'

/**
 * Horizontal bars drawn with views: real text (readable by screen readers and in large-font
 * mode), the same on H5 and weapp, and no chart library in the package.
 */
export function BarChart({ chart }: { chart: ZoneChart }) {
  const lang = useLang()
  const max = Math.max(...chart.figures.map((f) => f.value), 1)
  return (
    <View className="card zone-chart" data-chart={chart.id}>
      <View className="zone-chart__title" role="heading" aria-level={2}>
        <Content shown={inLang(lang, chart.title, chart.titleEn)} />
      </View>
      {chart.figures.map((f) => {
        const label = inLang(lang, f.label, f.labelEn)
        const value = figureText(f, lang)
        return (
          <View key={f.id} className="zone-chart__row" aria-label={`${label.text} ${value.text}`}>
            <Content block className="zone-chart__label" shown={label} />
            <View className="zone-chart__track">
              <View className="zone-chart__bar" style={{ width: `${Math.max(1, (f.value / max) * 72)}%` }} />
              <Content block className="zone-chart__value" shown={value} />
            </View>
          </View>
        )
      })}
      <ChartSource chart={chart} />
    </View>
  )
}
