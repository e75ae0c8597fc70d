import { useEffect } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { isIllustrative } from '@cloud/contracts/zone'
import { PageShell } from '@/ui/PageShell'
import { exhibitPageUrl, openPage } from '@/services/navigate'
import { Illustrative } from '@/ui/Illustrative'
import { useZone, zonePaths, zoneStore } from '@/zone/store'
import '@/zone/components/zone.scss'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { zoneText, VALUE_EN } from '@/zone/strings'
import { usePageTitle } from '@/services/page-title'
import { ResultLinks } from '@/transfer/result-links'
import { RelatedPolicies } from '@/zone/related-policies'
import { englishNote, inLang, listInLang } from '@/zone/localize'
import { Content, EnglishNoteLine } from '@/zone/components/Content'

export default function CompanyPage() {
  const { params } = useRouter()
  const id = String(params.id ?? '')
  const state = useZone((s) => s.company[id])
  const s = useStrings(zoneText)
  const lang = useLang()
  const tag = (v: string) => (lang === 'en' ? VALUE_EN[v] ?? v : v)

  useEffect(() => {
    if (id) void zoneStore.getState().loadCompany(id)
  }, [id])
  const name = state?.status === 'ready' ? inLang(lang, state.data.name, state.data.nameEn).text : null
  usePageTitle(name)

  const back = { text: s('backCompanies'), onTap: () => openPage(zonePaths.companies) }
  // A link without an id is an error state of the same shell (care mode included), never a dead end.
  const shown = id ? state : ({ status: 'error', error: { code: 'NOT_FOUND', message: s('noCompanyGiven') } } as const)
  const retry = !id || (state?.status === 'error' && state.error.code === 'COMPANY_NOT_FOUND') ? undefined : () => void zoneStore.getState().loadCompany(id, true)
  return (
    <PageShell state={shown} className="zone-company" loadingText={s('openingCompany')} onRetry={retry} errorAction={back}>
      {(c) => {
  const demo = (field: string) => isIllustrative(c, field)
  const title = inLang(lang, c.name, c.nameEn)
  const shortName = c.shortName ? inLang(lang, c.shortName, c.shortNameEn) : null
  const fields = listInLang(lang, c.fields, c.fieldsEn)
  const profile = inLang(lang, c.profile, c.profileEn)
  const products = listInLang(lang, c.products, c.productsEn)
  const address = c.contact?.address ? inLang(lang, c.contact.address, c.contact.addressEn) : null
  const sourceNote = c.sourceNote ? inLang(lang, c.sourceNote, c.sourceNoteEn) : null
  const note = englishNote(lang, c.translationEn, [title, ...(shortName ? [shortName] : []), ...fields, profile, ...products, ...(address ? [address] : [])])
  return (
    <>
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          <Content block shown={title} />
        </View>
        {/* The registered name as entered, under its English one: what a visitor finds on signs and papers. */}
        {lang === 'en' && !title.zhOnly && <View className="muted" data-content data-as-entered>{c.name}</View>}
        {shortName && <View className="muted">{s('shortName')}<Content shown={shortName} /></View>}
        <View className="zone-row__tags">
          <View className="tag" data-content={lang === 'en' && !VALUE_EN[c.industry] ? true : undefined}>{tag(c.industry)}</View>
          {fields.map((f, i) => (
            <Content key={i} block className="tag" shown={f} />
          ))}
          <Illustrative show={demo('fields')} />
        </View>
        <EnglishNoteLine note={note} what="company" />
      </View>

      <View className="card zone-section">
        <View className="zone-section__title">{s('profile')}</View>
        <Content block shown={profile} />
        {c.founded && (
          <View className="muted">
            {s('foundedIn')}{c.founded}
            <Illustrative show={demo('founded')} />
          </View>
        )}
      </View>

      <View className="card zone-section" data-section="qualifications">
        <View className="zone-section__title">
          {s('qualifications')}
          <Illustrative show={demo('qualifications')} />
        </View>
        {c.qualifications.length ? (
          <View className="zone-row__tags">
            {c.qualifications.map((q) => (
              <View key={q} className="tag" data-content={lang === 'en' && !VALUE_EN[q] ? true : undefined}>
                {tag(q)}
              </View>
            ))}
          </View>
        ) : (
          <View className="muted">{s('noQualifications')}</View>
        )}
      </View>

      <View className="card zone-section">
        <View className="zone-section__title">
          {s('products')}
          <Illustrative show={demo('products')} />
        </View>
        {products.map((p, i) => (
          <Content key={i} block className="zone-list__item" shown={p} />
        ))}
      </View>

      <View className="card zone-section" data-section="exhibits">
        <View className="zone-section__title">{s('exhibitsInMuseum')}</View>
        {c.exhibits.length === 0 && <View className="muted">{s('noExhibits')}</View>}
        {c.exhibits.map((e) => (
          <View key={e.code} className="zone-link" role="link" onClick={() => openPage(exhibitPageUrl(e.code))}>
            {s('seeExhibit')}<Content shown={inLang(lang, e.name, e.nameEn)} /> ›
          </View>
        ))}
      </View>

      <ResultLinks by={{ company: c.id }} title={s('companyResults')} />
      <RelatedPolicies companyId={c.id} />

      <View className="card zone-section">
        <View className="zone-section__title">
          {s('contact')}
          <Illustrative show={demo('contact')} />
        </View>
        {c.contact?.phone && <View>{s('phone')}{c.contact.phone}</View>}
        {address && <View>{s('address')}<Content shown={address} /></View>}
        {c.contact?.website && <View>{s('website')}{c.contact.website}</View>}
        <View className="muted">{s('contactNote')}</View>
      </View>

      <View className="btn" onClick={() => openPage(zonePaths.match)}>
        {s('tryCalculator')}
      </View>
      <View className="zone-note">
        {s('sourceLabel')}{sourceNote ? <Content shown={sourceNote} /> : c.source === 'article' ? s('sourceArticle') : s('illustrative')}
        <Illustrative show={c.source === 'illustrative'} />
      </View>
    </>
  )
      }}
    </PageShell>
  )
}
