import { View } from '@tarojs/components'
import { BOOKING_STATUS_LABEL, type BookingStatus } from '@cloud/contracts/booking'
import './booking.scss'

const TONE: Record<BookingStatus, string> = { confirmed: 'tag', checked_in: 'tag bk-tag--ok', cancelled: 'tag bk-tag--muted', no_show: 'tag bk-tag--warn' }

export function StatusTag({ status }: { status: BookingStatus }) {
  return <View className={`${TONE[status]} bk-status`}>{BOOKING_STATUS_LABEL[status]}</View>
}
