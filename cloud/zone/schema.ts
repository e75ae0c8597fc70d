// What the zone's data files (and operator imports) must contain; checked before anything is written.
import { z } from 'zod'
import {
  POLICY_AUDIENCES,
  POLICY_KINDS,
  POLICY_LEVELS,
  QUALIFICATIONS,
  TALENT_TYPES,
} from '../contracts/zone'
import { DAY as date, english, EnglishSource, INDUSTRY, oneOf, SourceKind as source, ZoneChartSchema } from '../contracts/requests/fields'

const englishSource = EnglishSource
const englishList = z.array(z.string().trim().min(1)).optional()
const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) => oneOf(values, `${what}只能是：${values.join('、')}`)

/** The one industry field (cloud/contracts), as the transfer records use it too. */
export const IndustrySchema = INDUSTRY
export const QualificationSchema = enumOf(QUALIFICATIONS, '资质')
export const TalentSchema = enumOf(TALENT_TYPES, '人才类型')

export const CompanySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '企业编号只能用小写字母、数字和连字符'),
  name: z.string().trim().min(2, '企业名称至少2个字'),
  shortName: z.string().trim().min(1).optional(),
  industry: IndustrySchema,
  fields: z.array(z.string().min(1)),
  products: z.array(z.string().min(1)),
  qualifications: z.array(QualificationSchema),
  profile: z.string().trim().min(1, '企业简介不能为空'),
  founded: date.optional(),
  contact: z.object({ phone: z.string().optional(), address: z.string().optional(), addressEn: english, website: z.string().optional() }).optional(),
  exhibits: z.array(z.object({ code: z.string(), name: z.string() })),
  source,
  sourceNote: z.string().optional(),
  illustrative: z.array(z.string()).optional(),
  nameEn: english,
  shortNameEn: english,
  fieldsEn: englishList,
  productsEn: englishList,
  profileEn: english,
  sourceNoteEn: english,
  translationEn: englishSource.optional(),
})

const numericField = z.enum(['employees', 'revenue', 'rdShare', 'inventionPatents', 'otherIp'])
const words = { label: z.string().min(1), missing: z.string().min(1), labelEn: english, missingEn: english }

export const RuleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inZone'), ...words }),
  z.object({ type: z.literal('min'), field: numericField, value: z.number(), ...words }),
  z.object({ type: z.literal('max'), field: numericField, value: z.number(), ...words }),
  z.object({ type: z.literal('ageYearsMax'), value: z.number().positive(), ...words }),
  z.object({ type: z.literal('ageYearsMin'), value: z.number().nonnegative(), ...words }),
  z.object({ type: z.literal('hasQualification'), anyOf: z.array(QualificationSchema).min(1), ...words }),
  z.object({ type: z.literal('lacksQualification'), anyOf: z.array(QualificationSchema).min(1), ...words }),
  z.object({ type: z.literal('hasTalent'), anyOf: z.array(TalentSchema).min(1), ...words }),
  z.object({ type: z.literal('financingNeed'), ...words }),
  z.object({ type: z.literal('industry'), anyOf: z.array(IndustrySchema).min(1), ...words }),
])

export const PolicySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '政策编号只能用小写字母、数字和连字符'),
  title: z.string().trim().min(2, '政策名称至少2个字'),
  shortTitle: z.string().optional(),
  level: enumOf(POLICY_LEVELS, '层级'),
  kinds: z.array(enumOf(POLICY_KINDS, '政策类别')).min(1, '至少填写一个政策类别'),
  audiences: z.array(enumOf(POLICY_AUDIENCES, '适用对象')).min(1, '至少填写一个适用对象'),
  summary: z.string().min(1, '政策摘要不能为空'),
  conditions: z.array(z.string().min(1)),
  benefit: z.object({ text: z.string().min(1, '支持内容不能为空'), textEn: english, maxAmount: z.number().nonnegative().optional() }),
  validFrom: date.optional(),
  validTo: date.optional(),
  window: z.object({ opens: date.optional(), closes: date.optional(), note: z.string().optional(), noteEn: english }).optional(),
  materials: z.array(z.string().min(1)),
  howToApply: z.string().min(1, '申报方式不能为空'),
  where: z.string().min(1, '受理地点不能为空'),
  issuer: z.string().min(1, '发文单位不能为空'),
  docNumber: z.string().optional(),
  sourceNote: z.string().min(1, '来源说明不能为空'),
  source,
  illustrative: z.array(z.string()).optional(),
  rules: z.array(RuleSchema).optional(),
  titleEn: english,
  summaryEn: english,
  conditionsEn: englishList,
  materialsEn: englishList,
  howToApplyEn: english,
  whereEn: english,
  issuerEn: english,
  sourceNoteEn: english,
  translationEn: englishSource.optional(),
})

const unique = <T extends { id: string }>(what: string) => (list: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>()
  list.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `${what}编号 ${item.id} 重复` })
    seen.add(item.id)
  })
}

export const CompanyFileSchema = z.object({ companies: z.array(CompanySchema).superRefine(unique('企业')) })
export const PolicyFileSchema = z.object({ policies: z.array(PolicySchema).superRefine(unique('政策')) })
export const FiguresFileSchema = z.object({ charts: z.array(ZoneChartSchema).superRefine(unique('图表')) })
