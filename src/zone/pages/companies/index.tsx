import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { INDUSTRIES, QUALIFICATIONS, type Industry, type Qualification } from '@cloud/contracts/zone'

import { useStrings } from '@/i18n/strings'
import { PageShell } from '@/ui/PageShell'
import { CompanyRow } from '@/zone/components/CompanyRow'
import { FilterSheet } from '@/zone/components/FilterSheet'
import { PagedResults } from '@/zone/components/PagedResults'
import { SearchInput } from '@/zone/components/SearchInput'
import { useZone, zoneStore } from '@/zone/store'
import { zoneText } from '@/zone/strings'
import { usePageTitle } from '@/services/page-title'
import '@/zone/components/zone.scss'

const opts = (values: readonly string[]) => [{ value: '', label: '' }, ...values.map((v) => ({ value: v, label: v }))]

export default function CompaniesPage() {
  const query = useZone((s) => s.companyQuery)
  const result = useZone((s) => s.companies)
  const search = zoneStore.getState().searchCompanies
  const s = useStrings(zoneText)

  useEffect(() => {
    if (zoneStore.getState().companies.status === 'idle') void search({})
  }, [search])
  usePageTitle(s('companies'))

  const toPage = (page: number) => {
    void search({ page })
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }
  const filtered = !!(query.q || query.industry || query.qualification)

  return (
    <PageShell className="zone-companies">
      <SearchInput value={query.q ?? ''} placeholder={s('companySearch')} onSearch={(q) => void search({ q })} />
      <FilterSheet
        filters={[
          { name: 'industry', label: s('industry'), options: opts(INDUSTRIES), value: query.industry ?? '' },
          { name: 'qualification', label: s('qualification'), options: opts(QUALIFICATIONS), value: query.qualification ?? '' },
        ]}
        onChange={(name, value) => void search(name === 'industry' ? { industry: value as Industry | undefined } : { qualification: value as Qualification | undefined })}
      />
      <PagedResults
        result={result}
        loadingText={s('findingCompanies')}
        countText={(n) => s('companyCount', { n })}
        note={s('companyNote')}
        onRetry={() => void search({ page: query.page })}
        onPage={toPage}
        empty={
          <>
            <View>{s('noCompanies')}</View>
            <View className="muted">{s('noCompaniesHint')}</View>
            {filtered && (
              <View className="btn btn--ghost" role="button" onClick={() => void search({ q: undefined, industry: undefined, qualification: undefined })}>
                {s('clearAll')}
              </View>
            )}
          </>
        }
      >
        {(c) => <CompanyRow key={c.id} company={c} />}
      </PagedResults>
    </PageShell>
  )
}
