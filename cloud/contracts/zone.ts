// The zone section's records and requests: companies, policies, the policy calculator and the
// zone in figures. Types and pure rules only (the client bundles this file).
import type { z } from 'zod'
import type { MatchProfileSchema, ZoneRequests } from './requests/zone'

/** Where a record (or one of its fields) comes from. 'illustrative' is shown as 示意 in the UI. */
export type ZoneSource = 'article' | 'document' | 'illustrative'

/** The most results one search page answers (a larger pageSize is refused). */
export const MAX_PAGE_SIZE = 50

export const INDUSTRIES = ['信息技术', '车联网', '洁净能源', '生命健康', '智能制造', '新材料', '航空航天', '教育科技', '其他'] as const
export type Industry = (typeof INDUSTRIES)[number]

/** Qualifications a company can hold, in the zone's tiers (科小 → 高企 → 雏鹰 → 瞪羚 → 独角兽; 专精特新 levels). */
export const QUALIFICATIONS = [
  '科技型中小企业',
  '高新技术企业',
  '雏鹰企业',
  '瞪羚企业',
  '潜在独角兽企业',
  '专精特新产品',
  '专精特新中小企业',
  '专精特新小巨人',
  '国家专精特新小巨人',
] as const
export type Qualification = (typeof QUALIFICATIONS)[number]

export interface CompanyContact {
  phone?: string
  address?: string
  addressEn?: string
  website?: string
}

/**
 * Where a record's English comes from: 'machine' = written for the app and not reviewed by the zone
 * office (the pages say so), 'written' = supplied or reviewed by the office. Absent with no English
 * fields: the record is shown in Chinese with a line saying so.
 */
export type EnglishSource = 'machine' | 'written'

export interface Company {
  /** Stable ASCII id (also used by exhibits' company.id). */
  id: string
  name: string
  shortName?: string
  industry: Industry
  /** Technical fields, e.g. 储能, 氢燃料电池. */
  fields: string[]
  products: string[]
  qualifications: Qualification[]
  profile: string
  founded?: string
  contact?: CompanyContact
  /** Exhibit codes of this company's exhibits in the museum (`nameEn`: the exhibit's own, added when read). */
  exhibits: Array<{ code: string; name: string; nameEn?: string }>
  source: ZoneSource
  sourceNote?: string
  /** Names of fields that are illustrative although the record itself is from the article. */
  illustrative?: string[]
  // English beside the Chinese (a field left empty is shown in Chinese, saying so).
  nameEn?: string
  shortNameEn?: string
  /** Same order and length as `fields`/`products`; a shorter list leaves the rest in Chinese. */
  fieldsEn?: string[]
  productsEn?: string[]
  profileEn?: string
  sourceNoteEn?: string
  translationEn?: EnglishSource
  /** The store's revision, raised by each console save and each import that changes the record
   *  (absent on a seeded record: 0). A save names the revision the editor saw (COMPANY_STALE). */
  rev?: number
}

export type CompanySummary = Pick<
  Company,
  'id' | 'name' | 'shortName' | 'industry' | 'qualifications' | 'products' | 'source' | 'illustrative' | 'nameEn' | 'productsEn' | 'translationEn'
> & {
  /** Why this row matched the query (shown under the name), e.g. 产品：全钒液流电池. */
  matched?: string
}

export const POLICY_LEVELS = ['国家', '省', '市', '区'] as const
export type PolicyLevel = (typeof POLICY_LEVELS)[number]

export const POLICY_KINDS = ['资金补贴', '人才', '融资', '税收', '成果转化', '知识产权', '载体平台', '企业培育'] as const
export type PolicyKind = (typeof POLICY_KINDS)[number]

export const POLICY_AUDIENCES = ['初创企业', '科技型中小企业', '高新技术企业', '专精特新企业', '雏鹰瞪羚企业', '海外人才', '高校院所', '各类企业'] as const
export type PolicyAudience = (typeof POLICY_AUDIENCES)[number]

export type PolicyStatus = 'open' | 'closing' | 'closed' | 'upcoming'
export const POLICY_STATUS_LABEL: Record<PolicyStatus, string> = {
  open: '申报中',
  closing: '即将截止',
  closed: '已截止',
  upcoming: '未开始',
}

// ---------- the declarative rule format (conditions are data, see data/policies.json) ----------

/** Profile fields a rule may test. */
/** A company's profile for the policy calculator: what requests/zone.ts's MatchProfileSchema accepts. */
export type MatchProfile = z.input<typeof MatchProfileSchema>

export const TALENT_TYPES = ['海外高层次人才', '国家级人才', '博士', '高校院所科研人员', '无'] as const
export type TalentType = (typeof TALENT_TYPES)[number]

export type NumericField = 'employees' | 'revenue' | 'rdShare' | 'inventionPatents' | 'otherIp'

/**
 * One condition. A policy fits when all of its `all` conditions hold. Each condition carries the
 * sentence a person reads when it holds (`label`) and what to do when it does not (`missing`), and
 * optionally the same in English.
 */
