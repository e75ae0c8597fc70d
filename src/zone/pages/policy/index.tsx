import { useEffect, type ReactNode } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { isIllustrative, type PolicyWithStatus } from '@cloud/contracts/zone'
import { ErrorView } from '@/ui/ErrorView'
import { LoadingView } from '@/ui/LoadingView'
import { openPage } from '@/services/navigate'
import { Illustrative } from '@/zone/components/Illustrative'
import { StatusTag } from '@/zone/components/StatusTag'
import { useZone, zonePaths, zoneStore } from '@/zone/store'
import '@/zone/components/zone.scss'
import { CareRoot } from '@/care/CareRoot'

function Section({ title, demo, children, name }: { title: string; demo?: boolean; children: ReactNode; name: string }) {
  return (
    <View className="card zone-section" data-section={name}>
      <View className="zone-section__title">
        {title}
        <Illustrative show={!!demo} />
      </View>
      {children}
    </View>
  )
}

const items = (list: string[]) => list.map((x) => <View key={x} className="zone-list__item">{x}</View>)

function windowText(p: PolicyWithStatus): string {
  const w = p.window
  const range = w?.opens || w?.closes ? `${w?.opens ?? '即日起'} 至 ${w?.closes ?? '常年'}` : '常年受理'
  return w?.note ? `${range}（${w.note}）` : range
}

export default function PolicyPage() {
  const { params } = useRouter()
  const id = String(params.id ?? '')
  const state = useZone((s) => s.policy[id])
  useEffect(() => {
    if (id) void zoneStore.getState().loadPolicy(id)
  }, [id])

  const back = { text: '返回政策查询', onTap: () => openPage(zonePaths.policies) }
  if (!id) return <ErrorView error={{ code: 'NOT_FOUND', message: '没有指定政策' }} action={back} />
  if (!state || state.status === 'loading' || state.status === 'idle') return <LoadingView text="正在打开政策…" />
  if (state.status === 'error')
    return <ErrorView error={state.error} onRetry={state.error.code === 'POLICY_NOT_FOUND' ? undefined : () => void zoneStore.getState().loadPolicy(id, true)} action={back} />

  const p = state.data
  const demo = (field: string) => isIllustrative(p, field)
  return (
    <CareRoot>
    <View className="page zone-policy">
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          {p.title}
          <Illustrative show={demo('title')} />
        </View>
        <View className="zone-row__tags">
          <StatusTag status={p.status} />
          <View className="tag">{p.level}级</View>
          {p.kinds.map((k) => (
            <View key={k} className="tag">
              {k}
            </View>
          ))}
        </View>
        <View className="muted">适用对象：{p.audiences.join('、')}</View>
      </View>
      <Section name="summary" title="政策简介">
        <View>{p.summary}</View>
      </Section>
      <Section name="conditions" title="申报条件" demo={demo('conditions')}>
        {items(p.conditions)}
      </Section>
      <Section name="benefit" title="支持内容" demo={demo('benefit')}>
        <View className="zone-policy__benefit">{p.benefit.text}</View>
      </Section>
      <Section name="window" title="有效期与申报时间" demo={demo('window') || demo('validity')}>
        <View>有效期：{p.validFrom || p.validTo ? `${p.validFrom ?? '—'} 至 ${p.validTo ?? '长期有效'}` : '以原文为准'}</View>
        <View>申报时间：{windowText(p)}</View>
      </Section>
      <Section name="materials" title="申报材料" demo={demo('materials')}>
        {items(p.materials)}
      </Section>
      <Section name="apply" title="如何申报" demo={demo('howToApply') || demo('where')}>
        <View>{p.howToApply}</View>
        <View className="muted">受理地点：{p.where}</View>
      </Section>
      <Section name="issuer" title="发文单位与文号" demo={demo('docNumber')}>
        <View>发文单位：{p.issuer}</View>
        <View>文号：{p.docNumber ?? '—'}</View>
      </Section>
      <Section name="source" title="来源" demo={p.source === 'illustrative'}>
        <View className="muted">{p.sourceNote}</View>
      </Section>
      {p.rules?.length ? (
        <View className="btn" onClick={() => openPage(zonePaths.match)}>
          用政策计算器测一测
        </View>
      ) : null}
    </View>
    </CareRoot>
  )
}
