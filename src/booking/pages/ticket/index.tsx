import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import museum from '@data/museum.json'
import { formatShortCode, idTypeLabel, shortDate as zhDate, type BookingView } from '@cloud/contracts/booking'
import type { AppError } from '@cloud/contracts/result'
import { StatusTag } from '@/booking/components/StatusTag'
import { qrDataUrl, TicketQr } from '@/booking/components/TicketQr'
import { beijingTime, dayName, shortDate } from '@/booking/dates'
import { saveTicket } from '@/booking/save-ticket'
import { keepTicketsFrom, OFFLINE_CODES, savedTime, ticketKeeper } from '@/booking/saved-tickets'
import { bookingStore, useBooking } from '@/booking/store'
import { bookingText, ID_TYPE_EN, sessionNameIn } from '@/booking/strings'
import { useLang } from '@/i18n/store'
import { useStrings } from '@/i18n/strings'
import { paths } from '@/paths'
import { openPage } from '@/services/navigate'
import { Icon } from '@/ui/Icon'
import type { Loadable } from '@/ui/loadable'
import { PageShell } from '@/ui/PageShell'
import { confirmDestructive } from '@/booking/confirm-destructive'
import { RELEASE_QUERY } from '@cloud/contracts/waitlist'
import { usePageTitle } from '@/services/page-title'
import '@/booking/components/booking.scss'

keepTicketsFrom(bookingStore)

