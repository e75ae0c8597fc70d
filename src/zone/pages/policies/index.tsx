import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { POLICY_AUDIENCES, POLICY_KINDS, POLICY_LEVELS, type PolicyQuery } from '@cloud/contracts/zone'
import { useLang } from '@/i18n/store'
import { useStrings } from '@/i18n/strings'
import { openPage } from '@/services/navigate'
import { Cell, CellGroup } from '@/ui/Cell'
import { PageShell } from '@/ui/PageShell'
import { FilterSheet } from '@/zone/components/FilterSheet'
import { PagedResults } from '@/zone/components/PagedResults'
import { PolicyRow } from '@/zone/components/PolicyRow'
import { SearchInput } from '@/zone/components/SearchInput'
import { useZone, zonePaths, zoneStore } from '@/zone/store'
import { zoneText } from '@/zone/strings'
import { usePageTitle } from '@/services/page-title'
import '@/zone/components/zone.scss'

const opts = (values: readonly string[], suffix = '') => [{ value: '', label: '' }, ...values.map((v) => ({ value: v, label: `${v}${suffix}` }))]

export default function PoliciesPage() {
  const query = useZone((s) => s.policyQuery)
  const result = useZone((s) => s.policies)
  const search = zoneStore.getState().searchPolicies
  const s = useStrings(zoneText)
  const lang = useLang()

  useEffect(() => {
    if (zoneStore.getState().policies.status === 'idle') void search({})
  }, [search])
  usePageTitle(s('policies'))

  const set = (patch: Partial<PolicyQuery>) => void search(patch)
  const toPage = (page: number) => {
    void search({ page })
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }
  const STATUS = [{ value: '', label: '' }, { value: 'open', label: s('open') }, { value: 'closing', label: s('closing') }, { value: 'closed', label: s('closed') }]

  return (
    <PageShell className="zone-policies">
      <SearchInput value={query.q ?? ''} placeholder={s('policySearch')} onSearch={(q) => set({ q })} />
      <FilterSheet
        filters={[
          { name: 'status', label: s('status'), options: STATUS, value: query.status ?? '' },
          { name: 'level', label: s('level'), options: lang === 'en' ? opts(POLICY_LEVELS) : opts(POLICY_LEVELS, '级'), value: query.level ?? '' },
          { name: 'kind', label: s('kind'), options: opts(POLICY_KINDS), value: query.kind ?? '' },
          { name: 'audience', label: s('audience'), options: opts(POLICY_AUDIENCES), value: query.audience ?? '' },
        ]}
        onChange={(name, value) => set({ [name]: value } as Partial<PolicyQuery>)}
      />
      <PagedResults
        result={result}
        loadingText={s('findingPolicies')}
        countText={(n) => s('policyCount', { n })}
        note={s('policyNote')}
        onRetry={() => void search({ page: query.page })}
        onPage={toPage}
        empty={
          <>
            <View>{s('noPolicies')}</View>
            <View className="btn btn--ghost" role="button" onClick={() => set({ q: undefined, level: undefined, kind: undefined, audience: undefined, status: undefined })}>
              {s('clearAll')}
            </View>
          </>
        }
      >
        {(p) => <PolicyRow key={p.id} policy={p} />}
      </PagedResults>
      <CellGroup>
        <Cell icon="scroll-text" title={s('calculator')} label={s('calculatorHint')} onTap={() => openPage(zonePaths.match)} action="calculator" />
      </CellGroup>
    </PageShell>
  )
}
