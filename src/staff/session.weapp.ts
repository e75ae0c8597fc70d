// WeChat: the cloud knows staff by their OPENID (a staff list kept in the cloud), so there is no
// sign-in on the device; a caller who is not staff is refused by the staff function itself.
import type { AppError } from '@cloud/contracts/result'

export const needsPin = false

export const isStaffDevice = (): boolean => true

export async function staffSignIn(_username: string, _password: string): Promise<AppError | null> {
  return null
}

export function staffSignOut(): void {}
