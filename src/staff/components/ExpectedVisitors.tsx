import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { idTypeLabel, type ExpectedVisitor } from '@cloud/contracts/booking'
import { beijingTime } from '@/booking/dates'
import { useLang } from '@/i18n/store'
import { useStrings } from '@/i18n/strings'
import { callCloud } from '@/services/cloud'
import { Loaded } from '@/ui/Loaded'
import type { Loadable } from '@/ui/loadable'
import { staffText } from '@/staff/strings'

/** Who is expected in one session: names and masked IDs, those not yet in first (staff.expected). */
export function ExpectedVisitors({ sessionId }: { sessionId: string }) {
  const t = useStrings(staffText)
  const lang = useLang()
  const [state, setState] = useState<Loadable<ExpectedVisitor[]>>({ status: 'loading' })
  const load = () => {
    setState({ status: 'loading' })
    void callCloud('staff', 'expected', { sessionId }).then((res) => setState(res.ok ? { status: 'ready', data: res.data.visitors } : { status: 'error', error: res.error }))
  }
  useEffect(load, [sessionId])  
  return (
    <View className="st-expected" data-expected={sessionId}>
      <Loaded state={state} onRetry={load} loadingText={t('expectedLoading')}>
        {(visitors) =>
          visitors.length === 0 ? (
            <View className="muted">{t('expectedNone')}</View>
          ) : (
            <View>
              {visitors.map((v, i) => (
                <View key={i} className={`st-expected__row ${v.status === 'checked_in' ? 'st-expected__row--in' : ''}`}>
                  <View>
                    <View data-content>{v.name}</View>
                    <View className="muted">
                      {lang === 'en' ? '' : `${idTypeLabel(v.idType)} `}
                      {v.idMasked}
                    </View>
                  </View>
                  <View className="st-expected__state">
                    {v.status === 'checked_in' ? t('expectedIn', { time: v.checkedInAt ? beijingTime(v.checkedInAt, lang).slice(-5) : '' }) : t('expectedWaiting')}
                  </View>
                </View>
              ))}
            </View>
          )
        }
      </Loaded>
    </View>
  )
}
