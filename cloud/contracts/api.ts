// The catalogue of cloud functions and their actions, as the client calls them with
// wx.cloud.callFunction({ name, data: { action, ...request } }). Types only: the client imports
// this file, the cloud layer implements it (functions/index.ts is checked against it).
import type { EnvVersion, ExhibitCodeFile } from './codes'
import type { BookingView, CalendarDay, CheckInResult, ExpectedVisitor, IdType, StaffSessionCount, VisitorView } from './booking'
import type { AudioTrack, Exhibit, ExhibitPack, GuideLang, Hall, HallWithExhibits } from './exhibit'
import type { AuditEntry, AuditQuery, CloseDayResult, Dashboard, ImportMode, ImportPreview, Notice, NoticeView, RosterRow } from './ops'
import type { AccountRoleName, AccountView, MeView } from './accounts'
import type { AuditNames } from './audit-view'
import type { z } from 'zod'
import type { BookingWaitlistRequests } from './requests/booking-waitlist'
import type { ConsoleWaitlistSession, NoShowStanding, WaitlistEntryView } from './waitlist'
import type { ConsoleWaitlistRequests } from './requests/console-waitlist'
import type {
  Company,
  CompanyQuery,
  CompanySummary,
  MatchProfile,
  MatchResult,
  Page,
  PolicyQuery,
  Policy,
  PolicySummary,
  RelatedPolicy,
  PolicyWithStatus,
  ZoneChart,
} from './zone'

