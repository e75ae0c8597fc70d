import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import museum from '@data/museum.json'
import { ScanEntry } from '@/components/ScanEntry'
import { TodayCard } from '@/components/TodayCard'
import { CrowdCard } from '@/components/CrowdCard'
import { exhibitsStore, useExhibits } from '@/exhibits/store'
import { homeEntries, type FeatureEntry } from '@/features'
import { entryEn } from '@/i18n/dict'
import { LangSwitch } from '@/i18n/LangSwitch'
import { useTabBarLanguage } from '@/i18n/tabbar'
import { useLang, useT } from '@/i18n/store'
import { paths } from '@/paths'
import { mediaUrl } from '@/services/media'
import { openPage } from '@/services/navigate'
import { Cell, CellGroup } from '@/ui/Cell'
import { Icon } from '@/ui/Icon'
import { PageShell } from '@/ui/PageShell'
import { NoticeBanner } from '@/notices/NoticeBanner'
import './index.scss'

export default function HomePage() {
  useTabBarLanguage()
  const lang = useLang()
  const t = useT()
  const m = lang === 'en' ? { ...museum, ...museum.en } : museum
  const entryText = (e: FeatureEntry) => (lang === 'en' && entryEn[e.key] ? entryEn[e.key] : e)
  const halls = useExhibits((s) => s.halls)
  useEffect(() => {
    if (exhibitsStore.getState().halls.status === 'idle') void exhibitsStore.getState().loadHalls()
  }, [])
  // One exhibit from each hall: a taste of every part of the museum.
  const featured = halls.status === 'ready' ? halls.data.flatMap((h) => h.exhibits.slice(0, 1)).slice(0, 4) : []

  const openEntry = (entry: FeatureEntry) => {
    if (entry.path) openPage(entry.path)
    else
      Taro.showModal({
        title: t('home.soonTitle'),
        content: t('home.soonText', { title: entryText(entry).title }),
        showCancel: false,
        confirmText: t('home.soonOk'),
      })
  }

  return (
    <PageShell className="home">
      <View className="home__hero">
        <View className="home__hero-top">
          <View className="home__name" role="heading" aria-level={1}>
            {m.name}
          </View>
          <LangSwitch />
        </View>
        <View className="home__sub">{lang === 'en' ? `Dalian High-tech Zone · ${m.openedOn}` : `大连高新区 · ${m.openedOn}`}</View>
      </View>

      <NoticeBanner />
      <TodayCard />
      <CrowdCard />

      <View className="home__scan">
        <ScanEntry />
      </View>

      <View className="home__grid">
        {homeEntries.map((entry) => {
          const text = entryText(entry)
          return (
            <View key={entry.key} className={`home__entry ${entry.path ? '' : 'home__entry--soon'}`} role="button" data-entry={entry.key} onClick={() => openEntry(entry)}>
              <View className="home__icon">
                <Icon name={entry.icon} color="brand" size="m" />
              </View>
              <View className="home__entry-text">
                <View className="home__entry-title">{text.title}</View>
                <View className="home__entry-sub">{entry.path ? text.subtitle : t('home.soon')}</View>
              </View>
            </View>
          )
        })}
      </View>

      {featured.length > 0 && (
        <View className="home__featured">
          <View className="section-title" role="heading" aria-level={2}>
            {t('home.featured')}
          </View>
          <View className="home__featured-grid">
            {featured.map((e) => (
              <View key={e.code} className="home__feature" role="link" data-featured={e.code} onClick={() => openPage(paths.exhibit(e.code))}>
                <Image className="home__feature-img cover-img" src={mediaUrl(e.image)} mode="aspectFill" ariaLabel={lang === 'en' ? e.imageAltEn ?? e.imageAlt : e.imageAlt} nativeProps={{ alt: '' }} />
                <View className="home__feature-name">{lang === 'en' ? e.nameEn ?? e.name : e.name}</View>
              </View>
            ))}
          </View>
        </View>
      )}

      <CellGroup title={t('home.visit')}>
        <Cell icon="clock" title={t('home.hours')} value={m.hours} />
        <Cell icon="calendar-days" title={t('home.closed')} value={m.closedNote} />
        <Cell icon="map-pin" title={t('home.address')} value={m.address} />
        <Cell icon="ticket" title={t('home.admission')} value={m.admission} />
      </CellGroup>

      <View className="card">
        <View className="section-title" role="heading" aria-level={2}>
          {t('home.about')}
        </View>
        <View className="home__intro">{m.intro}</View>
      </View>
      <CellGroup>
        <Cell icon="info" title={t('home.sources')} onTap={() => openPage(paths.sources)} action="sources" />
      </CellGroup>
    </PageShell>
  )
}
