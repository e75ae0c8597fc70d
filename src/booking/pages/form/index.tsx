import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { MAX_VISITORS_PER_BOOKING, parseSessionId, shortDate as zhDate, weekdayOf } from '@cloud/contracts/booking'
import { dayName, shortDate } from '@/booking/dates'
import { VisitorIdentity } from '@/booking/components/VisitorIdentity'
import type { AppError } from '@cloud/contracts/result'
import { CheckMark } from '@/ui/CheckBox'
import { PageShell } from '@/ui/PageShell'
import { VisitorForm } from '@/booking/components/VisitorForm'
import { bookingStore, useBooking } from '@/booking/store'
import { openPage } from '@/services/navigate'
import { requestVisitReminder } from '@/services/subscribe'
import '@/booking/components/booking.scss'
import { PrivacyConsent } from '@/booking/components/PrivacyConsent'
import { paths } from '@/paths'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { useErrorText } from '@/i18n/errors'
import { bookingText, SESSION_EN } from '@/booking/strings'
import { usePageTitle } from '@/services/page-title'

// Pick visitors for the chosen session and submit. The request id of this intent survives retries.
export default function BookingFormPage() {
  const { params } = useRouter()
  const sessionId = decodeURIComponent(params.session ?? '')
  const calendar = useBooking((s) => s.calendar)
  const visitors = useBooking((s) => s.visitors)
  const submitting = useBooking((s) => s.submitting)
  const [picked, setPicked] = useState<string[]>([])
  const [error, setError] = useState<AppError | null>(null)
  const [adding, setAdding] = useState(false)
  const [agreed, setAgreed] = useState(false)
  // 候补 mode: opened on a full session, or switched to when booking found it full.
  const [waiting, setWaiting] = useState(params.wait === '1')
  const s = useStrings(bookingText)
  const lang = useLang()
  const errorText = useErrorText()
  usePageTitle(waiting ? s('joinWaitlist') : s('formTitle'))

  useEffect(() => {
    const s = bookingStore.getState()
    if (s.calendar.status !== 'ready') void s.loadCalendar()
    void s.loadVisitors()
  }, [])

  // An error goes as soon as it is fixed: a visitor ticked (or added) after 「请至少选择1位参观人」,
  // one unticked after 「最多5位」.
  useEffect(() => {
    if (error?.code === 'NO_VISITORS' && picked.length > 0) setError(null)
    if (error?.code === 'TOO_MANY_VISITORS' && picked.length < MAX_VISITORS_PER_BOOKING) setError(null)
  }, [picked.length, error?.code])

  const session = calendar.status === 'ready' ? calendar.data.days.flatMap((d) => d.sessions).find((s) => s.id === sessionId) : undefined
  const date = parseSessionId(sessionId)?.date

  const toggle = (id: string) => {
    setError(null)
    if (picked.includes(id)) setPicked(picked.filter((p) => p !== id))
    else if (picked.length >= MAX_VISITORS_PER_BOOKING) setError({ code: 'TOO_MANY_VISITORS', message: s('tooMany', { max: MAX_VISITORS_PER_BOOKING }) })
    else setPicked([...picked, id])
  }

  const submit = async () => {
    if (picked.length === 0) {
      setError({ code: 'NO_VISITORS', message: s('noneChosen') })
      return
    }
    if (!agreed) {
      setError({ code: 'PRIVACY_CONSENT', message: s('consentRequired') })
      return
    }
    if (submitting) return
    setError(null)
    // weapp: WeChat shows the subscription dialog only from a tap, so ask here, first. H5 answers
    // 'unsupported' at once; whatever the answer, the booking goes ahead.
    const consent = await requestVisitReminder()
    if (waiting) {
      const joined = await bookingStore.getState().joinWaitlist(sessionId, picked, { remind: consent === 'accept' })
      if (joined.ok) Taro.redirectTo({ url: paths.waitlist(joined.data.entry.id) })
      else setError(joined.error)
      return
    }
    const res = await bookingStore.getState().book(sessionId, picked, { remind: consent === 'accept' })
    if (res.ok) Taro.redirectTo({ url: paths.ticket(res.data.booking.id, true) })
    else setError(res.error)
  }

  // Loading and error inside the page shell, so care mode covers them too.
  return (
    <PageShell state={visitors} className="bk-form" loadingText={s('formLoading')} onRetry={() => void bookingStore.getState().loadVisitors()}>
      {(saved) => (
    <>
      <View className="card">
        <View className="section-title" role="heading" aria-level={1}>
          {date ? (lang === 'en' ? `${dayName(date, '', 'en')}, ${shortDate(date, 'en')}` : `${zhDate(date)} ${weekdayOf(date)}`) : s('chosenSession')} {session ? (lang === 'en' ? SESSION_EN[session.key] ?? session.name : session.name) : ''}
        </View>
        {session && (
          <View className="muted">
            {session.start}–{session.end} · {waiting ? s('full') : s('sessionLeft', { n: session.left })}
          </View>
        )}
        {waiting && (
          <View className="bk-wait-intro" data-wait-intro>
            {s('waitIntro')}
          </View>
        )}
      </View>

      <View className="card">
        <View className="section-title">
          {s('pickVisitors', { n: picked.length, max: MAX_VISITORS_PER_BOOKING })}
        </View>
        {saved.length === 0 && <View className="muted">{s('noVisitorsYet')}</View>}
        {saved.map((v) => (
          <View key={v.id} className="bk-visitor" role="checkbox" aria-checked={picked.includes(v.id)} data-visitor={v.name} onClick={() => toggle(v.id)}>
            <CheckMark on={picked.includes(v.id)} className="bk-visitor__check" />
            <VisitorIdentity visitor={v} />
          </View>
        ))}
        {adding ? (
          <View className="bk-add">
            <View className="bk-add__head">
              <View className="bk-add__title">{s('addVisitor')}</View>
              <View className="bk-add__fold" role="button" data-action="fold-add" onClick={() => setAdding(false)}>
                {s('fold')}
              </View>
            </View>
            <VisitorForm
              onAdded={(v) => {
                setAdding(false)
                if (picked.length < MAX_VISITORS_PER_BOOKING) setPicked((p) => [...p, v.id])
              }}
            />
          </View>
        ) : (
          <View className="btn btn--ghost bk-add-toggle" role="button" onClick={() => setAdding(true)}>
            {s('addVisitorPlus')}
          </View>
        )}
      </View>

      {error && (
        <View className="bk-alert" role="alert">
          {errorText(error)}
          {error.code === 'SESSION_FULL' && !waiting && (
            <View className="btn bk-alert__action" role="button" data-action="switch-to-waitlist" onClick={() => (setError(null), setWaiting(true))}>
              {s('joinWaitlist')}
            </View>
          )}
          {error.code === 'WAITLIST_NOT_NEEDED' && waiting && (
            <View className="btn bk-alert__action" role="button" onClick={() => (setError(null), setWaiting(false))}>
              {s('submit')}
            </View>
          )}
          {(error.code === 'SESSION_FULL' || error.code === 'DAY_CLOSED' || error.code === 'SESSION_CLOSED' || error.code === 'SESSION_OVER' || error.code === 'NOT_RELEASED') && (
            <View className="btn btn--ghost bk-alert__action" onClick={() => openPage(paths.calendar)}>
              {s('otherSession')}
            </View>
          )}
        </View>
      )}
      <PrivacyConsent
        agreed={agreed}
        onChange={(on) => {
          setAgreed(on)
          if (on && error?.code === 'PRIVACY_CONSENT') setError(null)
        }}
      />
      <View className="bk-actions">
        <View className={`btn ${submitting ? 'btn--disabled' : ''}`} role="button" aria-disabled={submitting} onClick={submit}>
          {submitting ? (waiting ? s('joining') : s('submitting')) : error?.code === 'NETWORK' ? s('resubmit') : waiting ? s('joinWaitlist') : s('submit')}
        </View>
      </View>
    </>
      )}
    </PageShell>
  )
}
