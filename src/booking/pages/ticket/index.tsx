import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { idTypeLabel, shortDate } from '@cloud/contracts/booking'
import type { AppError } from '@cloud/contracts/result'
import { ErrorView } from '@/components/ErrorView'
import { LoadingView } from '@/components/LoadingView'
import { StatusTag } from '@/booking/components/StatusTag'
import { TicketQr } from '@/booking/components/TicketQr'
import { bookingStore, useBooking } from '@/booking/store'
import { openPage } from '@/services/navigate'
import '@/booking/components/booking.scss'
import { CareRoot } from '@/care/CareRoot'

// The e-ticket: QR code for the gate, the booking's details, and cancellation until the deadline.
export default function TicketPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const booking = useBooking((s) => s.bookings[id])
  const [error, setError] = useState<AppError | null>(null)
  const [cancelError, setCancelError] = useState<string>('')
  const [busy, setBusy] = useState(false)

  const load = () => {
    setError(null)
    void bookingStore
      .getState()
      .loadBooking(id)
      .then((res) => !res.ok && setError(res.error))
  }
  useEffect(load, [id])

  if (!booking && error) return <ErrorView error={error} onRetry={load} action={{ text: '我的预约', onTap: () => openPage('/booking/pages/mine/index') }} />
  if (!booking) return <LoadingView text="正在加载电子票…" />

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消预约',
      content: `确定取消 ${shortDate(booking.date)} ${booking.sessionName} 的预约吗？取消后名额将释放给其他观众。`,
      confirmText: '取消预约',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy(true)
    const res = await bookingStore.getState().cancel(booking.id)
    setBusy(false)
    if (res.ok) {
      setCancelError('')
      Taro.showToast({ title: '已取消', icon: 'success' })
    } else setCancelError(res.error.message)
  }

  return (
    <CareRoot>
    <View className="page bk-ticket-page">
      {params.new === '1' && booking.status === 'confirmed' && (
        <View className="card bk-success" role="status">
          <View className="section-title">预约成功</View>
          <View className="muted">请在参观当天向工作人员出示此电子票。</View>
        </View>
      )}
      <View className="card bk-ticket">
        <View className="bk-day__head">
          <View className="bk-day__date" role="heading" aria-level={1}>
            {shortDate(booking.date)} {booking.weekday} {booking.sessionName}
          </View>
          <StatusTag status={booking.status} />
        </View>
        {booking.ticketCode ? (
          <>
            <TicketQr code={booking.ticketCode} />
            <View className="bk-ticket__code" aria-label="电子票号">
              {booking.ticketCode}
            </View>
            <View className="muted">入馆时出示二维码，每张电子票仅可核验一次</View>
          </>
        ) : (
          <View className="muted bk-ticket__void">
            {booking.status === 'checked_in' ? '已核验入馆，欢迎参观' : booking.status === 'cancelled' ? `预约已取消，电子票已失效${booking.cancelReason ? `（馆方取消：${booking.cancelReason}）` : ''}` : '预约未到场，电子票已失效'}
          </View>
        )}
      </View>
      <View className="card">
        <View className="bk-row">
          <View className="bk-row__key">参观时间</View>
          <View className="bk-row__val">
            {shortDate(booking.date)} {booking.start}–{booking.end}
          </View>
        </View>
        {booking.visitors.map((v, i) => (
          <View key={i} className="bk-row">
            <View className="bk-row__key">{i === 0 ? '参观人' : ''}</View>
            <View className="bk-row__val">
              {v.name} <View className="bk-visitor__id">{idTypeLabel(v.idType)} {v.idMasked}</View>
            </View>
          </View>
        ))}
        {booking.status === 'confirmed' && (
          <View className="bk-row">
            <View className="bk-row__key">取消截止</View>
            <View className="bk-row__val">{booking.cancelDeadlineText}</View>
          </View>
        )}
      </View>
      {cancelError && (
        <View className="bk-alert" role="alert">
          {cancelError}
        </View>
      )}
      <View className="bk-actions">
        {booking.status === 'confirmed' &&
          (booking.cancellable ? (
            <View className={`btn btn--danger ${busy ? 'btn--disabled' : ''}`} role="button" onClick={cancel}>
              取消预约
            </View>
          ) : (
            <View className="muted">已过取消截止时间，如不能前来请勿担心名额，场次结束后将记为未到场。</View>
          ))}
        <View className="btn btn--ghost" role="button" onClick={() => openPage('/booking/pages/mine/index')}>
          我的预约
        </View>
        <View className="btn btn--ghost" role="button" onClick={() => openPage('/booking/pages/calendar/index')}>
          继续预约
        </View>
      </View>
    </View>
    </CareRoot>
  )
}
