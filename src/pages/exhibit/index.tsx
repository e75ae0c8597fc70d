// The scan landing page. It reads the exhibit code from whichever route the visitor came by
// (mini-program code `scene`, plain QR `q`, H5 `id`) and stays in the main package so a cold
// scan opens it without downloading a subpackage. The audio player and the trail card are
// subpackage pages, opened from here; only the stamp record (a few lines) is on the scan path.
import { useEffect, useState } from 'react'
import { useDidHide, useLoad, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { parseExhibitEntry, type Exhibit } from '@cloud/contracts/exhibit'
import { ExhibitActions } from '@/exhibits/components/ExhibitActions'
import { ExhibitNotFound } from '@/exhibits/components/ExhibitNotFound'
import { ExhibitOnward } from '@/exhibits/components/ExhibitOnward'
import { ExhibitView } from '@/exhibits/components/ExhibitView'
import { HallNeighbours } from '@/exhibits/components/HallNeighbours'
import { RelatedPolicies } from '@/zone/related-policies'
import { ResultLinks } from '@/transfer/result-links'
import { SavedCopyNotice } from '@/exhibits/components/SavedCopyNotice'
import { StampToast } from '@/exhibits/components/StampToast'
import { dropStaticView } from '@/exhibits/landing'
import { exhibitsStore, useExhibits } from '@/exhibits/store'
import { trailLog } from '@/guide/stamps'
import { LangSwitch } from '@/i18n/LangSwitch'
import { translate, useLang, useT } from '@/i18n/store'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { PageShell } from '@/ui/PageShell'
import type { GuideLang } from '@cloud/contracts/exhibit'
import { usePageTitle } from '@/services/page-title'
import './index.scss'

type Entry = ReturnType<typeof parseExhibitEntry>

/** Long enough for the page and its picture to be on screen on a slow phone. */
const HALLS_PREFETCH_DELAY_MS = 1500

function prefetchHalls() {
  if (exhibitsStore.getState().halls.status === 'idle') void exhibitsStore.getState().loadHalls()
}

/** The title a page state deserves: the exhibit's name, 未找到展品, or the museum while loading. */
export function exhibitTitle(entry: Entry, state: ReturnType<typeof exhibitsStore.getState>['exhibits'][string] | undefined, lang: GuideLang): string {
  if (!entry.ok) return translate(lang, 'notFound.title')
  if (state?.status === 'ready') return lang === 'en' && state.data.nameEn ? state.data.nameEn : state.data.name
  if (state?.status === 'error') return translate(lang, state.error.code === 'EXHIBIT_NOT_FOUND' || state.error.code === 'BAD_REQUEST' ? 'notFound.title' : 'error.title')
  return translate(lang, 'app.name')
}

export default function ExhibitPage() {
  // This page instance's own parameters: read once when it loads, so a page kept under a newer
  // one (H5 keeps them in the DOM) never takes up another page's code.
  const router = useRouter()
  const [params, setParams] = useState(router.params)
  useLoad((p) => setParams(p))
  const entry = parseExhibitEntry(params)
  const code = entry.ok ? entry.code : null
  const state = useExhibits((s) => (code ? s.exhibits[code] : undefined))
  const lang = useLang()
  const t = useT()
  const [stampedNow, setStampedNow] = useState(false)

  useEffect(() => {
    if (code) void exhibitsStore.getState().loadExhibit(code)
  }, [code])

  // The title follows every state (an unknown code after a known one must not keep the old name),
  // and is set again when the visitor comes back to this page (H5 has one document title).
  usePageTitle(exhibitTitle(entry, state, lang))

  const ready = state?.status === 'ready' ? state.data : null
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
    title: ready?.name ?? '高新区科技馆展品',
    path: code ? paths.exhibit(code) : paths.home,
  }))

  if (!entry.ok)
    return (
      <PageShell className="exhibit-page">
        <ExhibitNotFound reason={entry.reason} />
      </PageShell>
    )
  const retry = () => void exhibitsStore.getState().loadExhibit(entry.code, true)
  return (
    <PageShell<Exhibit>
      className="exhibit-page"
      state={state}
      loadingText={t('exhibit.loading')}
      onRetry={retry}
      errorAction={{ text: t('exhibit.all'), onTap: () => openPage(paths.exhibits) }}
      renderError={(error) => (error.code === 'EXHIBIT_NOT_FOUND' || error.code === 'BAD_REQUEST' ? <ExhibitNotFound reason="unknown" /> : null)}
    >
      {(exhibit, s) => (
        <View>
          {s.savedAt && <SavedCopyNotice savedAt={s.savedAt} onRetry={retry} />}
          <ExhibitView
            exhibit={exhibit}
            lang={lang}
            bar={<LangSwitch />}
            actions={<ExhibitActions exhibit={exhibit} stampedNow={stampedNow} />}
            after={
              <View>
                <ResultLinks by={{ exhibit: exhibit.code }} title={t('exhibit.results')} />
                {exhibit.company.id && <RelatedPolicies companyId={exhibit.company.id} />}
                <HallNeighbours code={exhibit.code} hallId={exhibit.hallId} lang={lang} />
                <ExhibitOnward />
              </View>
            }
          />
          <StampToast show={stampedNow} />
        </View>
      )}
    </PageShell>
  )
}
