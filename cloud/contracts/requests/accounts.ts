import { z } from 'zod'
import { ACCOUNT_ROLES, AccountErrors, MIN_PASSWORD_LENGTH, type AccountRoleName } from '../accounts'

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字、点、下划线或短横线，以字母开头')
export const displayNameSchema = z.string().trim().min(1, '请填写姓名').max(20, '姓名最多 20 个字')
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH, AccountErrors.PASSWORD_TOO_SHORT).max(128, '密码最多 128 位')
export const accountRoleSchema = z.enum(ACCOUNT_ROLES as [AccountRoleName, ...AccountRoleName[]], { error: '角色不正确' })

/** Named staff and operator accounts (`me` for anyone signed in with one; the rest admin only). */
export const AccountsRequests = {
  me: z.object({}).strict(),
  list: z.object({}).strict(),
  create: z.object({ username: usernameSchema, name: displayNameSchema, role: accountRoleSchema, password: passwordSchema }).strict(),
  update: z.object({ username: usernameSchema, name: displayNameSchema.optional(), role: accountRoleSchema.optional(), disabled: z.boolean().optional() }).strict(),
  resetPassword: z.object({ username: usernameSchema, password: passwordSchema }).strict(),
  changeOwnPassword: z.object({ current: z.string().min(1, '请填写当前密码').max(128), next: passwordSchema }).strict(),
}
