// 相关政策 (on an exhibit's page and on its company's): the zone policies that follow a company,
// each with why it is shown (zone.policiesFor, cloud/zone/related.ts: the policy names the company, its industry, a qualification it holds). Up to
// three links into the zone subpackage's policy page. A secondary section: while it loads, or if the
// call fails, the exhibit page simply goes without it.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { RelatedPolicy } from '@cloud/contracts/zone'
import { useLang, useT } from '@/i18n/store'
import { paths } from '@/paths'
import { callCloud } from '@/services/cloud'
import { openPage } from '@/services/navigate'
import { Cell, CellGroup } from '@/ui/Cell'

/** Per company, for this run of the app: walking back to an exhibit does not ask again. */
const cache = new Map<string, RelatedPolicy[]>()

export function RelatedPolicies({ companyId }: { companyId: string }) {
  const t = useT()
  const en = useLang() === 'en'
  const [policies, setPolicies] = useState<RelatedPolicy[] | undefined>(cache.get(companyId))
  useEffect(() => {
    if (cache.has(companyId)) return setPolicies(cache.get(companyId))
    let live = true
    void callCloud('zone', 'policiesFor', { companyId }).then((res) => {
      if (!res.ok) return
      cache.set(companyId, res.data.policies)
      if (live) setPolicies(res.data.policies)
    })
    return () => {
      live = false
    }
  }, [companyId])
  if (!policies?.length) return null
  return (
    <View className="related-policies" data-section="related-policies">
      <CellGroup title={t('exhibit.policies')} footer={t('exhibit.policiesNote')}>
        {policies.map((p) => (
          <Cell
            key={p.id}
            action={`policy-${p.id}`}
            // English where the zone office gave it; else the Chinese, marked as such (data-zh-only).
            title={
              <View data-content data-zh-only={en && !p.titleEn ? true : undefined}>
                {en && p.titleEn ? p.titleEn : p.title}
              </View>
            }
            label={<WhyShown kind={p.why.kind} value={en && p.why.valueEn ? p.why.valueEn : p.why.value} zhOnly={en && !p.why.valueEn} />}
            onTap={() => openPage(paths.policy(p.id))}
          />
        ))}
      </CellGroup>
    </View>
  )
}

/** The reason in the interface's language, with the company's own words (its name, a qualification,
 *  an industry) marked as content — in English when the cloud has it, else in Chinese, marked so. */
function WhyShown({ kind, value, zhOnly }: { kind: RelatedPolicy['why']['kind']; value: string; zhOnly: boolean }) {
  const t = useT()
  const MARK = '\u0000'
  const [before, ...rest] = t(`exhibit.why.${kind}`, { v: MARK }).split(MARK)
  // A reason without a value ("open to every company") is interface text alone.
  if (!rest.length) return <View data-why={kind}>{before}</View>
  return (
    <View data-why={kind}>
      {before}
      <Text data-content data-zh-only={zhOnly ? true : undefined}>
        {value}
      </Text>
      {rest.join('')}
    </View>
  )
}
