import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { PageShell } from '@/ui/PageShell'
import { BarChart } from '@/zone/components/BarChart'
import { StatChart } from '@/zone/components/StatChart'
import { useZone, zoneStore } from '@/zone/store'
import '@/zone/components/zone.scss'
import { useStrings } from '@/i18n/strings'
import { zoneText } from '@/zone/strings'
import { usePageTitle } from '@/services/page-title'

export default function FiguresPage() {
  const figures = useZone((s) => s.figures)
  const s = useStrings(zoneText)
  usePageTitle(s('figuresTitle'))
  useEffect(() => {
    void zoneStore.getState().loadFigures()
  }, [])
  return (
    <PageShell state={figures} className="zone-figures" loadingText={s('figuresLoading')} onRetry={() => void zoneStore.getState().loadFigures()}>
      {(charts) => (
    <>
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          {s('figuresHead')}
        </View>
        <View className="muted">{s('figuresIntro')}</View>
      </View>
      {charts.length === 0 && <View className="muted zone-empty">{s('noFigures')}</View>}
      {charts.map((chart) => (chart.kind === 'bar' ? <BarChart key={chart.id} chart={chart} /> : <StatChart key={chart.id} chart={chart} />))}
    </>
      )}
    </PageShell>
  )
}
