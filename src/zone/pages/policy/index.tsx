import { useEffect, type ReactNode } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { isIllustrative } from '@cloud/contracts/zone'
import { PageShell } from '@/ui/PageShell'
import { openPage } from '@/services/navigate'
import { Illustrative } from '@/ui/Illustrative'
import { StatusTag } from '@/zone/components/StatusTag'
import { useZone, zonePaths, zoneStore } from '@/zone/store'
import '@/zone/components/zone.scss'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { zoneText, VALUE_EN } from '@/zone/strings'
import { usePageTitle } from '@/services/page-title'
import { applyWindowParts } from '@/zone/apply-window'
import { englishNote, inLang, listInLang, type Shown } from '@/zone/localize'
import { Content, EnglishNoteLine } from '@/zone/components/Content'

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

const items = (list: Shown[]) => list.map((x, i) => <Content key={i} block className="zone-list__item" shown={x} />)

export default function PolicyPage() {
  const { params } = useRouter()
  const id = String(params.id ?? '')
  const state = useZone((s) => s.policy[id])
  const s = useStrings(zoneText)
  const lang = useLang()
  const tag = (v: string) => (lang === 'en' ? VALUE_EN[v] ?? v : v)
  usePageTitle(s('policyTitle'))
  useEffect(() => {
    if (id) void zoneStore.getState().loadPolicy(id)
  }, [id])

  const back = { text: s('backPolicies'), onTap: () => openPage(zonePaths.policies) }
  // A link without an id is an error state of the same shell (care mode included), never a dead end.
  const shown = id ? state : ({ status: 'error', error: { code: 'NOT_FOUND', message: s('noPolicyGiven') } } as const)
  const retry = !id || (state?.status === 'error' && state.error.code === 'POLICY_NOT_FOUND') ? undefined : () => void zoneStore.getState().loadPolicy(id, true)
  return (
    <PageShell state={shown} className="zone-policy" loadingText={s('openingPolicy')} onRetry={retry} errorAction={back}>
      {(p) => {
  const demo = (field: string) => isIllustrative(p, field)
  const applyWindow = applyWindowParts(p.window, lang, s)
  const title = inLang(lang, p.title, p.titleEn)
  const summary = inLang(lang, p.summary, p.summaryEn)
  const conditions = listInLang(lang, p.conditions, p.conditionsEn)
  const benefit = inLang(lang, p.benefit.text, p.benefit.textEn)
  const materials = listInLang(lang, p.materials, p.materialsEn)
  const howToApply = inLang(lang, p.howToApply, p.howToApplyEn)
  const where = inLang(lang, p.where, p.whereEn)
  const issuer = inLang(lang, p.issuer, p.issuerEn)
  const sourceNote = inLang(lang, p.sourceNote, p.sourceNoteEn)
  const windowNote = applyWindow.note ? [{ text: applyWindow.note, zhOnly: applyWindow.noteZhOnly }] : []
  const note = englishNote(lang, p.translationEn, [title, summary, ...conditions, benefit, ...windowNote, ...materials, howToApply, where, issuer])
  return (
    <>
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          <Content shown={title} />
          <Illustrative show={demo('title')} />
        </View>
        <View className="zone-row__tags">
          <StatusTag status={p.status} />
          <View className="tag">{s('levelTag', { level: tag(p.level) })}</View>
          {p.kinds.map((k) => (
            <View key={k} className="tag" data-content={lang === 'en' && !VALUE_EN[k] ? true : undefined}>
              {tag(k)}
            </View>
          ))}
        </View>
        <View className="muted">{s('audiences')}{lang === 'en' ? p.audiences.map(tag).join(', ') : p.audiences.join('、')}</View>
        <EnglishNoteLine note={note} what="policy" />
      </View>
      <Section name="summary" title={s('summary')}>
        <Content block shown={summary} />
      </Section>
      <Section name="conditions" title={s('conditions')} demo={demo('conditions')}>
        {items(conditions)}
      </Section>
      <Section name="benefit" title={s('benefit')} demo={demo('benefit')}>
        <Content block className="zone-policy__benefit" shown={benefit} />
      </Section>
      <Section name="window" title={s('window')} demo={demo('window') || demo('validity')}>
        <View>{s('validity')}{p.validFrom || p.validTo ? s('validRange', { from: p.validFrom ?? '—', to: p.validTo ?? s('validForever') }) : s('perOriginal')}</View>
        <View>{s('applyWindow')}{applyWindow.lead}{windowNote.map((n) => <Content key="note" shown={n} />)}</View>
      </Section>
      <Section name="materials" title={s('materials')} demo={demo('materials')}>
        {items(materials)}
      </Section>
      <Section name="apply" title={s('howToApply')} demo={demo('howToApply') || demo('where')}>
        <Content block shown={howToApply} />
        <View className="muted">{s('where')}<Content shown={where} /></View>
      </Section>
      <Section name="issuer" title={s('issuerTitle')} demo={demo('docNumber')}>
        <View>{s('issuer')}<Content shown={issuer} /></View>
        {/* A document number is cited as issued (国科发火〔2016〕32号), in every language. */}
        <View>{s('docNumber')}<Text data-content data-as-entered>{p.docNumber ?? '—'}</Text></View>
      </Section>
      <Section name="source" title={s('source')} demo={p.source === 'illustrative'}>
        <Content block className="muted" shown={sourceNote} />
      </Section>
      {p.rules?.length ? (
        <View className="btn" onClick={() => openPage(zonePaths.match)}>
          {s('testIt')}
        </View>
      ) : null}
    </>
  )
      }}
    </PageShell>
  )
}
