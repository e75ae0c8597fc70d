import { View } from '@tarojs/components'
import { idTypeLabel, shortDate } from '@cloud/contracts/booking'
import type { StaffState } from '@/staff/store'
import './staff.scss'

/** What the gate sees after a scan: admitted with names (IDs masked), or refused with the reason. */
export function CheckInOutcome({ last }: { last: NonNullable<StaffState['last']> }) {
  if (!last.ok) {
    return (
      <View className="st-result st-result--no" role="alert">
        <View className="st-result__title">不予入馆</View>
        <View className="st-result__line">{last.error.message}</View>
      </View>
    )
  }
  const r = last.result
  return (
    <View className="st-result st-result--ok" role="status">
      <View className="st-result__title">核验通过，准予入馆（{r.visitors.length}人）</View>
      <View className="st-result__line">
        {shortDate(r.date)} {r.sessionName} {r.start}–{r.end}
      </View>
      {r.visitors.map((v, i) => (
        <View key={i} className="st-result__line">
          {v.name} · {idTypeLabel(v.idType)} {v.idMasked}
        </View>
      ))}
    </View>
  )
}
