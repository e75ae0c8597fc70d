import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { TRL_WORDS } from '@cloud/contracts/transfer'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { usePageTitle } from '@/services/page-title'
import { Illustrative } from '@/ui/Illustrative'
import { PageShell } from '@/ui/PageShell'
import { transferStore, useTransfer } from '@/transfer/store'
import { transferText } from '@/transfer/strings'
import { useValueText } from '@/transfer/values'
import '@/transfer/transfer.scss'

// 需求清单: needs companies posted and the centre published, each with the results that may answer it.
export default function NeedsPage() {
  const s = useStrings(transferText)
  const en = useLang() === 'en'
  const state = useTransfer((st) => st.needs)
  const v = useValueText()
  usePageTitle(s('needs'))
  useEffect(() => void transferStore.getState().loadNeeds(), [])
  return (
    <PageShell
      state={state}
      className="tf-needs"
      loadingText={s('needsLoading')}
      onRetry={() => void transferStore.getState().loadNeeds()}
      header={
        <View className="btn btn--ghost" role="link" data-action="post-need" onClick={() => openPage(paths.transferNeedForm)}>
          {s('postNeed')}
        </View>
      }
    >
      {(needs) => (
        <>
          {needs.length === 0 && <View className="card">{s('noNeeds')}</View>}
          {needs.map((n) => (
            <View key={n.id} className="card" data-need={n.id}>
              <View className="tf-row__title">
                <Text data-content>{n.title}</Text>
                <Illustrative show={n.source === 'illustrative'} />
              </View>
              <View data-content>{n.problem}</View>
              <View className="tf-tags">
                <View className="tag">{v(n.field)}</View>
                <View className="tag">
                  {s('targetTrl')} TRL {n.targetTrl} · {TRL_WORDS[n.targetTrl][en ? 'en' : 'zh']}
                </View>
                <View className="tag">
                  {s('budget')} {v(n.budget)}
                </View>
                <View className="tag">
                  {s('validUntil')} {n.validUntil}
                </View>
              </View>
              {n.matches.length > 0 && (
                <View>
                  <View className="muted">{s('matches')}</View>
                  {n.matches.map((m) => (
                    <View key={m.id} className="tf-link" role="link" onClick={() => openPage(paths.transferResult(m.id))}>
                      <View>
                        <Text data-content>{m.title}</Text> ›<View className="muted" data-content>{m.reasons.join('；')}</View>
                        {m.gaps.length > 0 && <View className="tf-gap">{s('gaps')}<Text data-content>{m.gaps.join('；')}</Text></View>}
                      </View>
                    </View>
                  ))}
                </View>
              )}
              <View className="btn btn--ghost" role="link" onClick={() => openPage(paths.transferRequest('need', n.id))}>
                {s('sendRequest')}
              </View>
            </View>
          ))}
        </>
      )}
    </PageShell>
  )
}
