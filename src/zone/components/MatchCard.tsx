import { Text, View } from '@tarojs/components'
import { isIllustrative, type MatchedPolicy } from '@cloud/contracts/zone'
import { openPage } from '@/services/navigate'
import { zonePaths } from '@/zone/store'
import { Icon } from '@/ui/Icon'
import { Illustrative } from '@/ui/Illustrative'
import { StatusTag } from './StatusTag'
import { useLang } from '@/i18n/store'
import { VALUE_EN } from '@/zone/strings'
import './zone.scss'

/** One policy in the calculator's answer: why it fits, or what is still missing. */
export function MatchCard({ item, kind }: { item: MatchedPolicy; kind: 'fit' | 'near' }) {
  const p = item.policy
  const lang = useLang()
  return (
    <View className={`zone-row zone-match zone-match--${kind}`} data-match={p.id} role="link" onClick={() => openPage(zonePaths.policy(p.id))}>
      <View className="zone-row__title">
        <Text data-content>{p.title}</Text>
        <Illustrative show={p.source === 'illustrative'} />
      </View>
      <View className="zone-row__tags">
        <StatusTag status={p.status} />
        <View className="tag">{lang === 'en' ? VALUE_EN[p.level] ?? p.level : `${p.level}级`}</View>
      </View>
      <View className="muted">
        <Text data-content>{p.benefit.text}</Text>
        <Illustrative show={isIllustrative(p, 'benefit')} />
      </View>
      {kind === 'fit' &&
        item.reasons.map((r) => (
          <View key={r} className="zone-match__reason" data-content>
            <Icon name="check" color="ok" size="s" /> {r}
          </View>
        ))}
      {kind === 'near' &&
        item.missing.map((m) => (
          <View key={m} className="zone-match__missing" data-content>
            <Icon name="x" color="danger" size="s" /> {m}
          </View>
        ))}
    </View>
  )
}
