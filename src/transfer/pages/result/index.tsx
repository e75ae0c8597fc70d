import { useEffect } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { isIllustrative } from '@cloud/contracts/zone'
import { TRL_WORDS } from '@cloud/contracts/transfer'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { paths } from '@/paths'
import { exhibitPageUrl, openPage } from '@/services/navigate'
import { usePageTitle } from '@/services/page-title'
import { Cell, CellGroup } from '@/ui/Cell'
import { Illustrative } from '@/ui/Illustrative'
import { PageShell } from '@/ui/PageShell'
import { transferStore, useTransfer } from '@/transfer/store'
import { transferText } from '@/transfer/strings'
import { useValueText } from '@/transfer/values'
import '@/transfer/transfer.scss'

// One result: what it is, how mature, how it may change hands, the deal as the article tells it
// (大工 → 上技所大连服务中心 → 海天兴业), the company that took it up, the policies that fit, and
// the button that asks the transfer centre.
export default function ResultPage() {
  const { params } = useRouter()
  const id = String(params.id ?? '')
  const state = useTransfer((st) => st.result[id])
  const s = useStrings(transferText)
  const lang = useLang()
  const en = lang === 'en'
  const v = useValueText()
  useEffect(() => {
    if (id) void transferStore.getState().loadResult(id)
  }, [id])
  usePageTitle(state?.status === 'ready' ? (en && state.data.result.titleEn) || state.data.result.title : s('results'))

  const back = { text: s('backResults'), onTap: () => openPage(paths.transferResults) }
  const shown = id ? state : ({ status: 'error', error: { code: 'NOT_FOUND', message: s('noResultGiven') } } as const)
  return (
    <PageShell state={shown} className="tf-result" loadingText={s('opening')} errorAction={back} onRetry={id ? () => void transferStore.getState().loadResult(id, true) : undefined}>
      {({ result: r, companies, needs, policies }) => {
        const demo = (field: string) => isIllustrative(r, field)
        const taker = companies.find((c) => c.id === r.companyId)
        const others = companies.filter((c) => c !== taker).slice(0, 3)
        return (
          <>
            <View className="card">
              <View className="section-title" role="heading" aria-level={1}>
                <Text data-content>{en && r.titleEn ? r.titleEn : r.title}</Text>
                <Illustrative show={r.source === 'illustrative'} />
              </View>
              <View className="tf-tags">
                <View className="tag">{v(r.field)}</View>
                <View className="tag" data-trl={r.trl}>
                  TRL {r.trl} · {TRL_WORDS[r.trl][en ? 'en' : 'zh']}
                  <Illustrative show={demo('trl')} />
                </View>
              </View>
              <View data-content>{en && r.summaryEn ? r.summaryEn : r.summary}</View>
            </View>

            {r.deal && (
              <View className="card" data-section="deal">
                <View className="tf-section__title" role="heading" aria-level={2}>
                  {s('deal')}
                </View>
                {r.deal.duration && <View className="muted">{s('dealTook', { d: en && r.deal.durationEn ? r.deal.durationEn : r.deal.duration })}</View>}
                <View className="tf-steps">
                  {r.deal.steps.map((step, i) => {
                    const open = step.companyId ? () => openPage(paths.company(step.companyId!)) : step.platformId ? () => openPage(paths.transferPlatforms) : undefined
                    return (
                      <View key={i} className="tf-step" data-step={i} role={open ? 'link' : undefined} onClick={open}>
                        <View className={`tf-step__who ${open ? 'tf-link' : ''}`} data-content>
                          {en && step.whoEn ? step.whoEn : step.who}
                          {open ? ' ›' : ''}
                        </View>
                        <View className="muted" data-content>
                          {en && step.whatEn ? step.whatEn : step.what}
                        </View>
                      </View>
                    )
                  })}
                </View>
                <View className="tf-figures">
                  {r.deal.figures.map((f) => (
                    <View key={f.label} className="tf-figure">
                      <View className="tf-figure__value">{en && f.valueEn ? f.valueEn : f.value}</View>
                      <View className="tf-figure__label">{en && f.labelEn ? f.labelEn : f.label}</View>
                    </View>
                  ))}
                </View>
              </View>
            )}

            <CellGroup title={s('owner')}>
              <Cell title={<Text data-content>{en && r.ownerEn ? r.ownerEn : r.owner}</Text>} label={r.coOwners.length ? <Text data-content>{`${s('coOwners')}：${r.coOwners.join('、')}`}</Text> : undefined} />
              <Cell title={s('kind')} value={<View>{v(r.kind)}<Illustrative show={demo('kind')} /></View>} />
              {r.ip.map((ip, i) => (
                <Cell key={i} title={s('ip')} value={<View>{`${v(ip.type)}${ip.number ? ` ${ip.number}` : ''} · ${v(ip.status)}`}<Illustrative show={demo('ip')} /></View>} />
              ))}
              <Cell title={s('modes')} value={<View>{r.modes.map(v).join(en ? ', ' : '、')}<Illustrative show={demo('modes')} /></View>} />
              <Cell title={s('price')} value={<View>{v(r.priceMode)}<Illustrative show={demo('priceMode')} /></View>} />
            </CellGroup>

            {r.indicators.length > 0 && (
              <View className="card">
                <View className="tf-section__title">
                  {s('indicators')}
                  <Illustrative show={demo('indicators')} />
                </View>
                {r.indicators.map((x) => (
                  <View key={x} data-content>
                    · {x}
                  </View>
                ))}
              </View>
            )}

            <View className="btn" role="button" data-action="send-request" onClick={() => openPage(paths.transferRequest('result', r.id))}>
              {s('sendRequest')}
            </View>

            {/* The company that took the result up is a fact; the others are suggestions, under their own title. */}
            {taker && (
              <CellGroup title={s('company')}>
                <Cell action={`company-${taker.id}`} title={<Text data-content>{taker.title}</Text>} label={<Text data-content>{taker.reasons.join('；')}</Text>} onTap={() => openPage(paths.company(taker.id))} />
              </CellGroup>
            )}
            {others.length > 0 && (
              <CellGroup title={s('fitCompanies')}>
                {others.map((c) => (
                  <Cell key={c.id} action={`company-${c.id}`} title={<Text data-content>{c.title}</Text>} label={<Text data-content>{c.reasons.join('；')}</Text>} onTap={() => openPage(paths.company(c.id))} />
                ))}
              </CellGroup>
            )}

            {policies.length > 0 && (
              <CellGroup title={s('policies')} footer={s('policiesHint')}>
                {policies.map((p) => (
                  <Cell key={p.id} action={`policy-${p.id}`} title={<Text data-content>{p.title}</Text>} onTap={() => openPage(paths.policy(p.id))} />
                ))}
              </CellGroup>
            )}

            {needs.length > 0 && (
              <CellGroup title={s('fitNeeds')}>
                {needs.map((n) => (
                  <Cell
                    key={n.id}
                    title={<Text data-content>{n.title}</Text>}
                    label={
                      <View>
                        <View data-content>{n.reasons.join('；')}</View>
                        {n.gaps.length > 0 && <View className="tf-gap">{s('gaps')}<Text data-content>{n.gaps.join('；')}</Text></View>}
                      </View>
                    }
                    onTap={() => openPage(paths.transferRequest('need', n.id))}
                  />
                ))}
              </CellGroup>
            )}

            {r.exhibitCode && (
              <View className="tf-link" role="link" data-action="exhibit" onClick={() => openPage(exhibitPageUrl(r.exhibitCode!))}>
                {s('exhibit')}
                {en && r.titleEn ? r.titleEn : r.title} ›
              </View>
            )}
            <View className="muted">
              {s('source')}
              {r.sourceNote ? <Text data-content>{r.sourceNote}</Text> : s('illustrativeRecord')}
            </View>
          </>
        )
      }}
    </PageShell>
  )
}
