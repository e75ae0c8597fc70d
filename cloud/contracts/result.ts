// Errors are values: every call answers with a Result, never a thrown string, so the UI can
// always show the Chinese message and branch on the code.
export interface AppError {
  code: string
  message: string
  /** Field-level problems for forms, e.g. { 'visitors.0.idNumber': '身份证号校验位不正确' } */
  fields?: Record<string, string>
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })

export const fail = (code: string, message: string, fields?: Record<string, string>): { ok: false; error: AppError } =>
  fields ? { ok: false, error: { code, message, fields } } : { ok: false, error: { code, message } }
