import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { CareRoot } from '@/care/CareRoot'
import { ErrorView } from '@/ui/ErrorView'
import { LoadingView } from '@/ui/LoadingView'
import { ScanEntry } from '@/components/ScanEntry'
import { FloorPlan } from '@/exhibits/components/FloorPlan'
import { SavedCopyNotice } from '@/exhibits/components/SavedCopyNotice'
import { exhibitsStore, needsFresh, useExhibits } from '@/exhibits/store'
import { useTrail } from '@/guide/stamps'
import { useLang } from '@/i18n/store'
import { mediaUrl } from '@/services/media'
import { exhibitPageUrl, openPage } from '@/services/navigate'
import './index.scss'

export default function ExhibitListPage() {
  const halls = useExhibits((s) => s.halls)
  const lang = useLang()
  const en = lang === 'en'
  const trail = useTrail()
  const stamped = new Set(trail.stamps.map((s) => s.code))
  useEffect(() => {
    if (needsFresh(exhibitsStore.getState().halls)) void exhibitsStore.getState().loadHalls()
  }, [])
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: en ? 'Exhibits' : '全部展品' })
  }, [en])

  if (halls.status === 'idle' || halls.status === 'loading') return <LoadingView text={en ? 'Loading exhibits…' : '正在加载展品…'} />
  if (halls.status === 'error') return <ErrorView error={halls.error} onRetry={() => void exhibitsStore.getState().loadHalls()} />

  return (
    <CareRoot>
      <View className="page exhibit-list">
        {halls.savedAt && <SavedCopyNotice savedAt={halls.savedAt} onRetry={() => void exhibitsStore.getState().loadHalls()} />}
        <View className="card">
          <ScanEntry />
        </View>
        {halls.data.length === 0 && <View className="muted">{en ? 'Exhibits are being set up.' : '展品正在布置中，敬请期待。'}</View>}
        {halls.data.map((hall) => (
          <View key={hall.id} className="exhibit-list__hall" data-hall={hall.id}>
            <View className="section-title" role="heading" aria-level={2}>
              {en ? hall.nameEn ?? hall.name : hall.name}
              {hall.floor && <View className="tag exhibit-list__floor">{hall.floor}</View>}
            </View>
            {hall.intro && <View className="muted exhibit-list__intro">{en ? hall.introEn ?? hall.intro : hall.intro}</View>}
            {hall.plan && <FloorPlan halls={halls.data} current={hall} lang={lang} />}
            {hall.exhibits.map((e, i) => (
              <View key={e.code} className="exhibit-list__item" role="link" data-code={e.code} onClick={() => openPage(exhibitPageUrl(e.code))}>
                <View className="exhibit-list__num" aria-hidden="true">
                  {i + 1}
                </View>
                <Image className="exhibit-list__thumb cover-img" src={mediaUrl(e.image)} mode="aspectFill" ariaLabel={en ? e.imageAltEn ?? e.imageAlt : e.imageAlt} nativeProps={{ alt: en ? e.imageAltEn ?? e.imageAlt : e.imageAlt }} />
                <View className="exhibit-list__text">
                  <View className="exhibit-list__name">{en ? e.nameEn ?? e.name : e.name}</View>
                  <View className="muted">
                    {en ? e.companyEn ?? e.company.name : e.company.name}
                    {hall.floor ? ` · ${hall.floor}` : ''}
                  </View>
                  {stamped.has(e.code) && <View className="exhibit-list__stamped">{en ? '✓ Stamped' : '✓ 已集章'}</View>}
                </View>
              </View>
            ))}
          </View>
        ))}
      </View>
    </CareRoot>
  )
}
