// The catalogue of cloud functions and their actions, as the client calls them with
// wx.cloud.callFunction({ name, data: { action, ...request } }). Each request is what its zod
// schema in ./requests accepts (z.input), so a shape is written once; the handlers validate with
// those same schemas. Types only, and the schemas imported as types: the phone app and the console
// import this file without bundling zod. The handlers are held to it by `implement` (functions/types.ts).
import type { z } from 'zod'
import type { AccountsRequests } from './requests/accounts'
import type { AdminRequests } from './requests/admin'
import type { BookingRequests } from './requests/booking'
import type { CrowdView } from './crowd'
import type { ConsoleRequests } from './requests/console'
import type { ExhibitsRequests } from './requests/exhibits'
import type { NoticesRequests } from './requests/notices'
import type { StaffRequests } from './requests/staff'
import type { SystemRequests } from './requests/system'
import type { ZoneRequests } from './requests/zone'
import type { ZoneAlertsRequests } from './requests/zone-alerts'
import type { PolicyAlertsView } from './zone-alerts'
import type { SessionTemplateSchema } from './requests/fields'
import type { EnvVersion, ExhibitCodeFile } from './codes'
import type { BookingView, CalendarDay, CheckInResult, ExpectedVisitor, StaffSessionCount, VisitorView } from './booking'
import type { AudioTrack, Exhibit, ExhibitPack, GuideLang, Hall, HallWithExhibits } from './exhibit'
import type { AuditEntry, CloseDayResult, Dashboard, ImportPreview, Notice, NoticeView, RosterRow } from './ops'
import type { AccountView, MeView } from './accounts'
import type { AuditNames } from './audit-view'
import type { Company, CompanySummary, MatchResult, Page, Policy, PolicySummary, PolicyWithStatus, RelatedPolicy, ZoneChart } from './zone'
import type { ConsoleUploadsRequests } from './requests/console-uploads'
import type { UploadTicket } from './uploads'
import type { ConsoleHoldsRequests } from './requests/console-holds'
import type { BookingNoticeStatus, DayReportRow, HoldSessionView, NoticeState, SessionHold } from './holds'
import type { TransferConsoleRequests, TransferRequests } from './requests/transfer'
import type { PublicNeed, PublicResult, RequestStatus, RequestView, ResultSummary, TransferMatch, TransferNeed, TransferPlatform, TransferRequestRecord, TransferResult } from './transfer'

type TransferReq<A extends keyof typeof TransferRequests> = z.input<(typeof TransferRequests)[A]>
type TransferConsoleReq<A extends keyof typeof TransferConsoleRequests> = z.input<(typeof TransferConsoleRequests)[A]>
import type { BookingWaitlistRequests } from './requests/booking-waitlist'
import type { ConsoleWaitlistSession, NoShowStanding, WaitlistEntryView, WalkInSetting } from './waitlist'
import type { ConsoleWaitlistRequests } from './requests/console-waitlist'
import type { ConsoleGroupsRequests, GroupsRequests } from './requests/groups'
import type { ConsoleGroupRequest, GroupGateView, GroupQuotaView, GroupRequestView, GroupRules, RosterPersonView } from './groups'

type GroupsReq<A extends keyof typeof GroupsRequests> = z.input<(typeof GroupsRequests)[A]>
type ConsoleGroupsReq<A extends keyof typeof ConsoleGroupsRequests> = z.input<(typeof ConsoleGroupsRequests)[A]>
import type { ConsoleWalkInRequests } from './requests/console-walkin'

