import { View } from '@tarojs/components'
import { isIllustrative, type MatchedPolicy } from '@cloud/contracts/zone'
import { openPage } from '@/services/navigate'
import { zonePaths } from '@/zone/store'
import { Icon } from '@/ui/Icon'
import { Illustrative } from '@/ui/Illustrative'
import { StatusTag } from './StatusTag'
import { useLang } from '@/i18n/store'
import { VALUE_EN } from '@/zone/strings'
import { inLang } from '@/zone/localize'
import { Content } from './Content'
import './zone.scss'

/** One policy in the calculator's answer: why it fits, or what is still missing. */
export function MatchCard({ item, kind }: { item: MatchedPolicy; kind: 'fit' | 'near' }) {
  const p = item.policy
  const lang = useLang()
  return (
    <View className={`zone-row zone-match zone-match--${kind}`} data-match={p.id} role="link" onClick={() => openPage(zonePaths.policy(p.id))}>
      <View className="zone-row__title">
        <Content shown={inLang(lang, p.title, p.titleEn)} />
        <Illustrative show={p.source === 'illustrative'} />
      </View>
      <View className="zone-row__tags">
        <StatusTag status={p.status} />
        <View className="tag">{lang === 'en' ? VALUE_EN[p.level] ?? p.level : `${p.level}级`}</View>
      </View>
      <View className="muted">
        <Content shown={inLang(lang, p.benefit.text, p.benefit.textEn)} />
        <Illustrative show={isIllustrative(p, 'benefit')} />
      </View>
      {kind === 'fit' &&
        item.reasons.map((r, i) => (
          <View key={r} className="zone-match__reason">
            <Icon name="check" color="ok" size="s" /> <Content shown={inLang(lang, r, item.reasonsEn?.[i])} />
          </View>
        ))}
      {kind === 'near' &&
        item.missing.map((m, i) => (
          <View key={m} className="zone-match__missing">
            <Icon name="x" color="danger" size="s" /> <Content shown={inLang(lang, m, item.missingEn?.[i])} />
          </View>
        ))}
    </View>
  )
}
