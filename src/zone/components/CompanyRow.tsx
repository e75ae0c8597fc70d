import { View } from '@tarojs/components'
import type { CompanySummary } from '@cloud/contracts/zone'
import { openPage } from '@/services/navigate'
import { zonePaths } from '@/zone/store'
import { Illustrative } from '@/ui/Illustrative'
import { useLang } from '@/i18n/store'
import { VALUE_EN } from '@/zone/strings'
import { inLang, listInLang } from '@/zone/localize'
import { Content } from './Content'
import './zone.scss'

// Illustrative qualifications are marked on the company's page, not on every row of the list.
export function CompanyRow({ company }: { company: CompanySummary }) {
  const lang = useLang()
  const tag = (v: string) => (lang === 'en' ? VALUE_EN[v] ?? v : v)
  return (
    <View className="zone-row" role="link" data-company={company.id} onClick={() => openPage(zonePaths.company(company.id))}>
      <View className="zone-row__title">
        <Content shown={inLang(lang, company.name, company.nameEn)} />
        <Illustrative show={company.source === 'illustrative'} />
      </View>
      <View className="zone-row__tags">
        <View className="tag">{tag(company.industry)}</View>
        {company.qualifications.slice(0, 3).map((q) => (
          <View key={q} className="tag">
            {tag(q)}
          </View>
        ))}
      </View>
      {lang === 'en' ? (
        // The search's "why it matched" is worded in Chinese by the cloud; an English row lists the products.
        <View className="muted">
          {listInLang(lang, company.products.slice(0, 3), company.productsEn).map((p, i) => (
            <Content key={i} shown={{ ...p, text: i ? `, ${p.text}` : p.text }} />
          ))}
        </View>
      ) : (
        <View className="muted" data-content>
          {company.matched ? company.matched : company.products.slice(0, 3).join('、')}
        </View>
      )}
    </View>
  )
}
