import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { POLICY_AUDIENCES, POLICY_KINDS, POLICY_LEVELS, type PolicyQuery } from '@cloud/contracts/zone'
import { openPage } from '@/services/navigate'
import { ChipGroup } from '@/zone/components/ChipGroup'
import { PagedResults } from '@/zone/components/PagedResults'
import { PolicyRow } from '@/zone/components/PolicyRow'
import { SearchInput } from '@/zone/components/SearchInput'
import { useZone, zonePaths, zoneStore } from '@/zone/store'
import '@/zone/components/zone.scss'
import { CareRoot } from '@/care/CareRoot'

const all = { value: '', label: '全部' }
const opts = (values: readonly string[], suffix = '') => [all, ...values.map((v) => ({ value: v, label: `${v}${suffix}` }))]
const STATUS = [all, { value: 'open', label: '可申报' }, { value: 'closing', label: '30天内截止' }, { value: 'closed', label: '已截止' }]

export default function PoliciesPage() {
  const query = useZone((s) => s.policyQuery)
  const result = useZone((s) => s.policies)
  const search = zoneStore.getState().searchPolicies

  useEffect(() => {
    if (zoneStore.getState().policies.status === 'idle') void search({})
  }, [search])

  const set = (patch: Partial<PolicyQuery>) => void search(patch)
  const toPage = (page: number) => {
    void search({ page })
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  return (
    <CareRoot>
    <View className="page zone-policies">
      <View className="card zone-match-entry" role="link" onClick={() => openPage(zonePaths.match)}>
        <View className="zone-row__title">政策计算器</View>
        <View className="muted">填写企业情况，看看能申请哪些政策、还差什么条件 ›</View>
      </View>
      <SearchInput value={query.q ?? ''} placeholder="政策名称、关键词或文号" onSearch={(q) => set({ q })} />
      <ChipGroup name="status" label="申报状态" options={STATUS} isOn={(v) => (query.status ?? '') === v} onTap={(v) => set({ status: (v || undefined) as PolicyQuery['status'] })} />
      <ChipGroup name="level" label="层级" options={opts(POLICY_LEVELS, '级')} isOn={(v) => (query.level ?? '') === v} onTap={(v) => set({ level: (v || undefined) as PolicyQuery['level'] })} />
      <ChipGroup name="kind" label="类别" options={opts(POLICY_KINDS)} isOn={(v) => (query.kind ?? '') === v} onTap={(v) => set({ kind: (v || undefined) as PolicyQuery['kind'] })} />
      <ChipGroup name="audience" label="适用对象" options={opts(POLICY_AUDIENCES)} isOn={(v) => (query.audience ?? '') === v} onTap={(v) => set({ audience: (v || undefined) as PolicyQuery['audience'] })} />
      <PagedResults
        result={result}
        loadingText="正在查找政策…"
        countText={(total) => `共 ${total} 条政策`}
        note="标注“示意”的金额、条件和日期为演示内容，申报请以发文原文为准。"
        onRetry={() => void search({ page: query.page })}
        onPage={toPage}
        empty={
          <>
            <View>没有找到符合条件的政策。</View>
            <View className="btn btn--ghost" role="button" onClick={() => set({ q: undefined, level: undefined, kind: undefined, audience: undefined, status: undefined })}>
              清除搜索和筛选
            </View>
          </>
        }
      >
        {(p) => <PolicyRow key={p.id} policy={p} />}
      </PagedResults>
    </View>
    </CareRoot>
  )
}
