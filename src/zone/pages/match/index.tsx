import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Picker, View } from '@tarojs/components'
import { Icon } from '@/ui/Icon'
import { formatWan, INDUSTRIES, QUALIFICATIONS, TALENT_TYPES, type Industry, type MatchProfile, type Qualification, type TalentType } from '@cloud/contracts/zone'
import { ErrorView } from '@/ui/ErrorView'
import { LoadingView } from '@/ui/LoadingView'
import { ChipGroup } from '@/zone/components/ChipGroup'
import { Illustrative } from '@/zone/components/Illustrative'
import { MatchCard } from '@/zone/components/MatchCard'
import { useZone, zoneStore } from '@/zone/store'
import '@/zone/components/zone.scss'
import './index.scss'
import { CareRoot } from '@/care/CareRoot'

type NumberKey = 'employees' | 'revenue' | 'rdShare' | 'inventionPatents' | 'otherIp'
const NUMBERS: Array<{ key: NumberKey; label: string; placeholder: string }> = [
  { key: 'employees', label: '职工人数', placeholder: '如 50' },
  { key: 'revenue', label: '上年营业收入（万元）', placeholder: '如 1200' },
  { key: 'rdShare', label: '研发投入占营业收入比重（%）', placeholder: '如 5' },
  { key: 'inventionPatents', label: '已授权发明专利（件）', placeholder: '如 2' },
  { key: 'otherIp', label: '其他知识产权（实用新型、软著等，件）', placeholder: '如 5' },
]
const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
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

  const submit = () => {
    const problems: Record<string, string> = {}
    const profile: MatchProfile = { inZone, financingNeed, qualifications, talent, ...(industry ? { industry } : {}) }
    if (founded.trim()) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(founded.trim())) profile.founded = founded.trim()
      else problems.founded = '请按 2021-06-01 的格式填写'
    }
    for (const { key } of NUMBERS) {
      const raw = numbers[key].trim()
      if (!raw) continue
      const n = Number(raw)
      if (!Number.isFinite(n) || n < 0) problems[key] = '请填写不小于0的数字'
      else profile[key] = n
    }
    setErrors(problems)
    if (Object.keys(problems).length) return
    void zoneStore
      .getState()
      .runMatch(profile)
      .then(() => Taro.pageScrollTo({ selector: '#match-result', duration: 200 }).catch(() => undefined))
  }
  const serverFields = result.status === 'error' ? result.error.fields ?? {} : {}
  const fieldError = (key: string) => errors[key] ?? serverFields[`profile.${key}`]

  return (
    <CareRoot>
    <View className="page zone-match-page">
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          政策计算器
        </View>
        <View className="muted">填写企业基本情况，系统按各项政策的申报条件逐条比对。结果仅供参考，以发文原文和受理部门审核为准。</View>
      </View>

      <View className="card">
        <ChipGroup name="inZone" label="是否注册在大连高新区" options={YES_NO} isOn={(v) => (v === 'yes') === inZone} onTap={(v) => setInZone(v === 'yes')} />
        <View className="zone-form__field">
          <View className="zone-form__label">成立日期</View>
          <View className="zone-form__date">
            <Input className="field zone-form__input" data-field="founded" value={founded} placeholder="如 2021-06-01" maxlength={10} onInput={(e) => setFounded(e.detail.value)} />
            {/* A calendar for those who would rather pick than type (WeChat's native date picker on weapp). */}
            <Picker mode="date" value={founded || '2020-01-01'} start="1980-01-01" end={new Date().toISOString().slice(0, 10)} onChange={(e) => setFounded(String(e.detail.value))}>
              <View className="chip zone-form__pick" role="button" data-action="pick-founded" aria-label="选择成立日期">
                <Icon name="calendar-days" size="s" />
                选择
              </View>
            </Picker>
          </View>
          {fieldError('founded') && <View className="zone-form__error">{fieldError('founded')}</View>}
        </View>
        {NUMBERS.map(({ key, label, placeholder }) => (
          <View key={key} className="zone-form__field">
            <View className="zone-form__label">{label}</View>
            <Input
              className="field zone-form__input"
              data-field={key}
              type="digit"
              value={numbers[key]}
              placeholder={placeholder}
              onInput={(e) => setNumbers((s) => ({ ...s, [key]: e.detail.value }))}
            />
            {fieldError(key) && <View className="zone-form__error">{fieldError(key)}</View>}
          </View>
        ))}
        <ChipGroup
          wrap
          name="qualifications"
          label="已取得的资质（可多选）"
          options={QUALIFICATIONS.map((v) => ({ value: v, label: v }))}
          isOn={(v) => qualifications.includes(v as Qualification)}
          onTap={(v) => setQualifications((s) => toggle(s, v as Qualification))}
        />
        <ChipGroup
          wrap
          name="talent"
          label="团队人才（可多选）"
          options={TALENT_TYPES.filter((t) => t !== '无').map((v) => ({ value: v, label: v }))}
          isOn={(v) => talent.includes(v as TalentType)}
          onTap={(v) => setTalent((s) => toggle(s, v as TalentType))}
        />
        <ChipGroup name="financing" label="近期是否有融资需求" options={YES_NO} isOn={(v) => (v === 'yes') === financingNeed} onTap={(v) => setFinancingNeed(v === 'yes')} />
        <ChipGroup
          wrap
          name="industry"
          label="所属行业（可选）"
          options={INDUSTRIES.map((v) => ({ value: v, label: v }))}
          isOn={(v) => industry === v}
          onTap={(v) => setIndustry((s) => (s === v ? undefined : (v as Industry)))}
        />
        <View className="btn" role="button" onClick={submit}>
          开始匹配
        </View>
      </View>

      <View id="match-result">
        {result.status === 'loading' && <LoadingView text="正在比对政策条件…" />}
        {result.status === 'error' && <ErrorView error={result.error} onRetry={submit} />}
        {result.status === 'ready' && (
          <View>
            <View className="card" data-section="total">
              <View className="section-title">可申请 {result.data.fits.length} 项政策</View>
              {result.data.estimatedTotal > 0 && (
                <View>
                  <View className="muted">有金额的政策合计最高约</View>
                  <View className="zone-total">
                    {formatWan(result.data.estimatedTotal)}
                    <Illustrative show={result.data.totalIllustrative} />
                  </View>
                </View>
              )}
              {result.data.withoutAmount > 0 && <View className="muted">另有 {result.data.withoutAmount} 项为税收优惠或服务类政策，未计入金额。</View>}
              {result.data.totalIllustrative && <View className="zone-note">含示意金额，仅为估算，实际以审核结果为准。</View>}
            </View>
            <View className="section-title" role="heading" aria-level={2}>
              符合条件的政策
            </View>
            {result.data.fits.length === 0 && <View className="muted zone-empty">暂时没有完全符合的政策，看看下面“差一点”的政策还缺什么。</View>}
            {result.data.fits.map((f) => (
              <MatchCard key={f.policy.id} item={f} kind="fit" />
            ))}
            <View className="section-title" role="heading" aria-level={2}>
              差一点就能申请
            </View>
            {result.data.nearMisses.length === 0 && <View className="muted zone-empty">没有只差一两项条件的政策。</View>}
            {result.data.nearMisses.map((f) => (
              <MatchCard key={f.policy.id} item={f} kind="near" />
            ))}
          </View>
        )}
      </View>
    </View>
    </CareRoot>
  )
}
