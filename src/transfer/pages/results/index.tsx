import { useEffect, useState } from 'react'
import { Input, View } from '@tarojs/components'
import { INDUSTRIES } from '@cloud/contracts/zone'
import { TRL_WORDS } from '@cloud/contracts/transfer'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { usePageTitle } from '@/services/page-title'
import { Cell, CellGroup } from '@/ui/Cell'
import { Illustrative } from '@/ui/Illustrative'
import { Loaded } from '@/ui/Loaded'
import { PageShell } from '@/ui/PageShell'
import { transferStore, useTransfer } from '@/transfer/store'
import { transferText } from '@/transfer/strings'
import { useValueText } from '@/transfer/values'
import '@/transfer/transfer.scss'

// Taro's ViewProps does not declare tabIndex; H5 passes it to the element, weapp ignores it.
const KEYBOARD_FOCUSABLE = { tabIndex: 0 } as Record<string, unknown>

// 成果清单: search and filter by field; each row opens the result. Entries to needs, platforms, 我的对接.
export default function ResultsPage() {
  const s = useStrings(transferText)
  const lang = useLang()
  const query = useTransfer((st) => st.query)
  const results = useTransfer((st) => st.results)
  const [text, setText] = useState(query.q ?? '')
  const v = useValueText()
  usePageTitle(s('results'))
  useEffect(() => {
    if (transferStore.getState().results.status === 'idle') void transferStore.getState().search({})
  }, [])
  const search = transferStore.getState().search
  return (
    <PageShell className="tf-results">
      <Input
        className="field"
        value={text}
        placeholder={s('search')}
        aria-label={s('search')}
        confirmType="search"
        onInput={(e) => setText(e.detail.value)}
        onConfirm={() => void search({ q: text.trim() || undefined })}
        onBlur={() => text.trim() !== (query.q ?? '') && void search({ q: text.trim() || undefined })}
      />
      {/* A row that scrolls sideways is reachable by keyboard too (H5 passes tabIndex; weapp ignores it). */}
      <View className="tf-tags tf-tags--scroll" role="group" aria-label={s('field')} {...KEYBOARD_FOCUSABLE}>
        {['', ...INDUSTRIES].map((f) => (
          <View key={f || 'all'} className={`tf-chip ${(query.field ?? '') === f ? 'tf-chip--on' : ''}`} role="button" aria-pressed={(query.field ?? '') === f} data-field={f || 'all'} onClick={() => void search({ field: (f || undefined) as typeof query.field })}>
            {f ? v(f) : s('allFields')}
          </View>
        ))}
      </View>
      <Loaded state={results} loadingText={s('finding')} onRetry={() => void search({})}>
        {(page) => (
          <View>
            <View className="muted">{s('count', { n: page.total })}</View>
            {page.items.length === 0 && <View className="card">{s('none')}</View>}
            {page.items.map((r) => (
              <View key={r.id} className="card tf-row" role="link" data-result={r.id} onClick={() => openPage(paths.transferResult(r.id))}>
                <View className="tf-row__title" data-content>
                  {lang === 'en' && r.titleEn ? r.titleEn : r.title}
                </View>
                <View className="muted" data-content>
                  {lang === 'en' && r.ownerEn ? r.ownerEn : r.owner}
                </View>
                <View className="tf-tags">
                  <View className="tag">{v(r.field)}</View>
                  <View className="tag">
                    TRL {r.trl} · {TRL_WORDS[r.trl][lang === 'en' ? 'en' : 'zh']}
                    <Illustrative show={r.source === 'illustrative' || (r.illustrative ?? []).includes('trl')} />
                  </View>
                  {r.hasDeal && <View className="tag">{s('deal')}</View>}
                </View>
              </View>
            ))}
          </View>
        )}
      </Loaded>
      <CellGroup>
        <Cell icon="search" title={s('needs')} label={s('needsHint')} onTap={() => openPage(paths.transferNeeds)} action="transfer-needs" />
        <Cell icon="building-2" title={s('platforms')} label={s('platformsHint')} onTap={() => openPage(paths.transferPlatforms)} action="transfer-platforms" />
        <Cell icon="ticket" title={s('mine')} onTap={() => openPage(paths.transferMine)} action="transfer-mine" />
      </CellGroup>
    </PageShell>
  )
}
