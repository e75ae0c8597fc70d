import { useEffect } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { PageShell } from '@/ui/PageShell'
import { ScanEntry } from '@/components/ScanEntry'
import { FloorPlan } from '@/exhibits/components/FloorPlan'
import { HallAudioKeeper } from '@/exhibits/components/HallAudioKeeper'
import { SavedCopyNotice } from '@/exhibits/components/SavedCopyNotice'
import { exhibitsStore, needsFresh, useExhibits } from '@/exhibits/store'
import { useTrail } from '@/guide/stamps'
import { useLang } from '@/i18n/store'
import { useStrings } from '@/i18n/strings'
import { exhibitsText } from '@/exhibits/strings'
import { mediaUrl } from '@/services/media'
import { exhibitPageUrl, openPage } from '@/services/navigate'
import { usePageTitle } from '@/services/page-title'
import './index.scss'

export default function ExhibitListPage() {
  const halls = useExhibits((s) => s.halls)
  const lang = useLang()
  const en = lang === 'en'
  const s = useStrings(exhibitsText)
  const trail = useTrail()
  const stamped = new Set(trail.stamps.map((s) => s.code))
  useEffect(() => {
    if (needsFresh(exhibitsStore.getState().halls)) void exhibitsStore.getState().loadHalls()
  }, [])
  usePageTitle(s('title'))

  return (
    <PageShell state={halls} className="exhibit-list" loadingText={s('loading')} onRetry={() => void exhibitsStore.getState().loadHalls()}>
      {(list, ready) => (
      <>
        {ready.savedAt && <SavedCopyNotice savedAt={ready.savedAt} onRetry={() => void exhibitsStore.getState().loadHalls()} />}
        <View className="card">
          <ScanEntry />
        </View>
        {list.length === 0 && <View className="muted">{s('settingUp')}</View>}
        {list.map((hall) => (
          <View key={hall.id} className="exhibit-list__hall" data-hall={hall.id}>
            <View className="section-title" role="heading" aria-level={2}>
              <Text data-content={en && !hall.nameEn ? true : undefined}>{en ? hall.nameEn ?? hall.name : hall.name}</Text>
              {hall.floor && <View className="tag exhibit-list__floor" data-content>{hall.floor}</View>}
            </View>
            {hall.intro && <View className="muted exhibit-list__intro" data-content={en && !hall.introEn ? true : undefined}>{en ? hall.introEn ?? hall.intro : hall.intro}</View>}
            {hall.exhibits.map((e, i) => (
              <View key={e.code} className="exhibit-list__item" role="link" data-code={e.code} onClick={() => openPage(exhibitPageUrl(e.code))}>
                <View className="exhibit-list__num" aria-hidden="true">
                  {i + 1}
                </View>
                <Image className="exhibit-list__thumb cover-img" src={mediaUrl(e.image)} mode="aspectFill" ariaLabel={en ? e.imageAltEn ?? e.imageAlt : e.imageAlt} nativeProps={{ alt: en ? e.imageAltEn ?? e.imageAlt : e.imageAlt }} />
                <View className="exhibit-list__text">
                  <View className="exhibit-list__name" data-content={en && !e.nameEn ? true : undefined}>{en ? e.nameEn ?? e.name : e.name}</View>
                  <View className="muted">
                    <Text data-content={en && !e.companyEn ? true : undefined}>{en ? e.companyEn ?? e.company.name : e.company.name}</Text>
                    {/* No-break spaces: the floor stays on the line of the company's name. */}
                    {hall.floor ? <Text data-content>{`\u00a0·\u00a0${hall.floor}`}</Text> : null}
                  </View>
                  {stamped.has(e.code) && <View className="exhibit-list__stamped">{s('stamped')}</View>}
                </View>
              </View>
            ))}
            <HallAudioKeeper hall={hall} />
            {/* Where the hall is comes after what is in it: the exhibits are what a visitor looks for. */}
            {hall.plan && <FloorPlan halls={list} current={hall} lang={lang} />}
          </View>
        ))}
      </>
      )}
    </PageShell>
  )
}
