// 成果转化: the zone's research-to-market service — results (成果清单), needs (需求清单), the
// platforms directory and 对接 requests handled by the 科技成果转化中心. Types and pure rules only
// (the client bundles this file).
import type { Industry, ZoneSource } from './zone'

/** A result's or a need's field: the zone's industries (the five the article names, and more). */
export type TransferField = Industry

/** Technology readiness levels 1–9, each with its words (as the EU's TRL scale, in Chinese and English). */
export const TRL_WORDS: Record<number, { zh: string; en: string }> = {
  1: { zh: '发现基本原理', en: 'Basic principles observed' },
  2: { zh: '形成技术概念或方案', en: 'Technology concept formulated' },
  3: { zh: '关键功能实验室验证', en: 'Experimental proof of concept' },
  4: { zh: '实验室环境部件验证', en: 'Technology validated in the lab' },
  5: { zh: '相关环境部件验证', en: 'Technology validated in a relevant environment' },
  6: { zh: '相关环境系统样机演示', en: 'Demonstrated in a relevant environment' },
  7: { zh: '实际环境系统样机试验', en: 'Prototype demonstrated in an operational environment' },
  8: { zh: '系统定型并通过试验', en: 'System complete and qualified' },
  9: { zh: '实际应用中验证', en: 'Actual system proven in operation' },
}
export const TRL_MIN = 1
export const TRL_MAX = 9
export const trlText = (trl: number, lang: 'zh' | 'en' = 'zh') => `TRL ${trl} · ${TRL_WORDS[trl]?.[lang] ?? ''}`

export const RESULT_KINDS = ['发明专利', '实用新型', '软件著作权', '技术秘密', '集成电路布图', '新品种', '其他'] as const
export type ResultKind = (typeof RESULT_KINDS)[number]

/** How a result may change hands (上海技术交易所's modes, plus 中技所's 先用后付). */
export const TRANSFER_MODES = ['转让', '许可', '作价入股', '先用后付', '技术开发', '技术服务', '技术咨询'] as const
export type TransferMode = (typeof TRANSFER_MODES)[number]

export const PRICE_MODES = ['面议', '挂牌', '竞价'] as const
export type PriceMode = (typeof PRICE_MODES)[number]

export const IP_STATUSES = ['申请中', '已授权', '已登记', '未申请'] as const
export type IpStatus = (typeof IP_STATUSES)[number]

export interface IpRight {
  type: ResultKind
  /** Patent or registration number; omitted when not public. */
  number?: string
  status: IpStatus
}

/** One step of a deal as told (e.g. 大连理工大学 → 上海技术交易所大连服务中心 → 海天兴业). */
export interface DealStep {
  who: string
  whoEn?: string
  what: string
  whatEn?: string
  /** A link inside the app: a company id (its page), a platform id. */
  companyId?: string
  platformId?: string
}

export interface TransferResult {
  /** Stable ASCII id. */
  id: string
  title: string
  titleEn?: string
  field: TransferField
  kind: ResultKind
  /** 1–9. */
  trl: number
  owner: string
  ownerEn?: string
  coOwners: string[]
  ip: IpRight[]
  /** 技术指标. */
  indicators: string[]
  modes: TransferMode[]
  priceMode: PriceMode
  /** What the public sees. */
  summary: string
  summaryEn?: string
  keywords: string[]
  /** The company that took the result up (its page links back here). */
  companyId?: string
  /** The museum exhibit that shows it. */
  exhibitCode?: string
  /** How the deal went, in order; `dealDuration` e.g. 约一个月. */
  deal?: { steps: DealStep[]; duration?: string; durationEn?: string; figures: Array<{ label: string; value: string; labelEn?: string; valueEn?: string }> }
  /** Policies that fit once the result is signed (技术合同登记, 知识产权质押融资 …): zone policy ids. */
  policyIds: string[]
  /** What only the transfer centre sees (valuation notes, contacts): never in a visitor's answer. */
  centreDetail?: string
  source: ZoneSource
  sourceNote?: string
  /** Field names that are illustrative although the record is from the article. */
  illustrative?: string[]
  /** The store's revision, raised by each console save (absent on a seeded record: 0). A save names
   *  the revision the officer saw, so one made meanwhile by someone else is refused, not overwritten. */
  rev?: number
}

