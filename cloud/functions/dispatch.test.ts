import { z } from 'zod'
import { describeZodError } from './dispatch'

const schema = z
  .object({
    code: z.string().regex(/^[a-z]+$/, '展品编号格式不正确'),
    count: z.number().min(1, '至少 1 人'),
  })
  .strict()

const describe_ = (value: unknown) => {
  const parsed = schema.safeParse(value)
  if (parsed.success) throw new Error('expected a validation error')
  return describeZodError(parsed.error)
}

describe('validation errors as a person reads them', () => {
  it('passes our Chinese messages through, per field', () => {
    expect(describe_({ code: 'A1', count: 0 })).toEqual({ message: '展品编号格式不正确', fields: { code: '展品编号格式不正确', count: '至少 1 人' } })
  })

  it("never shows zod's English: missing fields, wrong types and unknown keys get a Chinese message", () => {
    for (const value of [{}, { code: 1, count: 'x' }, { code: 'a', count: 1, extra: true }]) {
      const { message, fields } = describe_(value)
      expect(message).toBe('提交的信息有误，请检查后重试')
      for (const text of Object.values(fields)) expect(text).toMatch(/[\u4e00-\u9fa5]/)
    }
  })
})
