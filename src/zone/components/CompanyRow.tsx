import { View } from '@tarojs/components'
import { isIllustrative, type CompanySummary } from '@cloud/contracts/zone'
import { openPage } from '@/services/navigate'
import { zonePaths } from '@/zone/store'
import { Illustrative } from './Illustrative'
import './zone.scss'

export function CompanyRow({ company }: { company: CompanySummary }) {
  return (
    <View className="zone-row" role="link" data-company={company.id} onClick={() => openPage(zonePaths.company(company.id))}>
      <View className="zone-row__title">
        {company.name}
        <Illustrative show={company.source === 'illustrative'} />
      </View>
      <View className="zone-row__tags">
        <View className="tag">{company.industry}</View>
        {company.qualifications.slice(0, 3).map((q) => (
          <View key={q} className="tag">
            {q}
          </View>
        ))}
        <Illustrative show={company.qualifications.length > 0 && isIllustrative(company, 'qualifications')} />
      </View>
      {company.matched ? <View className="muted">{company.matched}</View> : <View className="muted">{company.products.slice(0, 3).join('、')}</View>}
    </View>
  )
}
