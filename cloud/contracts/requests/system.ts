import { z } from 'zod'

export const SystemRequests = {
  ping: z.object({}).strict(),
}
