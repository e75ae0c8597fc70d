import { View } from '@tarojs/components'
import { shortDate, type BookingView } from '@cloud/contracts/booking'
import { StatusTag } from './StatusTag'
import './booking.scss'

export function BookingCard({ booking, onOpen }: { booking: BookingView; onOpen: () => void }) {
  return (
    <View className="card bk-booking" role="link" data-booking={booking.id} onClick={onOpen}>
      <View className="bk-day__head">
        <View className="bk-day__date">
          {shortDate(booking.date)} {booking.weekday} {booking.sessionName}
        </View>
        <StatusTag status={booking.status} />
      </View>
      <View className="muted">
        {booking.start}–{booking.end} · {booking.visitors.map((v) => v.name).join('、')}
      </View>
      {booking.cancelReason && <View className="bk-booking__reason">馆方取消：{booking.cancelReason}</View>}
    </View>
  )
}
