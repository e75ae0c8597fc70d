// How full the halls are now, on the home page: an estimate from gate check-ins and an average
// stay (cloud/booking/crowd.ts), so it always says 「估算」 and the time it was made. A failure
// shows nothing: the home page works without it.
import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { CROWD_LEVEL_EN, CROWD_LEVEL_LABEL, type CrowdView } from '@cloud/contracts/crowd'
import { callCloud } from '@/services/cloud'
import { useLang } from '@/i18n/store'
import { defineStrings, useStrings } from '@/i18n/strings'

const S = defineStrings(
  {
    title: '馆内人流',
    estimate: '估算 {time}',
    how: '按最近{minutes}分钟入馆人数估算，约{n}人在馆',
  },
  {
    title: 'Crowd in the halls',
    estimate: 'Estimate {time}',
    how: 'From entries in the last {minutes} min: about {n} inside',
  },
)

export function CrowdCard() {
  // Read once per visit to home; nothing else shows it, so it needs no store.
  const [crowd, setCrowd] = useState<CrowdView | null>(null)
  const lang = useLang()
  const s = useStrings(S)
  useEffect(() => {
    void callCloud('booking', 'crowd', {}).then((res) => res.ok && setCrowd(res.data.crowd))
  }, [])
  if (!crowd) return null
  const level = lang === 'en' ? CROWD_LEVEL_EN[crowd.level] : CROWD_LEVEL_LABEL[crowd.level]
  return (
    <View className={`crowd card crowd--${crowd.level}`} role="region" aria-label={s('title')} data-crowd={crowd.level}>
      <View className="crowd__head">
        <View>{s('title')}</View>
        <View className="crowd__level">{level}</View>
        <View className="crowd__estimate">{s('estimate', { time: crowd.atText })}</View>
      </View>
      <View className="crowd__how">{s('how', { minutes: crowd.averageStayMinutes, n: crowd.inside })}</View>
    </View>
  )
}
