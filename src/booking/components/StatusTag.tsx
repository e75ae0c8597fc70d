import { View } from '@tarojs/components'
import type { BookingStatus } from '@cloud/contracts/booking'
import { bookingText } from '@/booking/strings'
import { useStrings } from '@/i18n/strings'
import './booking.scss'

const TONE: Record<BookingStatus, string> = { confirmed: 'tag', checked_in: 'tag bk-tag--ok', cancelled: 'tag bk-tag--muted', no_show: 'tag bk-tag--warn', released: 'tag bk-tag--warn' }

export function StatusTag({ status }: { status: BookingStatus }) {
  const s = useStrings(bookingText)
  return <View className={`${TONE[status]} bk-status`}>{s(`st_${status}`)}</View>
}
