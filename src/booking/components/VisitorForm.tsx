import { useState } from 'react'
import { Input, Picker, View } from '@tarojs/components'
import { ID_TYPES, idNumberProblem, nameProblem, type IdType, type VisitorView } from '@cloud/contracts/booking'
import { bookingStore } from '@/booking/store'
import './booking.scss'

/** Adds a 常用参观人. The ID is checked here with the same rule the cloud applies. */
export function VisitorForm({ onAdded }: { onAdded?: (v: VisitorView) => void }) {
  const [name, setName] = useState('')
  const [typeIndex, setTypeIndex] = useState(0)
  const [idNumber, setIdNumber] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const idType: IdType = ID_TYPES[typeIndex].value

  const submit = async () => {
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
      setErrors({ ...(res.error.fields ?? {}), _: res.error.message })
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
          姓名
        </View>
        <Input
          className="field bk-input"
          value={name}
          placeholder="与证件一致"
          aria-labelledby="vf-name"
          onInput={(e) => {
            setName(e.detail.value)
            if (errors.name) setErrors((s) => ({ ...s, name: '' }))
          }}
        />
        {errors.name && <View className="bk-field__error">{errors.name}</View>}
      </View>
      <View className="bk-field">
        <View className="bk-field__label">证件类型</View>
        <Picker mode="selector" range={ID_TYPES.map((t) => t.label)} value={typeIndex} onChange={(e) => setTypeIndex(Number(e.detail.value))}>
          <View className="bk-picker" role="button" aria-label={`证件类型：${ID_TYPES[typeIndex].label}`}>
            {ID_TYPES[typeIndex].label} ▾
          </View>
        </Picker>
      </View>
      <View className="bk-field">
        <View className="bk-field__label" id="vf-id">
          证件号码
        </View>
        <Input
          className="field bk-input"
          value={idNumber}
          placeholder={ID_TYPES[typeIndex].hint}
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
        {errors.idNumber && <View className="bk-field__error">{errors.idNumber}</View>}
      </View>
      {errors._ && (
        <View className="bk-alert" role="alert">
          {errors._}
        </View>
      )}
      <View className="btn btn--ghost" role="button" onClick={submit}>
        {saving ? '正在保存…' : '保存参观人'}
      </View>
      <View className="muted bk-privacy">证件号码仅用于实名预约核验，保存后只显示部分号码。</View>
    </View>
  )
}
