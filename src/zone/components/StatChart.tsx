import { View } from '@tarojs/components'
import type { ZoneChart } from '@cloud/contracts/zone'
import { useLang } from '@/i18n/store'
import { gaugeScale } from '@/zone/gauge'
import { figureParts, inLang } from '@/zone/localize'
import { ChartSource } from './ChartSource'
import { Content } from './Content'
import './charts.scss'

/** A few headline numbers side by side; a percentage also gets a gauge bar with its scale printed. */
export function StatChart({ chart }: { chart: ZoneChart }) {
  const lang = useLang()
  return (
    <View className="card zone-chart" data-chart={chart.id}>
      <View className="zone-chart__title" role="heading" aria-level={2}>
        <Content shown={inLang(lang, chart.title, chart.titleEn)} />
      </View>
      <View className="zone-stat">
        {chart.figures.map((f) => {
          const parts = figureParts(f, lang)
          // Chinese shows the bare value (its qualifier is in the label's wording); English reads "over 300".
          const number = lang === 'zh' ? String(f.value) : parts.number
          return (
            <View key={f.id} className="zone-stat__item">
              <View className="zone-stat__value" data-content data-zh-only={parts.zhOnly ? true : undefined}>
                {number}
                <View className="zone-stat__unit">{parts.unit}</View>
              </View>
              <Content block className="zone-stat__label" shown={inLang(lang, f.label, f.labelEn)} />
              {f.unit === '%' && (
                <>
                  <View className="zone-chart__track zone-stat__gauge" data-scale-max={gaugeScale(f.value).max}>
                    <View className="zone-chart__bar" style={{ width: `${gaugeScale(f.value).width}%` }} />
                  </View>
                  <View className="zone-stat__scale" aria-hidden>
                    <View>0</View>
                    <View>{gaugeScale(f.value).max}%</View>
                  </View>
                </>
              )}
            </View>
          )
        })}
      </View>
      <ChartSource chart={chart} />
    </View>
  )
}
