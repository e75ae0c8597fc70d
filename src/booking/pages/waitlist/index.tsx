import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { idTypeLabel, shortDate as zhDate } from '@cloud/contracts/booking'
import type { WaitlistEntryView } from '@cloud/contracts/waitlist'
import { confirmDestructive } from '@/booking/confirm-destructive'
import { beijingTime, dayName, shortDate } from '@/booking/dates'
import { bookingStore, useBooking } from '@/booking/store'
import { bookingText, sessionNameIn } from '@/booking/strings'
import { useLang } from '@/i18n/store'
import { useStrings } from '@/i18n/strings'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { usePageTitle } from '@/services/page-title'
import { PageShell } from '@/ui/PageShell'
import '@/booking/components/booking.scss'

const TONE: Record<WaitlistEntryView['status'], string> = { waiting: 'tag', offered: 'tag bk-tag--ok', booked: 'tag bk-tag--ok', expired: 'tag bk-tag--muted', left: 'tag bk-tag--muted' }

// 我的候补: each line the visitor waits in, with their place (第 N 位, 前面还需 N 个名额); an offer
// shows until when its places are held and a button to confirm it, which answers the e-ticket.
// The offer message opens this page with `?id=` of its entry.
export default function WaitlistPage() {
  const waitlist = useBooking((st) => st.waitlist)
  const s = useStrings(bookingText)
  const lang = useLang()
  const highlighted = useRouter().params.id ?? ''
  const [busy, setBusy] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  usePageTitle(s('waitTitle'))
  const load = () => void bookingStore.getState().loadWaitlist()
  useDidShow(load)
  usePullDownRefresh(() => {
    void bookingStore
      .getState()
      .loadWaitlist()
      .finally(() => Taro.stopPullDownRefresh())
  })

  const dateText = (e: WaitlistEntryView) => (lang === 'en' ? `${dayName(e.date, '', 'en')}, ${shortDate(e.date, 'en')}` : `${zhDate(e.date)} ${e.weekday}`)
  const accept = async (e: WaitlistEntryView) => {
    setBusy(e.id)
    const res = await bookingStore.getState().acceptOffer(e.id)
    setBusy('')
    if (res.ok) Taro.redirectTo({ url: paths.ticket(res.data.booking.id, true) })
    else {
      setErrors((x) => ({ ...x, [e.id]: res.error.message }))
      load()
    }
  }
  const leave = async (e: WaitlistEntryView) => {
    const ok = await confirmDestructive({ title: s('leave'), content: s('leaveConfirm', { date: dateText(e), session: sessionNameIn(lang, e.sessionId, e.sessionName) }), confirmText: s('leave'), cancelText: s('keep') })
    if (!ok) return
    setBusy(e.id)
    const res = await bookingStore.getState().leaveWaitlist(e.id)
    setBusy('')
    if (!res.ok) setErrors((x) => ({ ...x, [e.id]: res.error.message }))
  }

  return (
    <PageShell<WaitlistEntryView[]> className="bk-waitlist" state={waitlist} loadingText={s('waitLoading')} onRetry={load}>
      {(entries) => (
        <View>
          {entries.length === 0 && (
            <View className="card">
              <View className="muted">{s('noWaits')}</View>
              <View className="bk-actions">
                <View className="btn" role="button" onClick={() => openPage(paths.calendar)}>
                  {s('goBook')}
                </View>
              </View>
            </View>
          )}
          {entries.map((e) => (
            <View key={e.id} className={`card bk-wait ${e.id === highlighted ? 'bk-wait--here' : ''}`} data-entry={e.id} data-status={e.status}>
              <View className="bk-day__head">
                <View className="bk-day__date" role="heading" aria-level={2}>
                  {dateText(e)} {sessionNameIn(lang, e.sessionId, e.sessionName)}
                </View>
                <View className={`${TONE[e.status]} bk-status`}>{s(`wl_${e.status}`)}</View>
              </View>
              <View className="muted">
                {e.start}–{e.end} · {s('people', { n: e.places })}
              </View>
              <View className="bk-wait__people">
                {e.visitors.map((v, i) => (
                  <View key={i} className="bk-visitor__id">
                    <View className="bk-ticket__name" data-content>
                      {v.name}
                    </View>
                    {lang === 'en' ? v.idMasked : `${idTypeLabel(v.idType)} ${v.idMasked}`}
                  </View>
                ))}
              </View>
              {e.status === 'waiting' && (
                <View className="bk-wait__place" data-places-ahead={e.placesAhead}>
                  {s('position', { n: e.position ?? 1 })} · {e.placesAhead ? s('placesAhead', { n: e.placesAhead }) : s('nextInLine')}
                </View>
              )}
              {e.status === 'offered' && e.offerExpiresAt && (
                <View className="bk-wait__offer" role="status">
                  {s('offerUntil', { time: lang === 'en' ? beijingTime(e.offerExpiresAt, 'en') : e.offerExpiresText ?? '' })}
                </View>
              )}
              {e.status === 'expired' && e.endReason && <View className="muted">{s(`end_${e.endReason}`)}</View>}
              {errors[e.id] && (
                <View className="bk-alert" role="alert">
                  {errors[e.id]}
                </View>
              )}
              <View className="bk-actions">
                {e.status === 'offered' && (
                  <View className={`btn ${busy === e.id ? 'btn--disabled' : ''}`} role="button" data-action="accept-offer" onClick={() => busy !== e.id && void accept(e)}>
                    {busy === e.id ? s('accepting') : s('accept')}
                  </View>
                )}
                {e.status === 'booked' && e.bookingId && (
                  <View className="btn btn--ghost" role="button" onClick={() => openPage(paths.ticket(e.bookingId!))}>
                    {s('viewTicket')}
                  </View>
                )}
                {(e.status === 'waiting' || e.status === 'offered') && (
                  <View className="btn btn--ghost" role="button" data-action="leave-waitlist" onClick={() => busy !== e.id && void leave(e)}>
                    {s('leave')}
                  </View>
                )}
              </View>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  )
}
