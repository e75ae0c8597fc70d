import { View } from '@tarojs/components'
import { isIllustrative, type MatchedPolicy } from '@cloud/contracts/zone'
import { openPage } from '@/services/navigate'
import { zonePaths } from '@/zone/store'
import { Illustrative } from './Illustrative'
import { StatusTag } from './StatusTag'
import './zone.scss'

/** One policy in the calculator's answer: why it fits, or what is still missing. */
export function MatchCard({ item, kind }: { item: MatchedPolicy; kind: 'fit' | 'near' }) {
  const p = item.policy
  return (
    <View className={`zone-row zone-match zone-match--${kind}`} data-match={p.id} role="link" onClick={() => openPage(zonePaths.policy(p.id))}>
      <View className="zone-row__title">
        {p.title}
        <Illustrative show={p.source === 'illustrative'} />
      </View>
      <View className="zone-row__tags">
        <StatusTag status={p.status} />
        <View className="tag">{p.level}级</View>
      </View>
      <View className="muted">
        {p.benefit.text}
        <Illustrative show={isIllustrative(p, 'benefit')} />
      </View>
      {kind === 'fit' &&
        item.reasons.map((r) => (
          <View key={r} className="zone-match__reason">
            ✓ {r}
          </View>
        ))}
      {kind === 'near' &&
        item.missing.map((m) => (
          <View key={m} className="zone-match__missing">
            ✗ {m}
          </View>
        ))}
    </View>
  )
}
