import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { isIllustrative } from '@cloud/contracts/zone'
import { ErrorView } from '@/ui/ErrorView'
import { LoadingView } from '@/ui/LoadingView'
import { exhibitPageUrl, openPage } from '@/services/navigate'
import { Illustrative } from '@/zone/components/Illustrative'
import { useZone, zonePaths, zoneStore } from '@/zone/store'
import '@/zone/components/zone.scss'
import { CareRoot } from '@/care/CareRoot'

export default function CompanyPage() {
  const { params } = useRouter()
  const id = String(params.id ?? '')
  const state = useZone((s) => s.company[id])

  useEffect(() => {
    if (id) void zoneStore.getState().loadCompany(id)
  }, [id])
  const name = state?.status === 'ready' ? state.data.name : null
  useEffect(() => {
    if (name) void Taro.setNavigationBarTitle({ title: name })
  }, [name])

  const back = { text: '返回企业名录', onTap: () => openPage(zonePaths.companies) }
  if (!id) return <ErrorView error={{ code: 'NOT_FOUND', message: '没有指定企业' }} action={back} />
  if (!state || state.status === 'loading' || state.status === 'idle') return <LoadingView text="正在打开企业…" />
  if (state.status === 'error')
    return <ErrorView error={state.error} onRetry={state.error.code === 'COMPANY_NOT_FOUND' ? undefined : () => void zoneStore.getState().loadCompany(id, true)} action={back} />

  const c = state.data
  const demo = (field: string) => isIllustrative(c, field)
  return (
    <CareRoot>
    <View className="page zone-company">
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          {c.name}
        </View>
        {c.shortName && <View className="muted">简称：{c.shortName}</View>}
        <View className="zone-row__tags">
          <View className="tag">{c.industry}</View>
          {c.fields.map((f) => (
            <View key={f} className="tag">
              {f}
            </View>
          ))}
          <Illustrative show={demo('fields')} />
        </View>
      </View>

      <View className="card zone-section">
        <View className="zone-section__title">企业简介</View>
        <View>{c.profile}</View>
        {c.founded && (
          <View className="muted">
            成立于 {c.founded}
            <Illustrative show={demo('founded')} />
          </View>
        )}
      </View>

      <View className="card zone-section" data-section="qualifications">
        <View className="zone-section__title">
          资质荣誉
          <Illustrative show={demo('qualifications')} />
        </View>
        {c.qualifications.length ? (
          <View className="zone-row__tags">
            {c.qualifications.map((q) => (
              <View key={q} className="tag">
                {q}
              </View>
            ))}
          </View>
        ) : (
          <View className="muted">暂无资质信息</View>
        )}
      </View>

      <View className="card zone-section">
        <View className="zone-section__title">
          主要产品
          <Illustrative show={demo('products')} />
        </View>
        {c.products.map((p) => (
          <View key={p} className="zone-list__item">
            {p}
          </View>
        ))}
      </View>

      <View className="card zone-section" data-section="exhibits">
        <View className="zone-section__title">馆内展品</View>
        {c.exhibits.length === 0 && <View className="muted">该企业暂无展品在高新区科技馆展出。</View>}
        {c.exhibits.map((e) => (
          <View key={e.code} className="zone-link" role="link" onClick={() => openPage(exhibitPageUrl(e.code))}>
            查看展品：{e.name} ›
          </View>
        ))}
      </View>

      <View className="card zone-section">
        <View className="zone-section__title">
          联系方式
          <Illustrative show={demo('contact')} />
        </View>
        {c.contact?.phone && <View>电话：{c.contact.phone}</View>}
        {c.contact?.address && <View>地址：{c.contact.address}</View>}
        {c.contact?.website && <View>网址：{c.contact.website}</View>}
        <View className="muted">对接合作可联系高新区科技成果转化中心。</View>
      </View>

      <View className="btn" onClick={() => openPage(zonePaths.match)}>
        用政策计算器看看能申请哪些政策
      </View>
      <View className="zone-note">
        来源：{c.sourceNote ?? (c.source === 'article' ? '新闻报道' : '示意')}
        <Illustrative show={c.source === 'illustrative'} />
      </View>
    </View>
    </CareRoot>
  )
}
