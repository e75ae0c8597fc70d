import { View } from '@tarojs/components'
import { isIllustrative, type PolicySummary } from '@cloud/contracts/zone'
import { openPage } from '@/services/navigate'
import { zonePaths } from '@/zone/store'
import { Illustrative } from '@/ui/Illustrative'
import { StatusTag } from './StatusTag'
import { useLang } from '@/i18n/store'
import { VALUE_EN } from '@/zone/strings'
import { inLang } from '@/zone/localize'
import { Content } from './Content'
import './zone.scss'

export function PolicyRow({ policy }: { policy: PolicySummary }) {
  const lang = useLang()
  const tag = (v: string) => (lang === 'en' ? VALUE_EN[v] ?? v : v)
  return (
    <View className="zone-row" role="link" data-policy={policy.id} onClick={() => openPage(zonePaths.policy(policy.id))}>
      <View className="zone-row__title">
        <Content shown={inLang(lang, policy.title, policy.titleEn)} />
        <Illustrative show={policy.source === 'illustrative'} />
      </View>
      <View className="zone-row__tags">
        <StatusTag status={policy.status} />
        <View className="tag">{lang === 'en' ? tag(policy.level) : `${policy.level}级`}</View>
        {policy.kinds.slice(0, 2).map((k) => (
          <View key={k} className="tag">
            {tag(k)}
          </View>
        ))}
      </View>
      <View className="muted">
        <Content shown={inLang(lang, policy.benefit.text, policy.benefit.textEn)} />
        <Illustrative show={isIllustrative(policy, 'benefit')} />
      </View>
      {policy.closes && policy.status !== 'closed' && <View className="muted">{lang === 'en' ? `Closes ${policy.closes}` : `截止：${policy.closes}`}</View>}
    </View>
  )
}
