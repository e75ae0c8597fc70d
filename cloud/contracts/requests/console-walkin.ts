// Request schemas of the console's walk-in release setting (cloud/functions/console/walkin.ts); the
// Api catalogue derives its request types from them (type-only import). docs/booking-waitlist.md.
import { z } from 'zod'

export const ConsoleWalkInRequests = {
  /** The setting as it stands. */
  walkIn: z.object({}).strict(),
  /** N minutes after a session starts (0 = never), bookings not checked in go to the line or the door. */
  saveWalkIn: z
    .object({
      releaseAfterMinutes: z.number({ message: '请填写开场后多少分钟释放（0 表示不释放）' }).int('请填写整数分钟').min(0, '不能小于 0').max(240, '最多 240 分钟'),
      to: z.enum(['waitlist', 'onsite'], { message: '请选择释放给候补还是现场' }),
    })
    .strict(),
}
