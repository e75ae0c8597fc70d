import { View } from '@tarojs/components'
import type { ZoneChart } from '@cloud/contracts/zone'
import { gaugeScale } from '@/zone/gauge'
import { ChartSource } from './ChartSource'
import './charts.scss'

/** A few headline numbers side by side; a percentage also gets a gauge bar with its scale printed. */
export function StatChart({ chart }: { chart: ZoneChart }) {
  return (
    <View className="card zone-chart" data-chart={chart.id}>
      <View className="zone-chart__title" role="heading" aria-level={2} data-content>
        {chart.title}
      </View>
      <View className="zone-stat" data-content>
        {chart.figures.map((f) => (
          <View key={f.id} className="zone-stat__item">
            <View className="zone-stat__value">
              {f.value}
              <View className="zone-stat__unit">{f.unit}</View>
            </View>
            <View className="zone-stat__label">{f.label}</View>
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
        ))}
      </View>
      <ChartSource chart={chart} />
    </View>
  )
}