/** A result as anyone but the centre sees it. */
export type PublicResult = Omit<TransferResult, 'centreDetail'>
export type ResultSummary = Pick<TransferResult, 'id' | 'title' | 'titleEn' | 'field' | 'exhibitCode' | 'companyId' | 'trl' | 'owner' | 'ownerEn' | 'modes' | 'priceMode' | 'source' | 'illustrative'> & {
  hasDeal: boolean
  /** The field in English, so a page in the main package needs no table of the zone's values. */
  fieldEn?: string
}

export const toPublicResult = ({ centreDetail: _hidden, ...rest }: TransferResult): PublicResult => rest

export const PLATFORM_KINDS = ['实验室与中试基地', '产学研联盟', '孵化平台', '科技银行', '新型研发机构', '技术交易服务', '转化服务'] as const
export type PlatformKind = (typeof PLATFORM_KINDS)[number]

/** A platform or a group of them. Where the article gives a count, the entry is the count, not a list. */
export interface TransferPlatform {
  id: string
  kind: PlatformKind
  name: string
  nameEn?: string
  /** e.g. { value: '230余个', label: '首批入驻英歌石科学城的国家省市各级实验室、中试小试基地' }. */
  counts: Array<{ value: string; label: string; valueEn?: string; labelEn?: string }>
  /** What it offers (services). */
  offers: string[]
  offersEn?: string[]
  howToApply: string
  howToApplyEn?: string
  source: ZoneSource
  sourceNote?: string
  illustrative?: string[]
  /** The store's revision, raised by each console save (absent on a seeded record: 0). A save names
   *  the revision the officer saw, so one made meanwhile by someone else is refused, not overwritten. */
  rev?: number
}

// ---------- needs ----------

export const BUDGET_BANDS = ['10万元以下', '10–50万元', '50–200万元', '200–1000万元', '1000万元以上', '面议'] as const
export type BudgetBand = (typeof BUDGET_BANDS)[number]

/** A need is shown only after the centre reviewed it; unclear ones go back to the poster. */
export type NeedStatus = 'pending' | 'published' | 'returned'
export const NEED_STATUS_LABEL: Record<NeedStatus, string> = { pending: '待审核', published: '已发布', returned: '退回补充' }

/** The clarity checklist a poster answers before submitting (江苏 发榜揭榜: a quarter of needs came back as unclear). */
export interface NeedClarity {
  /** 已知什么：现状、指标、约束。 */
  known: string
  /** 试过什么。 */
  tried: string
  /** 怎样算成功：可验收的指标。 */
  success: string
}

export interface TransferNeed {
  id: string
  title: string
  problem: string
  field: TransferField
  targetTrl: number
  budget: BudgetBand
  /** YYYY-MM-DD: the need is listed until this day. */
  validUntil: string
  /** YYYY-MM-DD: when the poster would like a solution. */
  desiredBy?: string
  keywords: string[]
  organisation: string
  clarity: NeedClarity
  status: NeedStatus
  reviewNote?: string
  createdAt: string
  reviewedAt?: string
  source: ZoneSource
  /** The poster's identity and contact: the centre sees them, the public does not. */
  openid?: string
  contactName?: string
  phone?: string
  rev: number
}

export type PublicNeed = Omit<TransferNeed, 'openid' | 'contactName' | 'phone' | 'rev' | 'reviewNote'>
export const toPublicNeed = ({ openid: _o, contactName: _c, phone: _p, rev: _r, reviewNote: _n, ...rest }: TransferNeed): PublicNeed => rest

// ---------- 对接 requests ----------

export const REQUEST_KINDS = ['result', 'need', 'platform'] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

export const REQUEST_STATUSES = ['submitted', 'accepted', 'needs_info', 'declined', 'matching', 'signed', 'registered', 'landed'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const REQUEST_STATUS_LABEL: Record<RequestStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  needs_info: '需补充',
  declined: '未受理',
  matching: '对接中',
  signed: '已签约',
  registered: '技术合同登记',
  landed: '落地',
}
export const REQUEST_STATUS_LABEL_EN: Record<RequestStatus, string> = {
  submitted: 'Submitted',
  accepted: 'Accepted',
  needs_info: 'More information needed',
  declined: 'Not accepted',
  matching: 'In talks',
  signed: 'Contract signed',
  registered: 'Contract registered',
  landed: 'In production',
}