export interface Api {
  system: {
    /** A no-op used by health checks and as the throughput floor in benchmarks. */
    ping: { req: z.input<typeof SystemRequests['ping']>; res: { pong: true; at: string } }
  }
  exhibits: {
    get: { req: z.input<typeof ExhibitsRequests['get']>; res: { exhibit: Exhibit } }
    list: { req: z.input<typeof ExhibitsRequests['list']>; res: { halls: HallWithExhibits[] } }
    /** The offline pack; `have`: the version the phone holds (unchanged → only the version comes back). */
    pack: { req: z.input<typeof ExhibitsRequests['pack']>; res: { pack: ExhibitPack } | { unchanged: true; version: string } }
  }
  admin: {
    /** Mini-program codes for exhibits (cloud only): wxacode.getUnlimited → cloud storage file ids. */
    exhibitCodes: {
      req: z.input<typeof AdminRequests['exhibitCodes']>
      res: { page: string; envVersion: EnvVersion; files: ExhibitCodeFile[]; failures: Array<{ code: string; message: string }> }
    }
  }
  zone: {
    searchCompanies: { req: z.input<typeof ZoneRequests['searchCompanies']>; res: Page<CompanySummary> }
    getCompany: { req: z.input<typeof ZoneRequests['getCompany']>; res: { company: Company } }
    searchPolicies: { req: z.input<typeof ZoneRequests['searchPolicies']>; res: Page<PolicySummary> }
    getPolicy: { req: z.input<typeof ZoneRequests['getPolicy']>; res: { policy: PolicyWithStatus } }
    /** The policy calculator: a company profile against every policy's rules. */
    match: { req: z.input<typeof ZoneRequests['match']>; res: MatchResult }
    figures: { req: z.input<typeof ZoneRequests['figures']>; res: { charts: ZoneChart[] } }
    /** The exhibit page's 相关政策: up to 3 open policies the company's industry and qualifications fit. */
    policiesFor: { req: z.input<typeof ZoneRequests['policiesFor']>; res: { policies: RelatedPolicy[] } }
    /** 政策提醒: the visitor's own saved profile and its alerts (cloud/zone/alerts.ts). */
    saveProfile: { req: z.input<typeof ZoneAlertsRequests['saveProfile']>; res: PolicyAlertsView }
    alerts: { req: z.input<typeof ZoneAlertsRequests['alerts']>; res: PolicyAlertsView }
    subscribeAlerts: { req: z.input<typeof ZoneAlertsRequests['subscribeAlerts']>; res: PolicyAlertsView }
  }
  /** 成果转化: results, needs, platforms (anonymous); 对接 requests and posted needs (the sender's own). */
  transfer: {
    results: { req: TransferReq<'results'>; res: Page<ResultSummary> }
    /** The result (never the centre-only detail), the needs and companies it fits with why, and its policies. */
    getResult: {
      req: TransferReq<'getResult'>
      res: { result: PublicResult; needs: TransferMatch[]; companies: TransferMatch[]; policies: Array<{ id: string; title: string; status: string }> }
    }
    /** Published needs still valid, each with the results that could answer it. */
    needs: { req: TransferReq<'needs'>; res: { needs: Array<PublicNeed & { matches: TransferMatch[] }> } }
    platforms: { req: TransferReq<'platforms'>; res: { platforms: TransferPlatform[] } }
    /** `existing`: an open request about the same target was already there (a retry sends nothing twice). */
    submitRequest: { req: TransferReq<'submitRequest'>; res: { request: RequestView; existing: boolean } }
    myRequests: { req: TransferReq<'myRequests'>; res: { requests: RequestView[]; needs: Array<PublicNeed & { reviewNote?: string }> } }
    subscribe: { req: TransferReq<'subscribe'>; res: { request: RequestView } }
    submitNeed: { req: TransferReq<'submitNeed'>; res: { need: PublicNeed } }
  }
  /** Visitor side of booking: calendar, 常用参观人, book, 我的预约, cancel. */
  booking: {
    /** `nextRelease`: the next open day whose places are not out yet (closed days skipped), or null. */
    calendar: { req: z.input<typeof BookingRequests['calendar']>; res: { days: CalendarDay[]; today: string; nextRelease: { date: string; weekday: string; releaseAt: string } | null; timezone: string; sourceNote: string } }
    visitors: { req: z.input<typeof BookingRequests['visitors']>; res: { visitors: VisitorView[] } }
    addVisitor: { req: z.input<typeof BookingRequests['addVisitor']>; res: { visitor: VisitorView } }
    addChild: { req: z.input<typeof BookingRequests['addChild']>; res: { visitor: VisitorView } }
    /** People estimated inside now (check-ins within the average stay) and its level: an estimate. */
    crowd: { req: z.input<typeof BookingRequests['crowd']>; res: { crowd: CrowdView } }
    removeVisitor: { req: z.input<typeof BookingRequests['removeVisitor']>; res: { removed: true } }
    book: { req: z.input<typeof BookingRequests['book']>; res: { booking: BookingView } }
    mine: { req: z.input<typeof BookingRequests['mine']>; res: { bookings: BookingView[] } }
    get: { req: z.input<typeof BookingRequests['get']>; res: { booking: BookingView } }
    cancel: { req: z.input<typeof BookingRequests['cancel']>; res: { booking: BookingView } }
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
    checkIn: { req: z.input<typeof StaffRequests['checkIn']>; res: { result: CheckInResult } }
    today: { req: z.input<typeof StaffRequests['today']>; res: { date: string; sessions: StaffSessionCount[] } }
    /** Who is expected in a session: every visitor of its confirmed and checked-in bookings, not yet in first. */
    expected: { req: z.input<typeof StaffRequests['expected']>; res: { sessionId: string; visitors: ExpectedVisitor[] } }
  }
  /** The app's home page notices (anonymous). */
  notices: {
    active: { req: z.input<typeof NoticesRequests['active']>; res: { notices: NoticeView[] } }
  }
  /** The operator console (/admin); roles per action in cloud/contracts/console.ts (CONSOLE_ROLES), handlers in cloud/functions/console/. */
  console: {
    exhibits: { req: z.input<typeof ConsoleRequests['exhibits']>; res: { halls: Hall[]; exhibits: Exhibit[] } }
    /** `staleAudio`: languages whose recording no longer speaks the saved text (kept, marked stale). */
    saveExhibit: { req: z.input<typeof ConsoleRequests['saveExhibit']>; res: { exhibit: Exhibit; staleAudio: GuideLang[] } }
    /** A stale recording kept for the new text, or removed. */
    decideAudio: { req: z.input<typeof ConsoleRequests['decideAudio']>; res: { exhibit: Exhibit } }
    /** A one-time place to upload a photo, recording or sheet to, straight to storage (contracts/uploads.ts). */
    uploadTicket: { req: z.input<(typeof ConsoleUploadsRequests)['uploadTicket']>; res: UploadTicket }
    /** The file: `fileId` from uploadTicket once uploaded, or `data` (base64; small files, local runtime). */
    uploadPhoto: { req: z.input<typeof ConsoleRequests['uploadPhoto']>; res: { exhibit: Exhibit } }
    /** An operator's recording (MP3/M4A/AAC, type read from the bytes) for one language's guide. */
    uploadAudio: { req: z.input<typeof ConsoleRequests['uploadAudio']>; res: AudioAnswer }
    /** The guide spoken from the current text again: the prepared recording, or a fresh synthesis. */
    regenerateAudio: { req: z.input<typeof ConsoleRequests['regenerateAudio']>; res: AudioAnswer }
    codeSheet: { req: z.input<typeof ConsoleRequests['codeSheet']>; res: { fileName: string; html: string; count: number; origin: string } }
    /** 展区: the halls in visitor order, each with how many exhibits it holds. */
    halls: { req: z.input<typeof ConsoleRequests['halls']>; res: { halls: Array<Hall & { exhibitCount: number }> } }
    saveHall: { req: z.input<typeof ConsoleRequests['saveHall']>; res: { hall: Hall; order: number } }
    notices: { req: z.input<typeof ConsoleRequests['notices']>; res: { notices: Notice[] } }
    saveNotice: { req: z.input<typeof ConsoleRequests['saveNotice']>; res: { notice: Notice } }
    removeNotice: { req: z.input<typeof ConsoleRequests['removeNotice']>; res: { removed: true } }
    closures: { req: z.input<typeof ConsoleRequests['closures']>; res: { closedDays: Array<{ date: string; reason: string; illustrative?: boolean }>; sessions: Array<{ key: string; name: string; start: string; end: string; capacity: number }>; today: string } }
    closeDay: { req: z.input<typeof ConsoleRequests['closeDay']>; res: CloseDayResult }
    /** What closing would cancel now (confirmed bookings and their people), per day. */
    closureImpact: { req: z.input<typeof ConsoleRequests['closureImpact']>; res: { days: Array<{ day: string; bookings: number; people: number }>; bookings: number; people: number } }
    /** Closes every day of the range (at most 14) with one reason. */
    closeDays: { req: z.input<typeof ConsoleRequests['closeDays']>; res: { days: CloseDayResult[]; cancelled: number; total: number } }
    /** Reopening: bookable again; `stillCancelled` bookings the closure cancelled stay so. */
    reopenDay: { req: z.input<typeof ConsoleRequests['reopenDay']>; res: { day: string; stillCancelled: number } }
    reopenSession: { req: z.input<typeof ConsoleRequests['reopenSession']>; res: { sessionId: string; stillCancelled: number } }
    bookingConfig: { req: z.input<typeof ConsoleRequests['bookingConfig']>; res: BookingSettings }
    saveSessionTemplates: { req: z.input<typeof ConsoleRequests['saveSessionTemplates']>; res: { saved: true } }
    setCapacity: { req: z.input<typeof ConsoleRequests['setCapacity']>; res: { saved: true } }
    closeSession: { req: z.input<typeof ConsoleRequests['closeSession']>; res: CloseDayResult }
    saveHolidays: { req: z.input<typeof ConsoleRequests['saveHolidays']>; res: { holidays: Array<{ name: string; from: string; to: string }> } }
    roster: { req: z.input<typeof ConsoleRequests['roster']>; res: { day: string; rows: RosterRow[] } }
    cancelBooking: { req: z.input<typeof ConsoleRequests['cancelBooking']>; res: { bookingId: string; status: 'cancelled'; reason: string } }
    rosterXlsx: { req: z.input<typeof ConsoleRequests['rosterXlsx']>; res: { day: string; fileName: string; data: string } }
    /** What a zone spreadsheet would add, change and remove; writes nothing. `mode` defaults to merge. */
    previewImport: { req: z.input<typeof ConsoleRequests['previewImport']>; res: ImportPreview }
    /** The confirm of a preview: same file and mode, and the preview's `baseline`. */
    importZone: { req: z.input<typeof ConsoleRequests['importZone']>; res: { kind: 'companies' | 'policies'; added: number; changed: number; removed: number; unchanged: number } }
    /** The current list as the import spreadsheet (.xlsx, base64). */
    exportZone: { req: z.input<typeof ConsoleRequests['exportZone']>; res: { kind: 'companies' | 'policies'; fileName: string; data: string; count: number } }
    /** The empty import spreadsheet with its column notes (.xlsx, base64). */
    zoneTemplate: { req: z.input<typeof ConsoleRequests['zoneTemplate']>; res: { kind: 'companies' | 'policies'; fileName: string; data: string } }
    zoneData: { req: z.input<typeof ConsoleRequests['zoneData']>; res: { companies: Company[]; policies: Policy[]; charts: ZoneChart[]; exhibits: Array<{ code: string; name: string }> } }
    saveCompany: { req: z.input<typeof ConsoleRequests['saveCompany']>; res: { company: Company } }
    removeCompany: { req: z.input<typeof ConsoleRequests['removeCompany']>; res: { removed: true } }
    savePolicy: { req: z.input<typeof ConsoleRequests['savePolicy']>; res: { policy: Policy } }
    removePolicy: { req: z.input<typeof ConsoleRequests['removePolicy']>; res: { removed: true } }
    testRules: { req: z.input<typeof ConsoleRequests['testRules']>; res: { verdict: 'fit' | 'near' | 'none'; rules: Array<{ label: string; missing: string; holds: boolean }> } }
    saveChart: { req: z.input<typeof ConsoleRequests['saveChart']>; res: { chart: ZoneChart } }
    dashboard: { req: z.input<typeof ConsoleRequests['dashboard']>; res: Dashboard }
    audit: { req: z.input<typeof ConsoleRequests['audit']>; res: { entries: AuditEntry[]; names: AuditNames } }
    auditXlsx: { req: z.input<typeof ConsoleRequests['auditXlsx']>; res: { fileName: string; data: string; count: number } }
    /** Places held for named groups (console/holds.ts): they count against capacity. */
    holds: { req: z.input<typeof ConsoleHoldsRequests['holds']>; res: { from: string; to: string; today: string; holds: SessionHold[]; sessions: HoldSessionView[] } }
    holdPlaces: { req: z.input<typeof ConsoleHoldsRequests['holdPlaces']>; res: { hold: SessionHold; left: number } }
    releaseHold: { req: z.input<typeof ConsoleHoldsRequests['releaseHold']>; res: { hold: SessionHold } }
    /** Per museum-cancelled booking of the day, whether its notice is queued, sent or failed (console/reports.ts). */
    closureNotices: { req: z.input<typeof ConsoleHoldsRequests['closureNotices']>; res: { day: string; notices: BookingNoticeStatus[]; counts: Record<NoticeState | 'none', number> } }
    dayReport: { req: z.input<typeof ConsoleHoldsRequests['dayReport']>; res: { from: string; to: string; rows: DayReportRow[]; fileName: string; data: string } }
    /** The printable QR sheet of chosen halls and exhibits, links from H5_ORIGIN read at run time (console/qrsheet.ts). */
    qrSheet: { req: z.input<typeof ConsoleHoldsRequests['qrSheet']>; res: { fileName: string; html: string; count: number; origin: string; configured: boolean; unpublished: string[] } }
    /** 成果转化 (transfer officer): 对接 requests with the sender's contact, newest first. */
    transferRequests: { req: TransferConsoleReq<'transferRequests'>; res: { requests: Array<TransferRequestRecord & { next: RequestStatus[] }> } }
    /** One step of a request (guarded on the rev the officer saw); `notified`: a status message was queued. */
    setRequestStatus: { req: TransferConsoleReq<'setRequestStatus'>; res: { request: TransferRequestRecord; notified: boolean } }
    transferNeeds: { req: TransferConsoleReq<'transferNeeds'>; res: { needs: TransferNeed[] } }
    reviewNeed: { req: TransferConsoleReq<'reviewNeed'>; res: { need: TransferNeed } }
    /** 成果与平台: the officer enters results and platforms (cloud/functions/console/transfer.ts). */
    transferLists: { req: TransferConsoleReq<'transferLists'>; res: { results: TransferResult[]; platforms: TransferPlatform[] } }
    savePlatform: { req: TransferConsoleReq<'savePlatform'>; res: { platform: TransferPlatform } }
    removePlatform: { req: TransferConsoleReq<'removePlatform'>; res: { removed: true } }
    saveResult: { req: TransferConsoleReq<'saveResult'>; res: { result: TransferResult } }
    removeResult: { req: TransferConsoleReq<'removeResult'>; res: { removed: true } }
    /** 候补: each session's line on a day (cloud/functions/console/waitlist.ts). */
    waitlist: { req: z.input<typeof ConsoleWaitlistRequests['waitlist']>; res: { day: string; sessions: ConsoleWaitlistSession[] } }
    /** Groups and schools (cloud/functions/console/groups.ts): a day's requests and group quota. */
    groupRequests: { req: ConsoleGroupsReq<'groupRequests'>; res: { day: string; requests: ConsoleGroupRequest[]; sessions: GroupQuotaView[]; rules: GroupRules & { quotaPerSession: number } } }
    saveGroupRules: { req: ConsoleGroupsReq<'saveGroupRules'>; res: { rules: GroupRules & { quotaPerSession: number } } }
    approveGroup: { req: ConsoleGroupsReq<'approveGroup'>; res: { request: ConsoleGroupRequest } }
    /** Gives back the request's places and day claims. */
    rejectGroup: { req: ConsoleGroupsReq<'rejectGroup'>; res: { request: ConsoleGroupRequest } }
    /** An approved group cancelled by the museum: its places and day claims go back (`released` heads). */
    cancelGroup: { req: ConsoleGroupsReq<'cancelGroup'>; res: { request: ConsoleGroupRequest; released: number } }
    /** The printable roster (.xlsx, base64) and its rows for a print page. */
    groupRoster: { req: ConsoleGroupsReq<'groupRoster'>; res: { request: ConsoleGroupRequest; roster: RosterPersonView[]; fileName: string; data: string; printedAt: string } }
    /** 现场释放: the walk-in release setting (cloud/functions/console/walkin.ts). */
    walkIn: { req: z.input<typeof ConsoleWalkInRequests['walkIn']>; res: { walkIn: WalkInSetting } }
    saveWalkIn: { req: z.input<typeof ConsoleWalkInRequests['saveWalkIn']>; res: { walkIn: WalkInSetting } }
  }
  /** Groups and schools (cloud/functions/groups.ts, docs/booking-groups.md): a leader's requests; the gate's head count (staff). */
  groups: {
    sessions: { req: GroupsReq<'sessions'>; res: { sessions: GroupQuotaView[]; rules: GroupRules } }
    template: { req: GroupsReq<'template'>; res: { fileName: string; data: string } }
    /** A pending request holding its places; a roster with bad rows is refused (ROSTER_ROWS, fields `rows.<row>.<column>`). */
    submit: { req: GroupsReq<'submit'>; res: { request: GroupRequestView } }
    mine: { req: GroupsReq<'mine'>; res: { requests: GroupRequestView[] } }
    get: { req: GroupsReq<'get'>; res: { request: GroupRequestView } }
    cancel: { req: GroupsReq<'cancel'>; res: { request: GroupRequestView } }
    gate: { req: GroupsReq<'gate'>; res: { group: GroupGateView } }
    countIn: { req: GroupsReq<'countIn'>; res: { group: GroupGateView } }
  }
  /** Named staff and operator accounts: `me` for anyone signed in with one; the rest admin only.
   *  Local sign-in is POST /api/_session { username, password } → { token, role, name, expiresAt }. */
  accounts: {
    me: { req: z.input<typeof AccountsRequests['me']>; res: { me: MeView } }
    list: { req: z.input<typeof AccountsRequests['list']>; res: { accounts: AccountView[] } }
    create: { req: z.input<typeof AccountsRequests['create']>; res: { account: AccountView } }
    update: { req: z.input<typeof AccountsRequests['update']>; res: { account: AccountView } }
    resetPassword: { req: z.input<typeof AccountsRequests['resetPassword']>; res: { account: AccountView } }
    changeOwnPassword: { req: z.input<typeof AccountsRequests['changeOwnPassword']>; res: { account: AccountView } }
  }
}

/** A session template as the console shows and edits it (requests/fields.ts). */
export type SessionTemplateView = z.output<typeof SessionTemplateSchema>

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

/** What the console's hall form sends (requests/console.ts). */
export type HallEdit = z.input<typeof ConsoleRequests['saveHall']>

/** What the console's exhibit form sends (requests/console.ts). */
export type ExhibitEdit = z.input<typeof ConsoleRequests['saveExhibit']>

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { req: infer R } ? R : never
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { res: infer R } ? R : never