type RuleWords = { label: string; missing: string; labelEn?: string; missingEn?: string }
export type Rule =
  | ({ type: 'inZone' } & RuleWords)
  | ({ type: 'min'; field: NumericField; value: number } & RuleWords)
  | ({ type: 'max'; field: NumericField; value: number } & RuleWords)
  | ({ type: 'ageYearsMax'; value: number } & RuleWords)
  | ({ type: 'ageYearsMin'; value: number } & RuleWords)
  | ({ type: 'hasQualification'; anyOf: Qualification[] } & RuleWords)
  | ({ type: 'lacksQualification'; anyOf: Qualification[] } & RuleWords)
  | ({ type: 'hasTalent'; anyOf: TalentType[] } & RuleWords)
  | ({ type: 'financingNeed' } & RuleWords)
  | ({ type: 'industry'; anyOf: Industry[] } & RuleWords)

export type RuleType = Rule['type']

export interface PolicyBenefit {
  /** What it gives, in words: 最高补助50万元 */
  text: string
  textEn?: string
  /** Upper amount in 万元 when known (used by the estimated total). */
  maxAmount?: number
}

export interface Policy {
  id: string
  title: string
  shortTitle?: string
  level: PolicyLevel
  kinds: PolicyKind[]
  audiences: PolicyAudience[]
  summary: string
  /** The conditions in words, as the document states them. */
  conditions: string[]
  benefit: PolicyBenefit
  /** Validity of the policy (YYYY-MM-DD); absent = until replaced. */
  validFrom?: string
  validTo?: string
  /** Application window; absent opens/closes = 常年受理 within the validity. */
  window?: { opens?: string; closes?: string; note?: string; noteEn?: string }
  materials: string[]
  howToApply: string
  where: string
  issuer: string
  docNumber?: string
  /** Where the policy is described: the article, a document title, or a link. */
  sourceNote: string
  source: ZoneSource
  /** Fields that are illustrative (示意) although the policy itself is real. */
  illustrative?: string[]
  /** Machine-readable conditions for the calculator; absent = not assessed by the calculator. */
  rules?: Rule[]
  // English beside the Chinese; lists in the same order (a shorter list leaves the rest in Chinese).
  titleEn?: string
  summaryEn?: string
  conditionsEn?: string[]
  materialsEn?: string[]
  howToApplyEn?: string
  whereEn?: string
  issuerEn?: string
  sourceNoteEn?: string
  translationEn?: EnglishSource
  /** The store's revision, raised by each console save and each import that changes the record
   *  (absent on a seeded record: 0). A save names the revision the editor saw (POLICY_STALE). */
  rev?: number
}

export type PolicySummary = Pick<Policy, 'id' | 'title' | 'level' | 'kinds' | 'audiences' | 'benefit' | 'source' | 'titleEn' | 'translationEn'> & {
  status: PolicyStatus
  closes?: string
  illustrative?: string[]
}

/**
 * Why a policy is listed under an exhibit's 相关政策: the policy names the company (`value`: the name
 * it uses), asks for a qualification the company holds, is meant for its industry, or is open to any
 * company in the zone. The app words it in the visitor's language; `value` is content (Chinese),
 * `valueEn` its English when known.
 */
export interface RelatedWhy {
  kind: 'named' | 'qualification' | 'industry' | 'audience' | 'anyCompany'
  value: string
  /** The value in English (the company's English name, a qualification's label), when there is one. */
  valueEn?: string
}

export type RelatedPolicy = PolicySummary & { why: RelatedWhy }

export interface PolicyWithStatus extends Policy {
  status: PolicyStatus
}

export interface MatchedPolicy {
  policy: PolicySummary
  /** The sentences of the rules that hold. */
  reasons: string[]
  /** What is missing (near misses only). */
  missing: string[]
  /** The same in English, index for index; '' where a rule has no English. */
  reasonsEn: string[]
  missingEn: string[]
}

export interface MatchResult {
  fits: MatchedPolicy[]
  nearMisses: MatchedPolicy[]
  /** Sum of the known upper amounts of fitting open policies, 万元. */
  estimatedTotal: number
  /** How many fits have no known amount (the total leaves them out). */
  withoutAmount: number
  /** True when any amount in the total is illustrative. */
  totalIllustrative: boolean
}

export interface ZoneFigure {
  id: string
  label: string
  value: number
  unit: string
  /** e.g. 约, 余 (近40家, 300余个) */
  qualifier?: string
  labelEn?: string
  /** The unit in English, e.g. companies, 100 million yuan (a value in 亿元 stays that number). */
  unitEn?: string
  /** Read before the number in English: about, nearly, over. */
  qualifierEn?: string
}

export interface ZoneChart {
  id: string
  title: string
  kind: 'bar' | 'stat'
  year: string
  source: string
  sourceKind: ZoneSource
  figures: ZoneFigure[]
  note?: string
  titleEn?: string
  yearEn?: string
  sourceEn?: string
  noteEn?: string
  translationEn?: EnglishSource
}

export type CompanyQuery = z.input<typeof ZoneRequests['searchCompanies']>
export type PolicyQuery = z.input<typeof ZoneRequests['searchPolicies']>

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export const isIllustrative = (record: { source: ZoneSource; illustrative?: string[] }, field?: string): boolean =>
  record.source === 'illustrative' || (field !== undefined && (record.illustrative ?? []).includes(field))

/** 1234.5 万元 → "1234.5万元"; ≥ 10000 万元 → "x.x亿元". */
export function formatWan(wan: number): string {
  if (wan >= 10000) return `${(wan / 10000).toFixed(wan % 10000 === 0 ? 0 : 1)}亿元`
  return `${Number.isInteger(wan) ? wan : wan.toFixed(1)}万元`
}
