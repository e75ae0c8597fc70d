import { z } from 'zod'
import { EXHIBIT_CODE } from './fields'

export const ExhibitsRequests = {
  get: z.object({ code: EXHIBIT_CODE }).strict(),
  list: z.object({}).strict(),
  /** `have`: the pack version the phone holds. */
  pack: z.object({ have: z.string().max(64).optional() }).strict(),
}
