import { z } from 'zod'

export const NoticesRequests = {
  active: z.object({}).strict(),
}