export interface Api {
  system: {
    /** A no-op used by health checks and as the throughput floor in benchmarks. */
    ping: { req: Record<string, never>; res: { pong: true; at: string } }
  }
  exhibits: {
    get: { req: { code: string }; res: { exhibit: Exhibit } }
    list: { req: Record<string, never>; res: { halls: HallWithExhibits[] } }
    /** The offline pack; `have`: the version the phone holds (unchanged → only the version comes back). */
    pack: { req: { have?: string }; res: { pack: ExhibitPack } | { unchanged: true; version: string } }
  }
  admin: {
    /** Mini-program codes for exhibits (cloud only): wxacode.getUnlimited → cloud storage file ids. */
    exhibitCodes: {
      req: { envVersion?: EnvVersion; codes?: string[] }
      res: { page: string; envVersion: EnvVersion; files: ExhibitCodeFile[]; failures: Array<{ code: string; message: string }> }
    }
  }
  zone: {
    searchCompanies: { req: CompanyQuery; res: Page<CompanySummary> }
    getCompany: { req: { id: string }; res: { company: Company } }
    searchPolicies: { req: PolicyQuery; res: Page<PolicySummary> }
    getPolicy: { req: { id: string }; res: { policy: PolicyWithStatus } }
    /** The policy calculator: a company profile against every policy's rules. */
    match: { req: { profile: MatchProfile }; res: MatchResult }
    figures: { req: Record<string, never>; res: { charts: ZoneChart[] } }
    /** The exhibit page's 相关政策: up to 3 open policies the company's industry and qualifications fit. */
    policiesFor: { req: { companyId: string }; res: { policies: RelatedPolicy[] } }
  }
  /** Visitor side of booking: calendar, 常用参观人, book, 我的预约, cancel. */
  booking: {
    /** `nextRelease`: the next open day whose places are not out yet (closed days skipped), or null. */
    calendar: { req: Record<string, never>; res: { days: CalendarDay[]; today: string; nextRelease: { date: string; weekday: string; releaseAt: string } | null; timezone: string; sourceNote: string } }
    visitors: { req: Record<string, never>; res: { visitors: VisitorView[] } }
    addVisitor: { req: { name: string; idType: IdType; idNumber: string }; res: { visitor: VisitorView } }
    removeVisitor: { req: { visitorId: string }; res: { removed: true } }
    /** `clientRequestId` is made once per intent: a double tap or a retry with it books once. */
    /** `remind`: the visitor accepted the reminder subscription (weapp); a reminder goes out the day before. */
    book: { req: { sessionId: string; visitorIds: string[]; clientRequestId: string; remind?: boolean }; res: { booking: BookingView } }
    mine: { req: Record<string, never>; res: { bookings: BookingView[] } }
    get: { req: { bookingId: string }; res: { booking: BookingView } }
    cancel: { req: { bookingId: string }; res: { booking: BookingView } }
    /** 改签: the booking (same id, same visitors) moved to another session; both or neither. */
    reschedule: { req: z.input<typeof BookingWaitlistRequests['reschedule']>; res: { booking: BookingView } }
    /** 候补 (docs/booking-waitlist.md): join a full session's line. */
    joinWaitlist: { req: z.input<typeof BookingWaitlistRequests['joinWaitlist']>; res: { entry: WaitlistEntryView } }
    waitlist: { req: z.input<typeof BookingWaitlistRequests['waitlist']>; res: { entries: WaitlistEntryView[] } }
    leaveWaitlist: { req: z.input<typeof BookingWaitlistRequests['leaveWaitlist']>; res: { entry: WaitlistEntryView } }
    /** Answers the confirmed booking the offer became. */
    acceptOffer: { req: z.input<typeof BookingWaitlistRequests['acceptOffer']>; res: { booking: BookingView } }
    noShowStanding: { req: z.input<typeof BookingWaitlistRequests['noShowStanding']>; res: { noShows: NoShowStanding } }
  }
  /** Museum staff at the gate (role staff). */
  staff: {
    checkIn: { req: { code: string }; res: { result: CheckInResult } }
    today: { req: Record<string, never>; res: { date: string; sessions: StaffSessionCount[] } }
    /** Who is expected in a session: every visitor of its confirmed and checked-in bookings, not yet in first. */
    expected: { req: { sessionId: string }; res: { sessionId: string; visitors: ExpectedVisitor[] } }
  }
  /** The app's home page notices (anonymous). */
  notices: {
    active: { req: Record<string, never>; res: { notices: NoticeView[] } }
  }
  /** The operator console (/admin); roles per action in cloud/functions/console.ts (CONSOLE_ROLES). */
  console: {
    exhibits: { req: Record<string, never>; res: { halls: Hall[]; exhibits: Exhibit[] } }
    /** `staleAudio`: languages whose recording no longer speaks the saved text (kept, marked stale). */
    saveExhibit: { req: ExhibitEdit; res: { exhibit: Exhibit; staleAudio: GuideLang[] } }
    /** A stale recording kept for the new text, or removed. */
    decideAudio: { req: { code: string; lang: GuideLang; decision: 'keep' | 'remove' }; res: { exhibit: Exhibit } }
    uploadPhoto: { req: { code: string; data: string; alt: string }; res: { exhibit: Exhibit } }
    /** An operator's recording (MP3/M4A/AAC, type read from the bytes) for one language's guide. */
    uploadAudio: { req: { code: string; lang: GuideLang; data: string; voice?: string }; res: AudioAnswer }
    /** The guide spoken from the current text again: the prepared recording, or a fresh synthesis. */
    regenerateAudio: { req: { code: string; lang: GuideLang }; res: AudioAnswer }
    codeSheet: { req: Record<string, never>; res: { fileName: string; html: string; count: number; origin: string } }
    /** 展区: the halls in visitor order, each with how many exhibits it holds. */
    halls: { req: Record<string, never>; res: { halls: Array<Hall & { exhibitCount: number }> } }
    saveHall: { req: HallEdit; res: { hall: Hall; order: number } }
    notices: { req: Record<string, never>; res: { notices: Notice[] } }
    saveNotice: { req: Omit<Notice, 'id' | 'createdAt' | 'updatedAt'> & { id?: string }; res: { notice: Notice } }
    removeNotice: { req: { id: string }; res: { removed: true } }
    closures: { req: Record<string, never>; res: { closedDays: Array<{ date: string; reason: string; illustrative?: boolean }>; sessions: Array<{ key: string; name: string; start: string; end: string; capacity: number }>; today: string } }
    closeDay: { req: { day: string; reason: string }; res: CloseDayResult }
    /** What closing would cancel now (confirmed bookings and their people), per day. */
    closureImpact: { req: { from: string; to: string } | { sessionId: string }; res: { days: Array<{ day: string; bookings: number; people: number }>; bookings: number; people: number } }
    /** Closes every day of the range (at most 14) with one reason. */
    closeDays: { req: { from: string; to: string; reason: string }; res: { days: CloseDayResult[]; cancelled: number; total: number } }
    /** Reopening: bookable again; `stillCancelled` bookings the closure cancelled stay so. */
    reopenDay: { req: { day: string }; res: { day: string; stillCancelled: number } }
    reopenSession: { req: { sessionId: string }; res: { sessionId: string; stillCancelled: number } }
    bookingConfig: { req: Record<string, never>; res: BookingSettings }
    saveSessionTemplates: { req: { weekday: 'default' | '0' | '1' | '2' | '3' | '4' | '5' | '6'; sessions: SessionTemplateView[] | null }; res: { saved: true } }
    setCapacity: { req: { sessionId: string; capacity: number | null }; res: { saved: true } }
    closeSession: { req: { sessionId: string; reason: string }; res: CloseDayResult }
    saveHolidays: { req: { holidays: Array<{ name: string; from: string; to: string }> }; res: { holidays: Array<{ name: string; from: string; to: string }> } }
    roster: { req: { day: string; q?: string }; res: { day: string; rows: RosterRow[] } }
    cancelBooking: { req: { bookingId: string; reason: string }; res: { bookingId: string; status: 'cancelled'; reason: string } }
    rosterXlsx: { req: { day: string }; res: { day: string; fileName: string; data: string } }
    /** What a zone spreadsheet would add, change and remove; writes nothing. `mode` defaults to merge. */
    previewImport: { req: { fileName: string; data: string; mode?: ImportMode }; res: ImportPreview }
    /** The confirm of a preview: same file and mode, and the preview's `baseline`. */
    importZone: { req: { fileName: string; data: string; mode: ImportMode; baseline: string }; res: { kind: 'companies' | 'policies'; added: number; changed: number; removed: number; unchanged: number } }
    /** The current list as the import spreadsheet (.xlsx, base64). */
    exportZone: { req: { kind: 'companies' | 'policies' }; res: { kind: 'companies' | 'policies'; fileName: string; data: string; count: number } }
    /** The empty import spreadsheet with its column notes (.xlsx, base64). */
    zoneTemplate: { req: { kind: 'companies' | 'policies' }; res: { kind: 'companies' | 'policies'; fileName: string; data: string } }
    zoneData: { req: Record<string, never>; res: { companies: Company[]; policies: Policy[]; charts: ZoneChart[]; exhibits: Array<{ code: string; name: string }> } }
    /** `row`: the import spreadsheet's columns (column name → cell text); `isNew`: create, not edit. */
    saveCompany: { req: { row: Record<string, string>; isNew: boolean }; res: { company: Company } }
    removeCompany: { req: { id: string }; res: { removed: true } }
    savePolicy: { req: { row: Record<string, string>; isNew: boolean }; res: { policy: Policy } }
    removePolicy: { req: { id: string }; res: { removed: true } }
    testRules: { req: { rules: unknown[]; profile: MatchProfile }; res: { verdict: 'fit' | 'near' | 'none'; rules: Array<{ label: string; missing: string; holds: boolean }> } }
    saveChart: { req: { chart: ZoneChart }; res: { chart: ZoneChart } }
    dashboard: { req: { fromDay?: string; toDay?: string }; res: Dashboard }
    audit: { req: AuditQuery; res: { entries: AuditEntry[]; names: AuditNames } }
    auditXlsx: { req: AuditQuery; res: { fileName: string; data: string; count: number } }
    /** 候补: each session's line on a day (cloud/functions/console/waitlist.ts). */
    waitlist: { req: z.input<typeof ConsoleWaitlistRequests['waitlist']>; res: { day: string; sessions: ConsoleWaitlistSession[] } }
  }
  /** Named staff and operator accounts: `me` for anyone signed in with one; the rest admin only.
   *  Local sign-in is POST /api/_session { username, password } → { token, role, name, expiresAt }. */
  accounts: {
    me: { req: Record<string, never>; res: { me: MeView } }
    list: { req: Record<string, never>; res: { accounts: AccountView[] } }
    create: { req: { username: string; name: string; role: AccountRoleName; password: string }; res: { account: AccountView } }
    update: { req: { username: string; name?: string; role?: AccountRoleName; disabled?: boolean }; res: { account: AccountView } }
    resetPassword: { req: { username: string; password: string }; res: { account: AccountView } }
    changeOwnPassword: { req: { current: string; next: string }; res: { account: AccountView } }
  }
}

