import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import museum from '@data/museum.json'
import { ScanEntry } from '@/components/ScanEntry'
import { homeEntries, type FeatureEntry } from '@/features'
import { openPage } from '@/services/navigate'
import './index.scss'

function openEntry(entry: FeatureEntry) {
  if (entry.path) openPage(entry.path)
  else Taro.showModal({ title: '即将开放', content: `「${entry.title}」正在建设中，敬请期待。`, showCancel: false, confirmText: '知道了' })
}

export default function HomePage() {
  return (
    <View className="page home">
      <View className="home__hero">
        <View className="home__name" role="heading" aria-level={1}>
          {museum.name}
        </View>
        <View className="home__sub">大连高新区 · {museum.openedOn}</View>
      </View>

      <View className="card home__info">
        <View className="home__row">
          <Text className="home__key">开放时间</Text>
          <Text className="home__val">{museum.hours}</Text>
        </View>
        <View className="home__row">
          <Text className="home__key">闭馆</Text>
          <Text className="home__val">{museum.closedNote}</Text>
        </View>
        <View className="home__row">
          <Text className="home__key">地址</Text>
          <Text className="home__val">{museum.address}</Text>
        </View>
        <View className="home__row">
          <Text className="home__key">入馆</Text>
          <Text className="home__val">{museum.admission}</Text>
        </View>
      </View>

      <View className="home__grid">
        {homeEntries.map((entry) => (
          <View
            key={entry.key}
            className={`home__entry ${entry.path ? '' : 'home__entry--soon'}`}
            role="button"
            aria-label={entry.path ? entry.title : `${entry.title}（即将开放）`}
            data-entry={entry.key}
            onClick={() => openEntry(entry)}
          >
            <View className="home__icon" aria-hidden="true">
              {entry.icon}
            </View>
            <View className="home__entry-title">{entry.title}</View>
            <View className="home__entry-sub">{entry.path ? entry.subtitle : '即将开放'}</View>
          </View>
        ))}
      </View>

      <View className="card">
        <View className="section-title">扫码看展</View>
        <ScanEntry />
      </View>

      <View className="card">
        <View className="section-title">场馆介绍</View>
        <View className="home__intro">{museum.intro}</View>
      </View>
      <View className="muted home__note">{museum.sourceNote}</View>
    </View>
  )
}
