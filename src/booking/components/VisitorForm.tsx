import { useState } from 'react'
import { Input, Picker, View } from '@tarojs/components'
import { ID_TYPES, idNumberProblem, nameProblem, type IdType, type VisitorView } from '@cloud/contracts/booking'
import { ageOn, birthDateOfResidentId } from '@cloud/contracts/children'
import { Switch } from '@/ui/Switch'
import { bookingStore, useBooking } from '@/booking/store'
import { bookingText, ID_TYPE_EN } from '@/booking/strings'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { errorText, fieldText } from '@/i18n/errors'
import './booking.scss'

/** Today's date in Beijing (YYYY-MM-DD), for the age shown beside an ID number. */
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

/** Adds a 常用参观人. The ID is checked here with the same rule the cloud applies; a preschool child
 *  without an ID is added with a birth date under a saved adult (the age limit is the museum's
 *  setting, so the cloud decides it and says why). */
export function VisitorForm({ onAdded }: { onAdded?: (v: VisitorView) => void }) {
  const [name, setName] = useState('')
  const [typeIndex, setTypeIndex] = useState(0)
  const [idNumber, setIdNumber] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const [isChild, setIsChild] = useState(false)
  const [birthDate, setBirthDate] = useState('')
  const [guardianIndex, setGuardianIndex] = useState(-1)
  const saved = useBooking((st) => st.visitors)
  // Who can accompany: saved visitors with an ID who are not known to be minors (the cloud checks the age it is set to).
  const adults = saved.status === 'ready' ? saved.data.filter((v) => !v.child && (v.age === undefined || v.age >= 18)) : []
  const guardian = adults[guardianIndex]
  const idType: IdType = ID_TYPES[typeIndex].value
  const idBirth = idType === 'resident' && !idNumberProblem(idType, idNumber) ? birthDateOfResidentId(idNumber) : null
  const s = useStrings(bookingText)
  const lang = useLang()
  // Field checks are shared with the cloud and written in Chinese; English has a sentence per field.
  const typeLabel = (i: number) => (lang === 'en' ? ID_TYPE_EN[ID_TYPES[i].value]?.label ?? ID_TYPES[i].label : ID_TYPES[i].label)
  const typeHint = lang === 'en' ? ID_TYPE_EN[idType]?.hint ?? ID_TYPES[typeIndex].hint : ID_TYPES[typeIndex].hint

  const submitChild = async () => {
    const local: Record<string, string> = {}
    const n = nameProblem(name)
    if (n) local.name = n
    if (!birthDate) local.birthDate = s('birthDatePick')
    if (!guardian) local.guardian = s('guardianPick')
    setErrors(local)
    if (Object.keys(local).length > 0 || saving || !guardian) return
    setSaving(true)
    const res = await bookingStore.getState().addChild({ name: name.trim(), birthDate, guardianVisitorId: guardian.id })
    setSaving(false)
    if (!res.ok) {
      setErrors({ ...(res.error.fields ?? {}), _: errorText(res.error, lang) })
      return
    }
    setName('')
    setBirthDate('')
    onAdded?.(res.data.visitor)
  }

  const submit = async () => {
    if (isChild) return submitChild()
    const local: Record<string, string> = {}
    const n = nameProblem(name)
    if (n) local.name = n
    const i = idNumberProblem(idType, idNumber)
    if (i) local.idNumber = i
    setErrors(local)
    if (Object.keys(local).length > 0 || saving) return
    setSaving(true)
    const res = await bookingStore.getState().addVisitor({ name: name.trim(), idType, idNumber })
    setSaving(false)
    if (!res.ok) {
      setErrors({ ...(res.error.fields ?? {}), _: errorText(res.error, lang) })
      return
    }
    setName('')
    setIdNumber('')
    onAdded?.(res.data.visitor)
  }

  return (
    <View className="bk-visitor-form">
      <View className="bk-field">
        <View className="bk-field__label" id="vf-name">
          {s('name')}
        </View>
        <Input
          className="field bk-input"
          value={name}
          placeholder={s('namePlaceholder')}
          aria-labelledby="vf-name"
          onInput={(e) => {
            setName(e.detail.value)
            if (errors.name) setErrors((s) => ({ ...s, name: '' }))
          }}
        />
        {errors.name && <View className="bk-field__error">{fieldText('name', errors.name, lang)}</View>}
      </View>
      <View className="bk-field bk-child-toggle">
        <View className="bk-field__label">{s('childOption')}</View>
        <Switch
          checked={isChild}
          label={s('childOption')}
          action="child"
          onChange={(on) => {
            setIsChild(on)
            setErrors({})
          }}
        />
      </View>
      {isChild ? (
        <>
          <View className="muted bk-child-hint">{s('childHint')}</View>
          <View className="bk-field">
            <View className="bk-field__label">{s('birthDate')}</View>
            <Picker mode="date" value={birthDate || '2022-01-01'} end={beijingToday()} onChange={(e) => setBirthDate(String(e.detail.value))}>
              <View className="bk-picker" role="button" aria-label={s('birthDate')} data-action="birth-date">
                {birthDate ? `${birthDate}（${s('ageShort', { age: ageOn(birthDate, beijingToday()) })}）` : s('birthDatePick')} ▾
              </View>
            </Picker>
            {errors.birthDate && <View className="bk-field__error">{lang === 'en' ? s('birthDatePick') : errors.birthDate}</View>}
          </View>
          <View className="bk-field">
            <View className="bk-field__label">{s('guardian')}</View>
            {adults.length === 0 ? (
              <View className="muted">{s('noGuardian')}</View>
            ) : (
              <Picker mode="selector" range={adults.map((a) => `${a.name} ${a.idMasked}`)} value={Math.max(guardianIndex, 0)} onChange={(e) => setGuardianIndex(Number(e.detail.value))}>
                <View className="bk-picker" role="button" aria-label={s('guardian')} data-action="guardian">
                  {guardian ? `${guardian.name} ${guardian.idMasked}` : s('guardianPick')} ▾
                </View>
              </Picker>
            )}
            {errors.guardian && <View className="bk-field__error">{errors.guardian}</View>}
          </View>
        </>
      ) : (
        <>
          <View className="bk-field">
            <View className="bk-field__label">{s('idType')}</View>
            <Picker mode="selector" range={ID_TYPES.map((_, i) => typeLabel(i))} value={typeIndex} onChange={(e) => setTypeIndex(Number(e.detail.value))}>
              <View className="bk-picker" role="button" aria-label={s('idTypeLabel', { type: typeLabel(typeIndex) })}>
                {typeLabel(typeIndex)} ▾
              </View>
            </Picker>
          </View>
          <View className="bk-field">
            <View className="bk-field__label" id="vf-id">
              {s('idNumber')}
            </View>
            <Input
              className="field bk-input"
              value={idNumber}
              placeholder={typeHint}
              aria-labelledby="vf-id"
              maxlength={20}
              onInput={(e) => {
                setIdNumber(e.detail.value)
                // Cleared while typing, not on blur: a message vanishing on blur would move the
                // save button away from under the finger that is tapping it.
                if (errors.idNumber) setErrors((s) => ({ ...s, idNumber: '' }))
              }}
              onBlur={() => {
                const problem = idNumber ? idNumberProblem(idType, idNumber) : null
                if (problem) setErrors((s) => ({ ...s, idNumber: problem }))
              }}
            />
            {errors.idNumber && <View className="bk-field__error">{fieldText('idNumber', errors.idNumber, lang)}</View>}
            {idBirth && <View className="muted bk-age" data-testid="id-age">{s('ageFromId', { age: ageOn(idBirth, beijingToday()), date: idBirth })}</View>}
          </View>
        </>
      )}
      {errors._ && (
        <View className="bk-alert" role="alert">
          {errors._}
        </View>
      )}
      <View className="btn btn--ghost" role="button" onClick={submit}>
        {saving ? s('saving') : isChild ? s('saveChild') : s('saveVisitor')}
      </View>
      <View className="muted bk-privacy">{s('idPrivacy')}</View>
    </View>
  )
}
