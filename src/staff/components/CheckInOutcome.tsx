import { View } from '@tarojs/components'
import { idTypeLabel, shortDate } from '@cloud/contracts/booking'
import type { StaffState } from '@/staff/store'
import { useStrings } from '@/i18n/strings'
import { useErrorText } from '@/i18n/errors'
import { staffText } from '@/staff/strings'
import './staff.scss'

/** Each refusal the gate must tell apart, by the cloud's code: the title a staff member reads first. */
const OUTCOMES: Record<string, { outcome: string; title: 'refusedUsed' | 'refusedCancelled' | 'refusedOtherDay' | 'refusedUnknown' | 'refusedInvalid' }> = {
  TICKET_USED: { outcome: 'used', title: 'refusedUsed' },
  TICKET_CANCELLED: { outcome: 'cancelled', title: 'refusedCancelled' },
  TICKET_WRONG_DAY: { outcome: 'wrong-day', title: 'refusedOtherDay' },
  SHORT_CODE_NOT_FOUND: { outcome: 'unknown', title: 'refusedUnknown' },
  TICKET_INVALID: { outcome: 'invalid', title: 'refusedInvalid' },
}

/** What the gate sees after a scan: admitted with names (IDs masked), or refused with which refusal
 *  it is (already in — when and by whom —, cancelled, another day, unknown) and the reason. */
export function CheckInOutcome({ last }: { last: NonNullable<StaffState['last']> }) {
  const t = useStrings(staffText)
  const errorText = useErrorText()
  if (!last.ok) {
    const kind = OUTCOMES[last.error.code]
    return (
      <View className={`st-result st-result--no st-result--${kind?.outcome ?? 'other'}`} role="alert" data-outcome={kind?.outcome ?? 'other'}>
        <View className="st-result__title">{t(kind?.title ?? 'refused')}</View>
        <View className="st-result__line">{errorText(last.error)}</View>
      </View>
    )
  }
  const r = last.result
  return (
    <View className="st-result st-result--ok" role="status" data-outcome="admitted">
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