export interface SessionTemplateView {
  key: string
  name: string
  start: string
  end: string
  capacity: number
}

/** The console's 预约设置: what the store holds over data/booking.json's defaults. */
export interface BookingSettings {
  today: string
  sessions: SessionTemplateView[]
  weekdaySessions: Partial<Record<'0' | '1' | '2' | '3' | '4' | '5' | '6', SessionTemplateView[]>>
  capacityOverrides: Array<{ date: string; key: string; capacity: number }>
  closedSessions: Array<{ sessionId: string; reason: string }>
  closedDays: Array<{ date: string; reason: string }>
  holidays: Array<{ name: string; from: string; to: string }>
  closedWeekdays: number[]
  /** The bookable days (today and the shown ones) with their sessions in force; `closedReason`
   *  when the session cannot be booked (its day closed, weekly closing day, or the session alone);
   *  `booked`: the places its bookings hold now. */
  days: Array<{ date: string; sessions: Array<SessionTemplateView & { booked: number; closedReason?: string }> }>
}

export interface AudioAnswer {
  exhibit: Exhibit
  track: AudioTrack
  /** upload: the operator's file; prepared: the recording made by npm run audio; synthesised: made now. */
  source: 'upload' | 'prepared' | 'synthesised'
}

/** What the console's hall form sends: the hall's texts (its floor-plan rectangle is kept as is). */
export type HallEdit = Pick<Hall, 'id' | 'name' | 'nameEn' | 'floor' | 'intro' | 'introEn'> & {
  /** Position in the visitor's hall list, 1 = first. */
  order: number
  /** Create under a new id. */
  isNew?: boolean
}

/** What the console's exhibit form sends. */
export interface ExhibitEdit {
  code: string
  name: string
  nameEn?: string
  hallId: string
  summary: string
  summaryEn?: string
  figures: Array<{ label: string; value: string }>
  figuresEn?: Array<{ label: string; value: string }>
  company: { id?: string; name: string }
  imageAlt: string
  published: boolean
  /** Floor-plan position, percent. */
  plan?: { x: number; y: number }
  /** Create under a new code. */
  isNew?: boolean
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { req: infer R } ? R : never
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { res: infer R } ? R : never
