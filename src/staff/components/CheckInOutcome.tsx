import { View } from '@tarojs/components'
import { idTypeLabel, shortDate } from '@cloud/contracts/booking'
import type { StaffState } from '@/staff/store'
import { useStrings } from '@/i18n/strings'
import { useErrorText } from '@/i18n/errors'
import { staffText } from '@/staff/strings'
import './staff.scss'

/** What the gate sees after a scan: admitted with names (IDs masked), or refused with the reason. */
export function CheckInOutcome({ last }: { last: NonNullable<StaffState['last']> }) {
  const t = useStrings(staffText)
  const errorText = useErrorText()
  if (!last.ok) {
    return (
      <View className="st-result st-result--no" role="alert">
        <View className="st-result__title">{t('refused')}</View>
        <View className="st-result__line">{errorText(last.error)}</View>
      </View>
    )
  }
  const r = last.result
  return (
    <View className="st-result st-result--ok" role="status">
      <View className="st-result__title">{t('admitted', { n: r.visitors.length })}</View>
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
