import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { ErrorView } from '@/ui/ErrorView'
import { LoadingView } from '@/ui/LoadingView'
import { BarChart } from '@/zone/components/BarChart'
import { StatChart } from '@/zone/components/StatChart'
import { useZone, zoneStore } from '@/zone/store'
import '@/zone/components/zone.scss'
import { CareRoot } from '@/care/CareRoot'
import Taro from '@tarojs/taro'
import { useStrings } from '@/i18n/strings'
import { zoneText } from '@/zone/strings'

export default function FiguresPage() {
  const figures = useZone((s) => s.figures)
  const s = useStrings(zoneText)
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: s('figuresTitle') })
  }, [s])
  useEffect(() => {
    void zoneStore.getState().loadFigures()
  }, [])
  if (figures.status === 'idle' || figures.status === 'loading') return <LoadingView text={s('figuresLoading')} />
  if (figures.status === 'error') return <ErrorView error={figures.error} onRetry={() => void zoneStore.getState().loadFigures()} />
  return (
    <CareRoot>
    <View className="page zone-figures">
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          {s('figuresHead')}
        </View>
        <View className="muted">{s('figuresIntro')}</View>
      </View>
      {figures.data.length === 0 && <View className="muted zone-empty">{s('noFigures')}</View>}
      {figures.data.map((chart) => (chart.kind === 'bar' ? <BarChart key={chart.id} chart={chart} /> : <StatChart key={chart.id} chart={chart} />))}
    </View>
    </CareRoot>
  )
}
