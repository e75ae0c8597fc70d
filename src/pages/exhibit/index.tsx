// The scan landing page. It reads the exhibit code from whichever route the visitor came by
// (mini-program code `scene`, plain QR `q`, H5 `id`) and stays in the main package so a cold
// scan opens it without downloading a subpackage.
import { useEffect } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { parseExhibitEntry } from '@cloud/contracts/exhibit'
import { ErrorView } from '@/components/ErrorView'
import { LoadingView } from '@/components/LoadingView'
import { ExhibitNotFound } from '@/exhibits/components/ExhibitNotFound'
import { ExhibitView } from '@/exhibits/components/ExhibitView'
import { exhibitsStore, useExhibits } from '@/exhibits/store'
import { openPage } from '@/services/navigate'

export default function ExhibitPage() {
  const { params } = useRouter()
  const entry = parseExhibitEntry(params)
  const code = entry.ok ? entry.code : null
  const state = useExhibits((s) => (code ? s.exhibits[code] : undefined))

  useEffect(() => {
    if (code) void exhibitsStore.getState().loadExhibit(code)
  }, [code])

  const name = state?.status === 'ready' ? state.data.name : null
  useEffect(() => {
    if (name) void Taro.setNavigationBarTitle({ title: name })
  }, [name])

  useShareAppMessage(() => ({
    title: name ?? '高新区科技馆展品',
    path: code ? `/pages/exhibit/index?id=${code}` : '/pages/home/index',
  }))

  if (!entry.ok) return <ExhibitNotFound reason={entry.reason} />
  if (!state || state.status === 'loading') return <LoadingView text="正在打开展品…" />
  if (state.status === 'error') {
    if (state.error.code === 'EXHIBIT_NOT_FOUND' || state.error.code === 'BAD_REQUEST') return <ExhibitNotFound reason="unknown" />
    return (
      <ErrorView
        error={state.error}
        onRetry={() => void exhibitsStore.getState().loadExhibit(entry.code, true)}
        action={{ text: '查看全部展品', onTap: () => openPage('/exhibits/pages/list/index') }}
      />
    )
  }
  return (
    <View className="exhibit-page">
      <ExhibitView exhibit={state.data} />
    </View>
  )
}