// The e-ticket: the short code and QR for the gate, where and when, who, the rules, a way to keep
// it, and cancellation until the deadline. Without network (at the gate, inside the museum) the copy
// saved on the phone is shown, saying when it was saved.
export default function TicketPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  // Opened from the visit reminder: the one-tap 「不去了，释放名额」 comes first.
  const offerRelease = params[RELEASE_QUERY] === '1'
  const booking = useBooking((s) => s.bookings[id])
  const s = useStrings(bookingText)
  const lang = useLang()
  const m = lang === 'en' ? { ...museum, ...museum.en } : museum
  const [error, setError] = useState<AppError | null>(null)
  const [cancelError, setCancelError] = useState<string>('')
  const [busy, setBusy] = useState(false)
  // The page config's title is Chinese; this follows the language (and comes back after a reload).
  usePageTitle(s('ticketTitle'))

  const load = () => {
    setError(null)
    void bookingStore
      .getState()
      .loadBooking(id)
      .then((res) => !res.ok && setError(res.error))
  }
  useEffect(load, [id])
  const saved = !booking && error && OFFLINE_CODES.has(error.code) ? ticketKeeper.get(id) : null
  const state: Loadable<BookingView> = booking
    ? { status: 'ready', data: booking }
    : saved
      ? { status: 'ready', data: saved.value, savedAt: saved.savedAt }
      : error
        ? { status: 'error', error }
        : { status: 'loading' }

  return (
    <PageShell<BookingView> className="bk-ticket-page" state={state} loadingText={s('ticketLoading')} onRetry={load} errorAction={{ text: s('myBookings'), onTap: () => openPage(paths.myBookings) }}>
      {(b, shown) => {
        const offline = Boolean(shown.savedAt)
        const sessionName = sessionNameIn(lang, b.sessionId, b.sessionName)
        const dateText = lang === 'en' ? `${dayName(b.date, '', 'en')}, ${shortDate(b.date, 'en')}` : `${zhDate(b.date)} ${b.weekday}`
        // Cancelling (in time: never a no-show) after one confirm; the server gives the places to the
        // line. The ticket's cancel button and the reminder's one-tap release differ only in words.
        const cancelAfter = async (ask: { title: string; content: string; confirmText: string }, done: string) => {
          if (!(await confirmDestructive({ ...ask, cancelText: s('keep') }))) return
          setBusy(true)
          const res = await bookingStore.getState().cancel(b.id)
          setBusy(false)
          if (res.ok) {
            setCancelError('')
            Taro.showToast({ title: done, icon: 'success' })
          } else setCancelError(res.error.message)
        }
        const cancel = () => cancelAfter({ title: s('cancel'), content: s('cancelConfirm', { date: dateText, session: sessionName }), confirmText: s('cancel') }, s('cancelled'))
        const release = () =>
          cancelAfter({ title: s('releaseButton'), content: s('releaseConfirm', { date: dateText, session: sessionName, n: b.visitors.length }), confirmText: s('releaseConfirmButton') }, s('releaseDone'))
        const save = async () => {
          if (!b.ticketCode || !b.shortCode) return
          const outcome = await saveTicket({
            qrDataUrl: qrDataUrl(b.ticketCode),
            shortCode: formatShortCode(b.shortCode),
            title: lang === 'en' ? m.name : museum.fullName,
            lines: [`${dateText} ${sessionName} ${b.start}–${b.end}`, b.visitors.map((v) => v.name).join('、')],
            fileName: `ticket-${b.date}-${b.shortCode}.png`,
          })
          const title = outcome === 'saved' ? s('saved') : outcome === 'denied' ? s('saveDenied') : s('saveFailed')
          Taro.showToast({ title, icon: outcome === 'saved' ? 'success' : 'none' })
        }
        return (
          <View>
            {offerRelease && b.status === 'confirmed' && b.cancellable && !offline && (
              <View className="card bk-release" data-release>
                <View className="muted">{s('releaseAsk')}</View>
                <View className={`btn btn--danger ${busy ? 'btn--disabled' : ''}`} role="button" data-action="release" onClick={release}>
                  {s('releaseButton')}
                </View>
              </View>
            )}
            {shown.savedAt && (
              <View className="bk-saved" role="status" data-saved-ticket>
                <View className="bk-saved__text">{s('savedTicket', { time: savedTime(shown.savedAt, lang) })}</View>
                <View className="bk-saved__retry" role="button" onClick={load}>
                  {s('savedRetry')}
                </View>
              </View>
            )}
            {params.new === '1' && b.status === 'confirmed' && (
              <View className="card bk-success" role="status">
                <View className="section-title">{s('success')}</View>
                <View className="muted">{s('successText')}</View>
              </View>
            )}
            <View className="card bk-ticket">
              <View className="bk-ticket__museum">{lang === 'en' ? m.name : museum.fullName}</View>
              <View className="bk-day__head">
                <View className="bk-day__date" role="heading" aria-level={1}>
                  {dateText} {lang === 'en' ? '· ' : ''}
                  {sessionName}
                </View>
                <StatusTag status={b.status} />
              </View>
              <View className="bk-ticket__time">
                {b.start}–{b.end}
              </View>
              {b.ticketCode && b.shortCode ? (
                <View className="bk-ticket__pass">
                  {b.status === 'released' && (
                    <View className="bk-booking__reason" data-released>
                      {s('releasedNote')}
                    </View>
                  )}
                  <TicketQr code={b.ticketCode} label={s('qrLabel')} />
                  <View className="bk-ticket__short-label">{s('shortCode')}</View>
                  <View className="bk-ticket__short" aria-label={`${s('shortCode')} ${b.shortCode.split('').join(' ')}`} data-short-code={b.shortCode}>
                    {formatShortCode(b.shortCode)}
                  </View>
                  <View className="muted">{s('shortHint')}</View>
                  <View className="btn btn--ghost bk-ticket__save" role="button" data-action="save-ticket" onClick={save}>
                    <Icon name="download" />
                    {s('save')}
                  </View>
                </View>
              ) : (
                <View className="muted bk-ticket__void">
                  {b.status === 'checked_in' ? s('voidChecked') : b.status === 'cancelled' ? s('voidCancelled') : s('voidNoShow')}
                  {b.status === 'cancelled' && b.cancelReason && (
                    <View className="bk-booking__reason">
                      {s('museumCancelled')}
                      <Text data-content>
                        {b.cancelReason}
                      </Text>
                    </View>
                  )}
                </View>
              )}
            </View>
            <View className="card">
              <View className="bk-row">
                <View className="bk-row__key">{s('where')}</View>
                <View className="bk-row__val">{m.address}</View>
              </View>
              <View className="bk-row">
                <View className="bk-row__key">{s('entrance')}</View>
                <View className="bk-row__val">{m.entrance}</View>
              </View>
              {b.visitors.map((v, i) => (
                <View key={i} className="bk-row">
                  <View className="bk-row__key">{i === 0 ? s('visitorsLabel') : ''}</View>
                  <View className="bk-row__val">
                    <View className="bk-ticket__name" data-content>
                      {v.name}
                    </View>
                    <View className="bk-visitor__id">
                      {/* A child without an ID: the type says 儿童, the mask is the birth month. */}
                      {v.idType === 'child' ? `${lang === 'en' ? ID_TYPE_EN.child.label : idTypeLabel('child')} ${v.idMasked.replace(/^儿童\s*/, '')}` : lang === 'en' ? v.idMasked : `${idTypeLabel(v.idType)} ${v.idMasked}`}
                    </View>
                  </View>
                </View>
              ))}
              {b.status === 'confirmed' && (
                <View className="bk-row">
                  <View className="bk-row__key">{s('deadline')}</View>
                  <View className="bk-row__val">{lang === 'en' ? beijingTime(b.cancelDeadline, 'en') : b.cancelDeadlineText}</View>
                </View>
              )}
            </View>
            <View className="card bk-rules">
              <View className="section-title" role="heading" aria-level={2}>
                {s('rulesTitle')}
              </View>
              {m.ticketRules.map((r) => (
                <View key={r} className="bk-rules__item">
                  {r}
                </View>
              ))}
            </View>
            {cancelError && (
              <View className="bk-alert" role="alert">
                {cancelError}
              </View>
            )}
            <View className="bk-actions">
              {b.status === 'confirmed' &&
                !offline &&
                (b.cancellable ? (
                  <>
                    {/* 改签: the same visitors into another session, until the cancel deadline. */}
                    <View className="btn" role="button" data-action="reschedule" onClick={() => openPage(paths.reschedule(b.id))}>
                      {s('reschedule')}
                    </View>
                    <View className={`btn btn--danger ${busy ? 'btn--disabled' : ''}`} role="button" onClick={cancel}>
                      {s('cancel')}
                    </View>
                  </>
                ) : (
                  <View className="muted">{s('tooLate')}</View>
                ))}
              <View className="btn btn--ghost" role="button" onClick={() => openPage(paths.myBookings)}>
                {s('myBookings')}
              </View>
              <View className="btn btn--ghost" role="button" onClick={() => openPage(paths.calendar)}>
                {s('more')}
              </View>
            </View>
          </View>
        )
      }}
    </PageShell>
  )
}
