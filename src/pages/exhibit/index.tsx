// The scan landing page. It reads the exhibit code from whichever route the visitor came by
// (mini-program code `scene`, plain QR `q`, H5 `id`) and stays in the main package so a cold
// scan opens it without downloading a subpackage. The audio player and the trail card are
// subpackage pages, opened from here; only the stamp record (a few lines) is on the scan path.
import { useEffect, useState } from 'react'
import Taro, { useDidHide, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { parseExhibitEntry } from '@cloud/contracts/exhibit'
import { CareRoot } from '@/care/CareRoot'
import { ErrorView } from '@/components/ErrorView'
import { LoadingView } from '@/components/LoadingView'
import { ExhibitActions } from '@/exhibits/components/ExhibitActions'
import { ExhibitNotFound } from '@/exhibits/components/ExhibitNotFound'
import { ExhibitView } from '@/exhibits/components/ExhibitView'
import { SavedCopyNotice } from '@/exhibits/components/SavedCopyNotice'
import { dropStaticView } from '@/exhibits/landing'
import { exhibitsStore, useExhibits } from '@/exhibits/store'
import { trailLog } from '@/guide/stamps'
import { LangSwitch } from '@/i18n/LangSwitch'
import { useLang, useT } from '@/i18n/store'
import { openPage } from '@/services/navigate'
import './index.scss'

/** Long enough for the page and its picture to be on screen on a slow phone. */
const HALLS_PREFETCH_DELAY_MS = 1500

function prefetchHalls() {
  if (exhibitsStore.getState().halls.status === 'idle') void exhibitsStore.getState().loadHalls()
}

export default function ExhibitPage() {
  const { params } = useRouter()
  const entry = parseExhibitEntry(params)
  const code = entry.ok ? entry.code : null
  const state = useExhibits((s) => (code ? s.exhibits[code] : undefined))
  const lang = useLang()
  const t = useT()
  const [stampedNow, setStampedNow] = useState(false)

  useEffect(() => {
    if (code) void exhibitsStore.getState().loadExhibit(code)
  }, [code])

  const ready = state?.status === 'ready' ? state.data : null
  const name = ready ? (lang === 'en' && ready.nameEn ? ready.nameEn : ready.name) : null
  useEffect(() => {
    if (name) void Taro.setNavigationBarTitle({ title: name })
  }, [name])
  const stampCode = ready?.code
  const stampHall = ready?.hallId
  useEffect(() => {
    if (!stampCode || !stampHall) return
    dropStaticView()
    if (trailLog.stamp(stampCode, stampHall)) setStampedNow(true)
    // The hall list is small; fetching it means the trail and the list open later without network.
    // Not at once: on a cold scan it would be a second cloud call racing the first paint (and the
    // picture) — it waits until the page has been on screen a moment, or the visitor moves on.
    const later = setTimeout(prefetchHalls, HALLS_PREFETCH_DELAY_MS)
    return () => clearTimeout(later)
  }, [stampCode, stampHall])
  useDidHide(prefetchHalls)

  useShareAppMessage(() => ({
    title: name ?? '高新区科技馆展品',
    path: code ? `/pages/exhibit/index?id=${code}` : '/pages/home/index',
  }))

  if (!entry.ok) return <ExhibitNotFound reason={entry.reason} />
  if (!state || state.status === 'loading') return <LoadingView text={t('exhibit.loading')} />
  if (state.status === 'error') {
    if (state.error.code === 'EXHIBIT_NOT_FOUND' || state.error.code === 'BAD_REQUEST') return <ExhibitNotFound reason="unknown" />
    return (
      <ErrorView
        error={state.error}
        onRetry={() => void exhibitsStore.getState().loadExhibit(entry.code, true)}
        action={{ text: t('exhibit.all'), onTap: () => openPage('/exhibits/pages/list/index') }}
      />
    )
  }
  return (
    <CareRoot>
      <View className="exhibit-page">
        <View className="exhibit-page__bar">
          <LangSwitch />
        </View>
        {state.savedAt && <SavedCopyNotice savedAt={state.savedAt} onRetry={() => void exhibitsStore.getState().loadExhibit(entry.code, true)} />}
        <ExhibitView exhibit={state.data} lang={lang} />
        <ExhibitActions exhibit={state.data} stampedNow={stampedNow} />
      </View>
    </CareRoot>
  )
}