/** Where each status may go next (the officer's choices). 未受理 and 落地 are final. */
export const NEXT_STATUSES: Record<RequestStatus, readonly RequestStatus[]> = {
  submitted: ['accepted', 'needs_info', 'declined'],
  needs_info: ['accepted', 'declined'],
  accepted: ['matching', 'declined'],
  matching: ['signed', 'declined'],
  signed: ['registered'],
  registered: ['landed'],
  declined: [],
  landed: [],
}
export const canMove = (from: RequestStatus, to: RequestStatus): boolean => NEXT_STATUSES[from].includes(to)

export interface StatusStep {
  status: RequestStatus
  /** ISO time the request entered this status. */
  at: string
  /** The officer's note, shown to the sender. */
  note?: string
}

export interface TransferRequestRecord {
  id: string
  kind: RequestKind
  targetId: string
  /** The target's title when sent (the list reads without a second lookup). */
  targetTitle: string
  organisation: string
  contactName: string
  phone: string
  message: string
  openid: string
  status: RequestStatus
  history: StatusStep[]
  createdAt: string
  /** One-time subscribe-message authorisations the sender gave and not yet used (WeChat allows one
   *  message per authorisation). */
  notifyGrants: number
  /** Optimistic-concurrency counter: each change is guarded on it. */
  rev: number
}

/** A request as its sender sees it: every status with the days spent in it. */
export interface RequestView {
  id: string
  kind: RequestKind
  targetId: string
  targetTitle: string
  organisation: string
  message: string
  status: RequestStatus
  statusLabel: string
  steps: Array<StatusStep & { label: string; days: number }>
  createdAt: string
  notifyGrants: number
  /** After 签约: the policies that fit (技术合同登记, 知识产权质押融资 …). */
  policies?: Array<{ id: string; title: string }>
}

const DAY_MS = 24 * 60 * 60_000

/** Whole days spent in each step: to the next step, or to `now` for the current one (at least 0). */
export function stepDays(history: StatusStep[], now: Date): Array<StatusStep & { days: number }> {
  return history.map((step, i) => {
    const end = i + 1 < history.length ? Date.parse(history[i + 1].at) : now.getTime()
    return { ...step, days: Math.max(0, Math.floor((end - Date.parse(step.at)) / DAY_MS)) }
  })
}

/** A match between a result and a need or a company, with why (and what does not fit). */
export interface TransferMatch {
  id: string
  title: string
  score: number
  reasons: string[]
  /** A TRL or field mismatch; a match with gaps never ranks above one without. */
  gaps: string[]
}

export const TransferErrors = {
  RESULT_NOT_FOUND: '没有找到这项成果，可能已更新',
  NEED_NOT_FOUND: '没有找到这条需求，可能已下架',
  TARGET_NOT_FOUND: '对接对象不存在或已下架，请返回列表重新选择',
  REQUEST_NOT_FOUND: '没有找到这条对接请求',
  REQUEST_LIMIT: '您提交的对接请求较多，请等待转化中心处理后再提交',
  REQUEST_STALE: '这条请求刚被他人处理过，请刷新后再操作',
  STATUS_NOT_ALLOWED: '当前状态不能改为所选状态',
  NEED_LIMIT: '您提交的需求较多，请等待审核后再提交',
  NEED_STALE: '这条需求刚被他人审核过，请刷新后再操作',
  NEED_EXPIRED_DATE: '有效期须晚于今天',
  TRANSFER_ID_TAKEN: '这个编号已被使用，请换一个编号',
  PLATFORM_NOT_FOUND: '没有找到这个平台，可能已被删除',
  RESULT_LINKED: '这项成果仍被引用，不能删除',
  PLATFORM_LINKED: '这个平台仍被引用，不能删除',
  RESULT_STALE: '这项成果已被他人修改，请刷新后再改',
  PLATFORM_STALE: '这个平台已被他人修改，请刷新后再改',
} as const
