// zod helpers shared by the handlers' request schemas and the data-file schemas (one home).
import { z } from 'zod'

/** One of a fixed list of values, refused with the message given (Chinese, for a person). */
export const oneOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values as unknown as [T[number], ...T[number][]], { error: message })
