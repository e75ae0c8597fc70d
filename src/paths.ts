// Every route of the app in one table: pages link through these, never through written-out paths,
// so a moved page is one edit here. Routes that take a parameter are functions.
import { EXHIBIT_PAGE } from '@cloud/contracts/codes'

const q = (v: string) => encodeURIComponent(v)

export const paths = {
  home: '/pages/home/index',
  mine: '/pages/mine/index',
  exhibit: (code: string) => `/${EXHIBIT_PAGE}?id=${q(code)}`,
  exhibits: '/exhibits/pages/list/index',
  sources: '/exhibits/pages/sources/index',
  listen: (code: string, lang: string) => `/guide/pages/listen/index?id=${q(code)}&lang=${q(lang)}`,
  trail: '/guide/pages/trail/index',
  calendar: '/booking/pages/calendar/index',
  bookingForm: (sessionId: string) => `/booking/pages/form/index?session=${q(sessionId)}`,
  visitors: '/booking/pages/visitors/index',
  ticket: (id: string, isNew = false) => `/booking/pages/ticket/index?id=${q(id)}${isNew ? '&new=1' : ''}`,
  myBookings: '/booking/pages/mine/index',
  /** 我的候补; `id` scrolls to (and marks) one entry, as the offer message opens it. */
  waitlist: (id?: string) => `/booking/pages/waitlist/index${id ? `?id=${q(id)}` : ''}`,
  /** The calendar choosing a new session for a booking (改签). */
  reschedule: (bookingId: string) => `/booking/pages/calendar/index?reschedule=${q(bookingId)}`,
  /** The form in 候补 mode: the session is full, so the visitors join its line. */
  waitForm: (sessionId: string) => `/booking/pages/form/index?session=${q(sessionId)}&wait=1`,
  checkin: '/staff/pages/checkin/index',
  companies: '/zone/pages/companies/index',
  company: (id: string) => `/zone/pages/company/index?id=${q(id)}`,
  policies: '/zone/pages/policies/index',
  policy: (id: string) => `/zone/pages/policy/index?id=${q(id)}`,
  match: '/zone/pages/match/index',
  figures: '/zone/pages/figures/index',
  policyAlerts: '/zone/pages/alerts/index',
  transferResults: '/transfer/pages/results/index',
  transferResult: (id: string) => `/transfer/pages/result/index?id=${q(id)}`,
  transferNeeds: '/transfer/pages/needs/index',
  transferNeedForm: '/transfer/pages/need-form/index',
  transferPlatforms: '/transfer/pages/platforms/index',
  transferRequest: (kind: 'result' | 'need' | 'platform', id: string) => `/transfer/pages/request/index?kind=${q(kind)}&id=${q(id)}`,
  transferMine: '/transfer/pages/mine/index',
  notFound: '/missing/index',
} as const

/** Tab pages open with switchTab; everything else with navigateTo. */
export const TAB_PAGES: readonly string[] = [paths.home, paths.mine]
