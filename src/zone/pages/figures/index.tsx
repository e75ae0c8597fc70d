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
import { useLang } from '@/i18n/store'
import { englishNote, figureText, inLang } from '@/zone/localize'
import { EnglishNoteLine } from '@/zone/components/Content'
import type { ZoneChart } from '@cloud/contracts/zone'
import type { GuideLang } from '@cloud/contracts/exhibit'

/** One note for the page: whether any chart's English is unreviewed, or missing. */
const chartsNote = (charts: ZoneChart[], lang: GuideLang) =>
  englishNote(
    lang,
    charts.some((c) => c.translationEn === 'machine') ? 'machine' : undefined,
    charts.flatMap((c) => [inLang(lang, c.title, c.titleEn), ...c.figures.flatMap((f) => [inLang(lang, f.label, f.labelEn), figureText(f, lang)])]),
  )

export default function FiguresPage() {
  const figures = useZone((s) => s.figures)
  const s = useStrings(zoneText)
  const lang = useLang()
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
        <EnglishNoteLine note={chartsNote(charts, lang)} what="figures" />
      </View>
      {charts.length === 0 && <View className="muted zone-empty">{s('noFigures')}</View>}
      {charts.map((chart) => (chart.kind === 'bar' ? <BarChart key={chart.id} chart={chart} /> : <StatChart key={chart.id} chart={chart} />))}
    </>
      )}
    </PageShell>
  )
}
