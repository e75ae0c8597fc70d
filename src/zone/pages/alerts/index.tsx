import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { PolicyAlertReason } from '@cloud/contracts/zone-alerts'
import { useStrings } from '@/i18n/strings'
import { usePageTitle } from '@/services/page-title'
import { openPage } from '@/services/navigate'
import { Loaded } from '@/ui/Loaded'
import { PageShell } from '@/ui/PageShell'
import { PolicyRow } from '@/zone/components/PolicyRow'
import { useZone, zonePaths, zoneStore } from '@/zone/store'
import { zoneText } from '@/zone/strings'
import '@/zone/components/zone.scss'

// 我的 → 政策提醒: fitting policies that are new, changed, or closing within 14 days (cloud/zone/alerts.ts).
export default function PolicyAlertsPage() {
  const s = useStrings(zoneText)
  const alerts = useZone((st) => st.alerts)
  usePageTitle(s('alerts'))
  useDidShow(() => void zoneStore.getState().loadAlerts())
  const reason = (r: PolicyAlertReason) =>
    r.kind === 'new' ? s('reasonNew') : r.kind === 'updated' ? s('reasonUpdated') : s('reasonClosing', { m: Number(r.closes.slice(5, 7)), d: Number(r.closes.slice(8, 10)) })
  return (
    <PageShell className="zone-alerts">
      <View className="section-title" role="heading" aria-level={1}>
        {s('alerts')}
      </View>
      <Loaded state={alerts} idle={null} onRetry={() => void zoneStore.getState().loadAlerts()}>
        {(view) =>
          !view.saved ? (
            <View>
              <View className="muted zone-empty">{s('alertsNotSaved')}</View>
              <View className="btn" role="link" onClick={() => openPage(zonePaths.match)}>
                {s('calculator')}
              </View>
            </View>
          ) : (
            <View>
              {view.savedAt && <View className="muted">{s('alertsSavedAt', { date: view.savedAt.slice(0, 10) })}</View>}
              {view.alerts.length === 0 && <View className="muted zone-empty">{s('alertsEmpty')}</View>}
              {view.alerts.map((a) => (
                <View key={a.policy.id} data-alert={a.policy.id}>
                  <View className="tag tag--alert" data-reason>
                    {a.reasons.map(reason).join(' · ')}
                  </View>
                  <PolicyRow policy={a.policy} />
                </View>
              ))}
            </View>
          )
        }
      </Loaded>
    </PageShell>
  )
}
