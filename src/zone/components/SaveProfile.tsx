import { View } from '@tarojs/components'
import { useStrings } from '@/i18n/strings'
import { openPage } from '@/services/navigate'
import { alertNoticeSupported, askAlertNotice } from '@/zone/notify'
import { useZone, zonePaths, zoneStore } from '@/zone/store'
import { zoneText } from '@/zone/strings'

/** Under the calculator's result: save this profile for 政策提醒, and on weapp offer one alert message. */
export function SaveProfile() {
  const s = useStrings(zoneText)
  const alerts = useZone((st) => st.alerts)
  const saved = alerts.status === 'ready' && alerts.data.saved
  const subscribe = async () => {
    // The prompt must come straight from the tap; the grant is recorded only when accepted.
    if (await askAlertNotice()) await zoneStore.getState().subscribeAlerts()
  }
  return (
    <View className="card" data-section="save-profile">
      <View className="muted">{s('saveProfileHint')}</View>
      {alerts.status === 'loading' ? (
        <View className="muted">{s('savingProfile')}</View>
      ) : saved ? (
        <View>
          <View role="status">{s('profileSaved')}</View>
          {alertNoticeSupported &&
            (alerts.data.unusedNotices > 0 ? (
              <View className="muted">{s('subscribedAlerts', { n: alerts.data.unusedNotices })}</View>
            ) : (
              <View className="btn btn--ghost" role="button" onClick={() => void subscribe()}>
                {s('subscribeAlerts')}
              </View>
            ))}
          <View className="btn btn--ghost" role="link" onClick={() => openPage(zonePaths.alerts)}>
            {s('openAlerts')}
          </View>
        </View>
      ) : (
        <View className="btn" role="button" data-action="save-profile" onClick={() => void zoneStore.getState().saveProfile()}>
          {s('saveProfile')}
        </View>
      )}
      {alerts.status === 'error' && <View className="zone-note" role="alert">{alerts.error.message}</View>}
    </View>
  )
}
