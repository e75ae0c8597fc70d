import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import museum from '@data/museum.json'
import { CareRoot } from '@/care/CareRoot'
import { ScanEntry } from '@/components/ScanEntry'
import { homeEntries, type FeatureEntry } from '@/features'
import { entryEn } from '@/i18n/dict'
import { LangSwitch } from '@/i18n/LangSwitch'
import { useLang, useT } from '@/i18n/store'
import { openPage } from '@/services/navigate'
import { NoticeBanner } from '@/notices/NoticeBanner'
import './index.scss'

export default function HomePage() {
  const lang = useLang()
  const t = useT()
  const m = lang === 'en' ? { ...museum, ...museum.en } : museum
  const entryText = (e: FeatureEntry) => (lang === 'en' && entryEn[e.key] ? entryEn[e.key] : e)

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
    <CareRoot>
      <View className="page home">
        <View className="home__bar">
          <LangSwitch />
        </View>
        <View className="home__hero">
          <View className="home__name" role="heading" aria-level={1}>
            {m.name}
          </View>
          <View className="home__sub">{lang === 'en' ? `Dalian High-tech Zone · ${m.openedOn}` : `大连高新区 · ${m.openedOn}`}</View>
        </View>

        <NoticeBanner />
        <View className="card home__info">
          <View className="home__row">
            <Text className="home__key">{t('home.hours')}</Text>
            <Text className="home__val">{m.hours}</Text>
          </View>
          <View className="home__row">
            <Text className="home__key">{t('home.closed')}</Text>
            <Text className="home__val">{m.closedNote}</Text>
          </View>
          <View className="home__row">
            <Text className="home__key">{t('home.address')}</Text>
            <Text className="home__val">{m.address}</Text>
          </View>
          <View className="home__row">
            <Text className="home__key">{t('home.admission')}</Text>
            <Text className="home__val">{m.admission}</Text>
          </View>
        </View>

        <View className="home__grid">
          {homeEntries.map((entry) => {
            const text = entryText(entry)
            return (
              <View
                key={entry.key}
                className={`home__entry ${entry.path ? '' : 'home__entry--soon'}`}
                role="button"
                data-entry={entry.key}
                onClick={() => openEntry(entry)}
              >
                <View className="home__icon" aria-hidden="true">
                  {entry.icon}
                </View>
                <View className="home__entry-title">{text.title}</View>
                <View className="home__entry-sub">{entry.path ? text.subtitle : t('home.soon')}</View>
              </View>
            )
          })}
        </View>

        <View className="card">
          <View className="section-title">{t('home.scan')}</View>
          <ScanEntry />
        </View>

        <View className="card">
          <View className="section-title">{t('home.about')}</View>
          <View className="home__intro">{m.intro}</View>
        </View>
        <View className="muted home__note">{m.sourceNote}</View>
      </View>
    </CareRoot>
  )
}
