import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { INDUSTRIES, QUALIFICATIONS, type Industry, type Qualification } from '@cloud/contracts/zone'
import { ChipGroup } from '@/zone/components/ChipGroup'
import { CompanyRow } from '@/zone/components/CompanyRow'
import { PagedResults } from '@/zone/components/PagedResults'
import { SearchInput } from '@/zone/components/SearchInput'
import { useZone, zoneStore } from '@/zone/store'
import '@/zone/components/zone.scss'
import { CareRoot } from '@/care/CareRoot'

const all = { value: '', label: '全部' }
const industries = [all, ...INDUSTRIES.map((v) => ({ value: v, label: v }))]
const qualifications = [all, ...QUALIFICATIONS.map((v) => ({ value: v, label: v }))]

export default function CompaniesPage() {
  const query = useZone((s) => s.companyQuery)
  const result = useZone((s) => s.companies)
  const search = zoneStore.getState().searchCompanies

  useEffect(() => {
    if (zoneStore.getState().companies.status === 'idle') void search({})
  }, [search])

  const toPage = (page: number) => {
    void search({ page })
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }
  const filtered = !!(query.q || query.industry || query.qualification)

  return (
    <CareRoot>
    <View className="page zone-companies">
      <SearchInput value={query.q ?? ''} placeholder="企业名称、简称、产品或拼音，如 rkcn" onSearch={(q) => void search({ q })} />
      <ChipGroup
        name="industry"
        label="行业"
        options={industries}
        isOn={(v) => (query.industry ?? '') === v}
        onTap={(v) => void search({ industry: (v || undefined) as Industry | undefined })}
      />
      <ChipGroup
        name="qualification"
        label="资质"
        options={qualifications}
        isOn={(v) => (query.qualification ?? '') === v}
        onTap={(v) => void search({ qualification: (v || undefined) as Qualification | undefined })}
      />
      <PagedResults
        result={result}
        loadingText="正在查找企业…"
        countText={(total) => `共 ${total} 家企业`}
        note="资质等信息中标注“示意”的内容为演示数据，请以官方公布为准。"
        onRetry={() => void search({ page: query.page })}
        onPage={toPage}
        empty={
          <>
            <View>没有找到符合条件的企业。</View>
            <View className="muted">可以换个关键词，或试试拼音首字母。</View>
            {filtered && (
              <View className="btn btn--ghost" role="button" onClick={() => void search({ q: undefined, industry: undefined, qualification: undefined })}>
                清除搜索和筛选
              </View>
            )}
          </>
        }
      >
        {(c) => <CompanyRow key={c.id} company={c} />}
      </PagedResults>
    </View>
    </CareRoot>
  )
}
