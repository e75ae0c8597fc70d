import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Picker, View } from '@tarojs/components'
import { Icon } from '@/ui/Icon'
import { formatWan, INDUSTRIES, QUALIFICATIONS, TALENT_TYPES, type Industry, type MatchProfile, type Qualification, type TalentType } from '@cloud/contracts/zone'
import { Loaded } from '@/ui/Loaded'
import { PageShell } from '@/ui/PageShell'
import { ChipGroup } from '@/zone/components/ChipGroup'
import { Illustrative } from '@/ui/Illustrative'
import { MatchCard } from '@/zone/components/MatchCard'
import { SaveProfile } from '@/zone/components/SaveProfile'
import { useZone, zoneStore } from '@/zone/store'
import '@/zone/components/zone.scss'
import './index.scss'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { TALENT_EN, VALUE_EN, yuanEn, zoneText } from '@/zone/strings'
import { usePageTitle } from '@/services/page-title'

type NumberKey = 'employees' | 'revenue' | 'rdShare' | 'inventionPatents' | 'otherIp'
const NUMBERS: Array<{ key: NumberKey; example: number }> = [
  { key: 'employees', example: 50 },
  { key: 'revenue', example: 1200 },
  { key: 'rdShare', example: 5 },
  { key: 'inventionPatents', example: 2 },
  { key: 'otherIp', example: 5 },
]
const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])

