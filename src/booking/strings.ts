// The booking subpackage's interface text, in Chinese and English (src/i18n/strings.ts).
import { defineStrings } from '@/i18n/strings'

export const bookingText = defineStrings(
  {
    title: '预约参观',
    loading: '正在加载可预约场次…',
    myBookings: '我的预约',
    visitors: '常用参观人',
    rules: '实名预约，每单最多5人，同一证件每天限约1次。',
    closed: '闭馆',
    notReleased: '未开放',
    full: '已约满',
    over: '已结束',
    left: '余 {n} / {cap} 个名额',
    leftShort: '余{n}',
    releases: '将于 {time} 开放预约',
    pickLabel: '预约{date}{session}',
    dayLabel: '{name} {date}',
    sessions: '选择场次',
    strip: '选择日期',
  },
  {
    title: 'Book a visit',
    loading: 'Loading sessions…',
    myBookings: 'My bookings',
    visitors: 'Saved visitors',
    rules: 'Real-name booking, up to 5 people per booking, one booking per ID per day.',
    closed: 'Closed',
    notReleased: 'Not open yet',
    full: 'Full',
    over: 'Over',
    left: '{n} of {cap} places left',
    leftShort: '{n} left',
    releases: 'Booking opens {time}',
    pickLabel: 'Book {date}, {session}',
    dayLabel: '{name} {date}',
    sessions: 'Choose a session',
    strip: 'Choose a date',
  },
)

/** Session names in English by their key; other names are shown as written. */
export const SESSION_EN: Record<string, string> = { am: 'Morning', pm: 'Afternoon', eve: 'Evening' }
