import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Picker, Textarea, View } from '@tarojs/components'
import { INDUSTRIES } from '@cloud/contracts/zone'
import { BUDGET_BANDS, TRL_WORDS, type BudgetBand } from '@cloud/contracts/transfer'
import type { Industry } from '@cloud/contracts/zone'
import { errorText } from '@/i18n/errors'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { paths } from '@/paths'
import { callCloud } from '@/services/cloud'
import { openPage } from '@/services/navigate'
import { usePageTitle } from '@/services/page-title'
import { PageShell } from '@/ui/PageShell'
import { Field } from '@/transfer/components/Field'
import { transferStore } from '@/transfer/store'
import { transferText } from '@/transfer/strings'
import { useValueText } from '@/transfer/values'
import '@/transfer/transfer.scss'

const TRLS = [1, 2, 3, 4, 5, 6, 7, 8, 9]
const inMonths = (n: number) => {
  const d = new Date(Date.now() + n * 30 * 24 * 3600_000)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

// 发布需求: a company posts a need, answering the clarity checklist first; the centre reviews it
// before it shows (返回补充 when unclear).
export default function NeedFormPage() {
  const s = useStrings(transferText)
  const lang = useLang()
  usePageTitle(s('postNeed'))
  const v = useValueText()
  const [form, setForm] = useState({ title: '', problem: '', keywords: '', organisation: '', contactName: '', phone: '', known: '', tried: '', success: '', desiredBy: '' })
  const [field, setField] = useState<Industry>(INDUSTRIES[0])
  const [trl, setTrl] = useState(6)
  const [budget, setBudget] = useState<BudgetBand>('面议')
  const [validUntil, setValidUntil] = useState(inMonths(6))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)
  const set = (k: keyof typeof form) => (e: { detail: { value: string } }) => {
    setForm((f) => ({ ...f, [k]: e.detail.value }))
    setErrors((x) => ({ ...x, [k]: '', [`clarity.${k}`]: '' }))
  }
  const submit = async () => {
    if (sending) return
    setSending(true)
    const res = await callCloud('transfer', 'submitNeed', {
      title: form.title,
      problem: form.problem,
      field,
      targetTrl: trl,
      budget,
      validUntil,
      ...(form.desiredBy ? { desiredBy: form.desiredBy } : {}),
      keywords: form.keywords.split(/[\s,，、]+/).filter(Boolean),
      organisation: form.organisation,
      contactName: form.contactName,
      phone: form.phone,
      clarity: { known: form.known, tried: form.tried, success: form.success },
    })
    setSending(false)
    if (!res.ok) return setErrors({ ...(res.error.fields ?? {}), _: errorText(res.error, lang) })
    void transferStore.getState().loadMine()
    await Taro.showToast({ title: s('needSent'), icon: 'none', duration: 2500 })
    openPage(paths.transferMine)
  }
  // Each field says what it wants in its placeholder too: Taro's H5 inputs do not pass aria-labelledby to the inner element.
  const PLACEHOLDER: Partial<Record<keyof typeof form, Parameters<typeof s>[0]>> = {
    title: 'phTitle',
    problem: 'phProblem',
    keywords: 'phKeywords',
    organisation: 'phOrganisation',
    contactName: 'phContactName',
    phone: 'phPhone',
    known: 'phKnown',
    tried: 'phTried',
    success: 'phSuccess',
  }
  const text = (k: keyof typeof form, label: string, area = false, errorKey: string = k) => {
    const placeholder = PLACEHOLDER[k] ? s(PLACEHOLDER[k]) : label
    return (
      <Field id={k} label={label} error={errors[errorKey]}>
        {area ? (
          <Textarea className="field tf-textarea" aria-labelledby={`tf-${k}`} placeholder={placeholder} value={form[k]} maxlength={1000} onInput={set(k)} />
        ) : (
          <Input className="field" aria-labelledby={`tf-${k}`} placeholder={placeholder} value={form[k]} onInput={set(k)} />
        )}
      </Field>
    )
  }
  return (
    <PageShell className="tf-need-form">
      <View className="card">
        {text('title', s('needTitle'))}
        {text('problem', s('problem'), true)}
        <Field id="field" label={s('field')} error={errors.field}>
          <Picker mode="selector" range={INDUSTRIES.map(v)} value={INDUSTRIES.indexOf(field)} onChange={(e) => setField(INDUSTRIES[Number(e.detail.value)])}>
            <View className="field">{v(field)}</View>
          </Picker>
        </Field>
        <Field id="targetTrl" label={s('targetTrl')} error={errors.targetTrl}>
          <Picker mode="selector" range={TRLS.map((t) => `TRL ${t} · ${TRL_WORDS[t][lang === 'en' ? 'en' : 'zh']}`)} value={trl - 1} onChange={(e) => setTrl(Number(e.detail.value) + 1)}>
            <View className="field">{`TRL ${trl} · ${TRL_WORDS[trl][lang === 'en' ? 'en' : 'zh']}`}</View>
          </Picker>
        </Field>
        <Field id="budget" label={s('budget')} error={errors.budget}>
          <Picker mode="selector" range={BUDGET_BANDS.map(v)} value={BUDGET_BANDS.indexOf(budget)} onChange={(e) => setBudget(BUDGET_BANDS[Number(e.detail.value)])}>
            <View className="field">{v(budget)}</View>
          </Picker>
        </Field>
        <Field id="validUntil" label={s('validUntil')} error={errors.validUntil}>
          <Picker mode="date" value={validUntil} onChange={(e) => setValidUntil(e.detail.value)}>
            <View className="field">{validUntil}</View>
          </Picker>
        </Field>
        {text('keywords', s('keywords'))}
      </View>
      <View className="card" data-section="clarity">
        <View className="tf-section__title">{s('clarity')}</View>
        {text('known', s('known'), true, 'clarity.known')}
        {text('tried', s('tried'), true, 'clarity.tried')}
        {text('success', s('success'), true, 'clarity.success')}
      </View>
      <View className="card">
        {text('organisation', s('organisation'))}
        {text('contactName', s('contactName'))}
        {text('phone', s('phone'))}
        <View className="muted">{s('privacy')}</View>
        {errors._ && (
          <View className="tf-field__error" role="alert">
            {errors._}
          </View>
        )}
      </View>
      <View className="btn" role="button" data-action="submit-need" onClick={() => void submit()}>
        {sending ? s('submitting') : s('submit')}
      </View>
    </PageShell>
  )
}