export default function MatchPage() {
  const result = useZone((s) => s.match)
  const [inZone, setInZone] = useState(true)
  const [financingNeed, setFinancingNeed] = useState(false)
  const [founded, setFounded] = useState('')
  const [numbers, setNumbers] = useState<Record<NumberKey, string>>({ employees: '', revenue: '', rdShare: '', inventionPatents: '', otherIp: '' })
  const [qualifications, setQualifications] = useState<Qualification[]>([])
  const [talent, setTalent] = useState<TalentType[]>([])
  const [industry, setIndustry] = useState<Industry | undefined>()
  const [errors, setErrors] = useState<Record<string, string>>({})
  // Fields changed since the last check: their old message (ours or the server's) no longer describes them.
  const [edited, setEdited] = useState<Record<string, true>>({})
  const editing = (key: string) => {
    if (!edited[key]) setEdited((e) => ({ ...e, [key]: true }))
  }
  const s = useStrings(zoneText)
  const lang = useLang()
  const label = (v: string, en: Record<string, string> = VALUE_EN) => (lang === 'en' ? en[v] ?? v : v)
  const YES_NO = [
    { value: 'yes', label: s('yes') },
    { value: 'no', label: s('no') },
  ]
  usePageTitle(s('calculator'))

  const submit = () => {
    const problems: Record<string, string> = {}
    const profile: MatchProfile = { inZone, financingNeed, qualifications, talent, ...(industry ? { industry } : {}) }
    if (founded.trim()) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(founded.trim())) profile.founded = founded.trim()
      else problems.founded = s('foundedFormat')
    }
    for (const { key } of NUMBERS) {
      const raw = numbers[key].trim()
      if (!raw) continue
      const n = Number(raw)
      if (!Number.isFinite(n) || n < 0) problems[key] = s('numberProblem')
      else profile[key] = n
    }
    setErrors(problems)
    setEdited({})
    if (Object.keys(problems).length) return
    void zoneStore
      .getState()
      .runMatch(profile)
      .then(() => Taro.pageScrollTo({ selector: '#match-result', duration: 200 }).catch(() => undefined))
  }
  const serverFields = result.status === 'error' ? result.error.fields ?? {} : {}
  // Server field messages are Chinese; in English the field's own rule says the same.
  const fieldError = (key: string) =>
    edited[key] ? undefined : errors[key] ?? (serverFields[`profile.${key}`] && lang === 'en' ? (key === 'founded' ? s('foundedFormat') : s('numberProblem')) : serverFields[`profile.${key}`])

  return (
    <PageShell className="zone-match-page">
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          {s('calculator')}
        </View>
        <View className="muted">{s('calcIntro')}</View>
      </View>

      <View className="card">
        <ChipGroup name="inZone" label={s('inZone')} options={YES_NO} isOn={(v) => (v === 'yes') === inZone} onTap={(v) => setInZone(v === 'yes')} />
        <View className="zone-form__field">
          <View className="zone-form__label">{s('founded')}</View>
          <View className="zone-form__date">
            <Input
              className="field zone-form__input"
              data-field="founded"
              value={founded}
              placeholder={s('foundedPlaceholder')}
              maxlength={10}
              onInput={(e) => {
                editing('founded')
                setFounded(e.detail.value)
              }}
            />
            {/* A calendar for those who would rather pick than type (WeChat's native date picker on weapp). */}
            <Picker
              mode="date"
              value={founded || '2020-01-01'}
              start="1980-01-01"
              end={new Date().toISOString().slice(0, 10)}
              onChange={(e) => {
                editing('founded')
                setFounded(String(e.detail.value))
              }}
            >
              <View className="chip zone-form__pick" role="button" data-action="pick-founded" aria-label={s('pickFounded')}>
                <Icon name="calendar-days" size="s" />
                {s('pick')}
              </View>
            </Picker>
          </View>
          {fieldError('founded') && <View className="zone-form__error">{fieldError('founded')}</View>}
        </View>
        {NUMBERS.map(({ key, example }) => (
          <View key={key} className="zone-form__field">
            <View className="zone-form__label">{s(key)}</View>
            <Input
              className="field zone-form__input"
              data-field={key}
              type="digit"
              value={numbers[key]}
              placeholder={s('eg', { n: example })}
              onInput={(e) => {
                editing(key)
                setNumbers((s) => ({ ...s, [key]: e.detail.value }))
              }}
            />
            {fieldError(key) && <View className="zone-form__error">{fieldError(key)}</View>}
          </View>
        ))}
        <ChipGroup
          wrap
          name="qualifications"
          label={s('qualificationsMany')}
          options={QUALIFICATIONS.map((v) => ({ value: v, label: label(v) }))}
          isOn={(v) => qualifications.includes(v as Qualification)}
          onTap={(v) => setQualifications((s) => toggle(s, v as Qualification))}
        />
        <ChipGroup
          wrap
          name="talent"
          label={s('talent')}
          options={TALENT_TYPES.filter((t) => t !== '无').map((v) => ({ value: v, label: label(v, TALENT_EN) }))}
          isOn={(v) => talent.includes(v as TalentType)}
          onTap={(v) => setTalent((s) => toggle(s, v as TalentType))}
        />
        <ChipGroup name="financing" label={s('financing')} options={YES_NO} isOn={(v) => (v === 'yes') === financingNeed} onTap={(v) => setFinancingNeed(v === 'yes')} />
        <ChipGroup
          wrap
          name="industry"
          label={s('industryOptional')}
          options={INDUSTRIES.map((v) => ({ value: v, label: label(v) }))}
          isOn={(v) => industry === v}
          onTap={(v) => setIndustry((s) => (s === v ? undefined : (v as Industry)))}
        />
        <View className="btn" role="button" onClick={submit}>
          {s('runMatch')}
        </View>
      </View>

      <View id="match-result">
        <Loaded state={result} idle={null} loadingText={s('matching')} onRetry={submit}>
          {(answer) => (
          <View>
            <View className="card" data-section="total">
              <View className="section-title">{s('fitsCount', { n: answer.fits.length })}</View>
              {answer.estimatedTotal > 0 && (
                <View>
                  <View className="muted">{s('totalUpTo')}</View>
                  <View className="zone-total">
                    {lang === 'en' ? yuanEn(answer.estimatedTotal) : formatWan(answer.estimatedTotal)}
                    <Illustrative show={answer.totalIllustrative} />
                  </View>
                </View>
              )}
              {answer.withoutAmount > 0 && <View className="muted">{s('withoutAmount', { n: answer.withoutAmount })}</View>}
              {answer.totalIllustrative && <View className="zone-note">{s('totalIllustrative')}</View>}
            </View>
            <SaveProfile />
            <View className="section-title" role="heading" aria-level={2}>
              {s('fits')}
            </View>
            {answer.fits.length === 0 && <View className="muted zone-empty">{s('noFits')}</View>}
            {answer.fits.map((f) => (
              <MatchCard key={f.policy.id} item={f} kind="fit" />
            ))}
            <View className="section-title" role="heading" aria-level={2}>
              {s('near')}
            </View>
            {answer.nearMisses.length === 0 && <View className="muted zone-empty">{s('noNear')}</View>}
            {answer.nearMisses.map((f) => (
              <MatchCard key={f.policy.id} item={f} kind="near" />
            ))}
          </View>
          )}
        </Loaded>
      </View>
    </PageShell>
  )
}
