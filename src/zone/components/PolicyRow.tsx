import { View } from '@tarojs/components'
import { isIllustrative, type PolicySummary } from '@cloud/contracts/zone'
import { openPage } from '@/services/navigate'
import { zonePaths } from '@/zone/store'
import { Illustrative } from './Illustrative'
import { StatusTag } from './StatusTag'
import './zone.scss'

export function PolicyRow({ policy }: { policy: PolicySummary }) {
  return (
    <View className="zone-row" role="link" data-policy={policy.id} onClick={() => openPage(zonePaths.policy(policy.id))}>
      <View className="zone-row__title">
        {policy.title}
        <Illustrative show={policy.source === 'illustrative'} />
      </View>
      <View className="zone-row__tags">
        <StatusTag status={policy.status} />
        <View className="tag">{policy.level}级</View>
        {policy.kinds.slice(0, 2).map((k) => (
          <View key={k} className="tag">
            {k}
          </View>
        ))}
      </View>
      <View className="muted">
        {policy.benefit.text}
        <Illustrative show={isIllustrative(policy, 'benefit')} />
      </View>
      {policy.closes && policy.status !== 'closed' && <View className="muted">截止：{policy.closes}</View>}
    </View>
  )
}
