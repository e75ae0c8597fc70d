import { z } from 'zod'
import { EXHIBIT_CODE_PATTERN } from '../contracts/exhibit'

// What an operator's content file must contain; checked before anything is written.
export const HallSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  floor: z.string().optional(),
  intro: z.string().optional(),
  introEn: z.string().optional(),
  plan: z.object({ x: z.number().min(0).max(100), y: z.number().min(0).max(100), w: z.number().min(1).max(100), h: z.number().min(1).max(100) }).optional(),
  source: z.enum(['article', 'illustrative']).optional(),
})

export const ExhibitSeedSchema = z.object({
  code: z.string().regex(EXHIBIT_CODE_PATTERN, '展品编号只能用小写字母、数字和连字符，最长30位'),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  hallId: z.string(),
  sort: z.number().int(),
  image: z.string().min(1),
  imageAlt: z.string().min(1),
  summary: z.string().min(1),
  summaryEn: z.string().optional(),
  figures: z.array(z.object({ label: z.string(), value: z.string() })),
  figuresEn: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  company: z.object({ id: z.string().optional(), name: z.string() }),
  companyEn: z.string().optional(),
  origin: z.string().optional(),
  originEn: z.string().optional(),
  imageAltEn: z.string().optional(),
  translationEn: z.enum(['machine', 'written']).optional(),
  plan: z.object({ x: z.number().min(0).max(100), y: z.number().min(0).max(100) }).optional(),
  source: z.enum(['article', 'illustrative']),
  sourceNote: z.string().optional(),
})

export const ExhibitFileSchema = z
  .object({ halls: z.array(HallSchema).min(1), exhibits: z.array(ExhibitSeedSchema) })
  .passthrough()
  .superRefine((file, ctx) => {
    const halls = new Set(file.halls.map((h) => h.id))
    const seen = new Set<string>()
    file.exhibits.forEach((e, i) => {
      if (!halls.has(e.hallId)) ctx.addIssue({ code: 'custom', path: ['exhibits', i, 'hallId'], message: `展区 ${e.hallId} 不存在` })
      if (seen.has(e.code)) ctx.addIssue({ code: 'custom', path: ['exhibits', i, 'code'], message: `展品编号 ${e.code} 重复` })
      seen.add(e.code)
    })
  })

export type ExhibitFile = z.infer<typeof ExhibitFileSchema>
