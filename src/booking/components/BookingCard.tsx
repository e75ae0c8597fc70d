import { Text, View } from '@tarojs/components'
import { shortDate as zhDate, type BookingView } from '@cloud/contracts/booking'
import { dayName, shortDate } from '@/booking/dates'
import { bookingText, sessionNameIn } from '@/booking/strings'
import { useStrings } from '@/i18n/strings'
import { useLang } from '@/i18n/store'
import { StatusTag } from './StatusTag'
import './booking.scss'

export function BookingCard({ booking, onOpen }: { booking: BookingView; onOpen: () => void }) {
  const lang = useLang()
  const s = useStrings(bookingText)
  const session = sessionNameIn(lang, booking.sessionId, booking.sessionName)
  return (
    <View className="card bk-booking" role="link" data-booking={booking.id} onClick={onOpen}>
      <View className="bk-day__head">
        <View className="bk-day__date">
          {lang === 'en' ? `${dayName(booking.date, '', 'en')}, ${shortDate(booking.date, 'en')}` : `${zhDate(booking.date)} ${booking.weekday}`} {session}
        </View>
        <StatusTag status={booking.status} />
      </View>
      <View className="muted">
        {booking.start}–{booking.end} · <Text className="bk-booking__names" data-content>{booking.visitors.map((v) => v.name).join(lang === 'en' ? ', ' : '、')}</Text>
      </View>
      {booking.cancelReason && (
        <View className="bk-booking__reason">
          {s('museumCancelled')}
          <Text data-content>
            {booking.cancelReason}
          </Text>
        </View>
      )}
    </View>
  )
}
