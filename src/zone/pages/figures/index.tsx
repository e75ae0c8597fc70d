import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { ErrorView } from '@/ui/ErrorView'
import { LoadingView } from '@/ui/LoadingView'
import { BarChart } from '@/zone/components/BarChart'
import { StatChart } from '@/zone/components/StatChart'
import { useZone, zoneStore } from '@/zone/store'
import '@/zone/components/zone.scss'
import { CareRoot } from '@/care/CareRoot'

export default function FiguresPage() {
  const figures = useZone((s) => s.figures)
  useEffect(() => {
    void zoneStore.getState().loadFigures()
  }, [])
  if (figures.status === 'idle' || figures.status === 'loading') return <LoadingView text="正在加载区情数据…" />
  if (figures.status === 'error') return <ErrorView error={figures.error} onRetry={() => void zoneStore.getState().loadFigures()} />
  return (
    <CareRoot>
    <View className="page zone-figures">
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          大连高新区 · 创新数据
        </View>
        <View className="muted">科技创新核心指标持续领跑东北。以下数据均来自新闻报道，标明了统计时间。</View>
      </View>
      {figures.data.length === 0 && <View className="muted zone-empty">暂无数据。</View>}
      {figures.data.map((chart) => (chart.kind === 'bar' ? <BarChart key={chart.id} chart={chart} /> : <StatChart key={chart.id} chart={chart} />))}
    </View>
    </CareRoot>
  )
}
