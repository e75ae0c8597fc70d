import { useEffect } from 'react'
import { Image, View } from '@tarojs/components'
import { ErrorView } from '@/components/ErrorView'
import { LoadingView } from '@/components/LoadingView'
import { ScanEntry } from '@/components/ScanEntry'
import { exhibitsStore, useExhibits } from '@/exhibits/store'
import { mediaUrl } from '@/services/media'
import { exhibitPageUrl, openPage } from '@/services/navigate'
import './index.scss'

export default function ExhibitListPage() {
  const halls = useExhibits((s) => s.halls)
  useEffect(() => {
    if (exhibitsStore.getState().halls.status !== 'ready') void exhibitsStore.getState().loadHalls()
  }, [])

  if (halls.status === 'idle' || halls.status === 'loading') return <LoadingView text="正在加载展品…" />
  if (halls.status === 'error') return <ErrorView error={halls.error} onRetry={() => void exhibitsStore.getState().loadHalls()} />

  return (
    <View className="page exhibit-list">
      <View className="card">
        <ScanEntry />
      </View>
      {halls.data.length === 0 && <View className="muted">展品正在布置中，敬请期待。</View>}
      {halls.data.map((hall) => (
        <View key={hall.id} className="exhibit-list__hall" data-hall={hall.id}>
          <View className="section-title" role="heading" aria-level={2}>
            {hall.name}
            {hall.floor && <View className="tag exhibit-list__floor">{hall.floor}</View>}
          </View>
          {hall.intro && <View className="muted exhibit-list__intro">{hall.intro}</View>}
          {hall.exhibits.map((e) => (
            <View key={e.code} className="exhibit-list__item" role="link" onClick={() => openPage(exhibitPageUrl(e.code))}>
              <Image className="exhibit-list__thumb" src={mediaUrl(e.image)} mode="aspectFill" ariaLabel={e.imageAlt} />
              <View className="exhibit-list__text">
                <View className="exhibit-list__name">{e.name}</View>
                <View className="muted">{e.company.name}</View>
              </View>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
