// 相关政策 on a company's page: the zone policies that follow the company, each with why it is shown
// (zone.policiesFor, cloud/zone/related.ts — the same three as under its exhibits). A secondary
// section: while it loads, or if the call fails, the page goes without it.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { RelatedPolicy } from '@cloud/contracts/zone'
import { useT } from '@/i18n/store'
import { paths } from '@/paths'
import { callCloud } from '@/services/cloud'
import { openPage } from '@/services/navigate'
import { Cell, CellGroup } from '@/ui/Cell'

export function CompanyPolicies({ companyId }: { companyId: string }) {
  const t = useT()
  const [policies, setPolicies] = useState<RelatedPolicy[]>()
  useEffect(() => {
    let live = true
    void callCloud('zone', 'policiesFor', { companyId }).then((res) => live && res.ok && setPolicies(res.data.policies))
    return () => {
      live = false
    }
  }, [companyId])
  if (!policies?.length) return null
  return (
    <View data-section="company-policies">
      <CellGroup title={t('exhibit.policies')}>
        {policies.map((p) => {
          const MARK = '\u0000'
          const [before, ...rest] = t(`exhibit.why.${p.why.kind}`, { v: MARK }).split(MARK)
          return (
            <Cell
              key={p.id}
              action={`policy-${p.id}`}
              title={<View data-content>{p.title}</View>}
              label={
                <View data-why={p.why.kind}>
                  {before}
                  {rest.length > 0 && <Text data-content>{p.why.value}</Text>}
                  {rest.join('')}
                </View>
              }
              onTap={() => openPage(paths.policy(p.id))}
            />
          )
        })}
      </CellGroup>
    </View>
  )
}
