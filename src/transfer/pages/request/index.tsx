import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Textarea, View } from '@tarojs/components'
import type { RequestKind } from '@cloud/contracts/transfer'
import { errorText } from '@/i18n/errors'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { paths } from '@/paths'
import { callCloud } from '@/services/cloud'
import { openPage } from '@/services/navigate'
import { usePageTitle } from '@/services/page-title'
import { PageShell } from '@/ui/PageShell'
import { Field } from '@/transfer/components/Field'
import { askStatusNotice } from '@/transfer/notify'
import { transferStore, useTransfer } from '@/transfer/store'
import { transferText } from '@/transfer/strings'
import '@/transfer/transfer.scss'

const KINDS: readonly RequestKind[] = ['result', 'need', 'platform']

// 发起对接: a company or researcher asks the transfer centre about a result, a need or a platform.
export default function RequestPage() {
  const { params } = useRouter()
  const kind = (KINDS as readonly string[]).includes(String(params.kind)) ? (params.kind as RequestKind) : 'result'
  const targetId = String(params.id ?? '')
  const s = useStrings(transferText)
  const lang = useLang()
  usePageTitle(s('requestTitle'))
  const detail = useTransfer((st) => (kind === 'result' ? st.result[targetId] : undefined))
  useEffect(() => {
    if (kind === 'result' && targetId) void transferStore.getState().loadResult(targetId)
  }, [kind, targetId])
  const title = detail?.status === 'ready' ? (lang === 'en' && detail.data.result.titleEn) || detail.data.result.title : targetId

  const [form, setForm] = useState({ organisation: '', contactName: '', phone: '', message: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)
  const set = (k: keyof typeof form) => (e: { detail: { value: string } }) => {
    setForm((f) => ({ ...f, [k]: e.detail.value }))
    if (errors[k]) setErrors((x) => ({ ...x, [k]: '' }))
  }
  const submit = async () => {
    if (sending) return
    setSending(true)
    // Asked from the tap itself (WeChat's rule); on H5 nothing is asked.
    const notify = await askStatusNotice()
    const res = await callCloud('transfer', 'submitRequest', { kind, targetId, ...form, ...(notify ? { notify } : {}) })
    setSending(false)
    if (!res.ok) return setErrors({ ...(res.error.fields ?? {}), _: errorText(res.error, lang) })
    void transferStore.getState().loadMine()
    await Taro.showToast({ title: res.data.existing ? s('already') : s('sent'), icon: 'none', duration: 2500 })
    openPage(paths.transferMine)
  }
  return (
    <PageShell className="tf-request">
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          {s('requestTitle')}
        </View>
        <View className="muted">{s('target')}</View>
        <View data-content data-target={targetId}>
          {title}
        </View>
      </View>
      <View className="card">
        <Field id="organisation" label={s('organisation')} error={errors.organisation}>
          <Input className="field" aria-labelledby="tf-organisation" placeholder={s('phOrganisation')} value={form.organisation} onInput={set('organisation')} />
        </Field>
        <Field id="contactName" label={s('contactName')} error={errors.contactName}>
          <Input className="field" aria-labelledby="tf-contactName" placeholder={s('phContactName')} value={form.contactName} onInput={set('contactName')} />
        </Field>
        <Field id="phone" label={s('phone')} error={errors.phone}>
          <Input className="field" type="number" aria-labelledby="tf-phone" placeholder={s('phPhone')} value={form.phone} onInput={set('phone')} />
        </Field>
        <Field id="message" label={s('message')} error={errors.message}>
          <Textarea className="field tf-textarea" aria-labelledby="tf-message" placeholder={s('messageHint')} value={form.message} maxlength={500} onInput={set('message')} />
        </Field>
        <View className="muted">{s('privacy')}</View>
        {errors._ && (
          <View className="tf-field__error" role="alert">
            {errors._}
          </View>
        )}
      </View>
      <View className="btn" role="button" data-action="submit-request" aria-disabled={sending} onClick={() => void submit()}>
        {sending ? s('submitting') : s('submit')}
      </View>
    </PageShell>
  )
}
