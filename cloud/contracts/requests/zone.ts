import { z } from 'zod'
import { INDUSTRIES, MAX_PAGE_SIZE, POLICY_AUDIENCES, POLICY_KINDS, POLICY_LEVELS, QUALIFICATIONS, TALENT_TYPES } from '../zone'
import { oneOf } from './fields'

const id = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '编号格式不正确')
const q = z.string().trim().max(40, '搜索词最多40个字').optional()
const page = z.number().int().min(1).max(10000).optional()
const pageSize = z.number().int().min(1).max(MAX_PAGE_SIZE).optional()
const inList = <T extends readonly [string, ...string[]]>(values: T, what: string) => oneOf(values, `${what}不在可选范围内`)

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '成立日期格式应为 YYYY-MM-DD')
const count = (what: string) => z.number({ error: `${what}应为数字` }).min(0, `${what}不能为负数`).max(1e9, `${what}过大`).optional()

/** A company's profile for the policy calculator (also the console's rule preview). */
export const MatchProfileSchema = z
  .object({
    inZone: z.boolean(),
    founded: date.optional(),
    employees: count('职工人数'),
    /** Last year's revenue, 万元. */
    revenue: count('营业收入'),
    /** R&D spending as a share of revenue, percent. */
    rdShare: z.number().min(0, '研发投入占比不能为负数').max(100, '研发投入占比不能超过100%').optional(),
    qualifications: z.array(inList(QUALIFICATIONS, '资质')).max(QUALIFICATIONS.length),
    /** Talent on the team, e.g. 海外高层次人才. */
    talent: z.array(inList(TALENT_TYPES, '人才类型')).max(TALENT_TYPES.length),
    /** Granted invention patents. */
    inventionPatents: count('发明专利数'),
    /** Other IP (utility models, software copyrights, …). */
    otherIp: count('其他知识产权数'),
    financingNeed: z.boolean(),
    industry: inList(INDUSTRIES, '行业').optional(),
  })
  .strict()

export const ZoneRequests = {
  searchCompanies: z.object({ q, industry: inList(INDUSTRIES, '行业').optional(), qualification: inList(QUALIFICATIONS, '资质').optional(), page, pageSize }).strict(),
  getCompany: z.object({ id }).strict(),
  searchPolicies: z
    .object({
      q,
      level: inList(POLICY_LEVELS, '层级').optional(),
      kind: inList(POLICY_KINDS, '政策类别').optional(),
      audience: inList(POLICY_AUDIENCES, '适用对象').optional(),
      status: z.enum(['open', 'closing', 'closed']).optional(),
      page,
      pageSize,
    })
    .strict(),
  getPolicy: z.object({ id }).strict(),
  /** The policy calculator: a company profile against every policy's rules. */
  match: z.object({ profile: MatchProfileSchema }).strict(),
  figures: z.object({}).strict(),
  /** The exhibit page's 相关政策 for an exhibit's company. */
  policiesFor: z.object({ companyId: id }).strict(),
}
