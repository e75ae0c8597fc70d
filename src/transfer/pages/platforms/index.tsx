import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { isIllustrative } from '@cloud/contracts/zone'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { usePageTitle } from '@/services/page-title'
import { Illustrative } from '@/ui/Illustrative'
import { PageShell } from '@/ui/PageShell'
import { transferStore, useTransfer } from '@/transfer/store'
import { transferText } from '@/transfer/strings'
import '@/transfer/transfer.scss'

// 转化平台: what each platform offers and how to apply; where the article gives only a count, the
// count is shown (no invented list of names).
export default function PlatformsPage() {
  const s = useStrings(transferText)
  const en = useLang() === 'en'
  const state = useTransfer((st) => st.platforms)
  usePageTitle(s('platforms'))
  useEffect(() => void transferStore.getState().loadPlatforms(), [])
  return (
    <PageShell state={state} className="tf-platforms" loadingText={s('platformsLoading')} onRetry={() => void transferStore.getState().loadPlatforms()}>
      {(platforms) => (
        <>
          {platforms.map((p) => (
            <View key={p.id} className="card" data-platform={p.id}>
              <View className="tf-row__title" role="heading" aria-level={2}>
                <Text data-content>{en && p.nameEn ? p.nameEn : p.name}</Text>
                <Illustrative show={p.source === 'illustrative'} />
              </View>
              <View className="tf-figures">
                {p.counts.map((c) => (
                  <View key={c.label} className="tf-figure">
                    <View className="tf-figure__value">{en && c.valueEn ? c.valueEn : c.value}</View>
                    <View className="tf-figure__label">{en && c.labelEn ? c.labelEn : c.label}</View>
                  </View>
                ))}
              </View>
              <View className="muted">{s('offers')}</View>
              {(en && p.offersEn ? p.offersEn : p.offers).map((o) => (
                <View key={o} data-content>
                  · {o}
                </View>
              ))}
              <View className="muted">
                {s('howToApply')}
                <Illustrative show={isIllustrative(p, 'howToApply')} />
              </View>
              <View data-content>{en && p.howToApplyEn ? p.howToApplyEn : p.howToApply}</View>
              <View className="btn btn--ghost" role="link" onClick={() => openPage(paths.transferRequest('platform', p.id))}>
                {s('sendRequest')}
              </View>
            </View>
          ))}
        </>
      )}
    </PageShell>
  )
}
