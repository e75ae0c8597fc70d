import { z } from 'zod'
import { ENV_VERSIONS, type EnvVersion } from '../codes'
import { EXHIBIT_CODE_PATTERN } from '../exhibit'

export const AdminRequests = {
  exhibitCodes: z
    .object({
      envVersion: z.enum(ENV_VERSIONS as [EnvVersion, ...EnvVersion[]], { message: '版本只能是 release、trial 或 develop' }).optional(),
      codes: z.array(z.string().regex(EXHIBIT_CODE_PATTERN, '展品编号格式不正确')).max(500).optional(),
    })
    .strict(),
}
