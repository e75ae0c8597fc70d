// The visit trail: a stamp card per hall, badges for completed halls, saved exhibits. Works
// offline: the stamps are on the device and the hall list comes from the offline cache.
import { useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import type { HallWithExhibits } from '@cloud/contracts/exhibit'
import { PageShell } from '@/ui/PageShell'
import { exhibitsStore, needsFresh, useExhibits } from '@/exhibits/store'
import { useLang } from '@/i18n/store'
import { exhibitPageUrl, openPage } from '@/services/navigate'
import { useTrail } from '../../stamps'
import { guideText } from '../../strings'
import { hallCards } from '../../trail'
import { StampCard } from '../../components/StampCard'
import { cardPicture } from '../../share/picture'
import './index.scss'
import { paths } from '@/paths'
import { usePageTitle } from '@/services/page-title'

export default function TrailPage() {
  const lang = useLang()
  const halls = useExhibits((s) => s.halls)
  const trail = useTrail()
  const [picture, setPicture] = useState<string | null>(null)
  const g = (k: Parameters<typeof guideText>[1], v?: Record<string, string | number>) => guideText(lang, k, v)

  useEffect(() => {
    if (needsFresh(exhibitsStore.getState().halls)) void exhibitsStore.getState().loadHalls()
  }, [])
  usePageTitle(guideText(lang, 'trailTitle'))

  const view = (list: HallWithExhibits[], savedAt: number | undefined) => {
  const cards = hallCards(list, trail)
  const makePicture = async () => {
    const d = new Date()
    setPicture(await cardPicture(cards, lang, `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`))
  }
  const names = new Map(list.flatMap((h) => h.exhibits.map((e) => [e.code, lang === 'en' ? e.nameEn ?? e.name : e.name] as const)))

  return (
    <>
        <View className="section-title" role="heading" aria-level={1}>
          {g('trailTitle')}
        </View>
        {savedAt && (
          <View className="trail__offline" role="status">
            {g('offline')}
          </View>
        )}
        <View className="muted trail__intro">{g('trailIntro')}</View>
        {cards.map((card) => (
          <StampCard key={card.hall.id} card={card} lang={lang} />
        ))}
        <View className="btn trail__share" role="button" data-action="card-picture" onClick={() => void makePicture()}>
          {g('share')}
        </View>
        {picture && (
          <View className="card trail__picture">
            <Image className="trail__picture-img" src={picture} mode="widthFix" showMenuByLongpress ariaLabel={g('pictureAlt')} nativeProps={{ alt: g('pictureAlt') }} />
            <View className="muted">{g('shareDone')}</View>
          </View>
        )}
        <View className="card">
          <View className="section-title" role="heading" aria-level={2}>
            {g('favourites')}
          </View>
          {trail.favourites.length === 0 && <View className="muted">{g('noFavourites')}</View>}
          {trail.favourites.map((code) => (
            <View key={code} className="trail__fav" role="link" onClick={() => openPage(exhibitPageUrl(code))}>
              ★ {names.get(code) ?? code}
            </View>
          ))}
        </View>
        <View className="btn btn--ghost" role="button" onClick={() => openPage(paths.exhibits)}>
          {g('openList')}
        </View>
    </>
  )
  }

  return (
    <PageShell state={halls} className="trail" loadingText={g('loading')} onRetry={() => void exhibitsStore.getState().loadHalls()}>
      {(list, ready) => view(list, ready.savedAt)}
    </PageShell>
  )
}
