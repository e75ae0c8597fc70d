// Cloud messages are Chinese (the team's rule: errors carry a Chinese message a person can act on).
// In English the client says the same thing from this table, keyed by the error's code; a code not
// here gets a general sentence, and the code itself is always shown in small print for support.
import { useCallback } from 'react'
import type { AppError } from '@cloud/contracts/result'
import type { GuideLang } from '@cloud/contracts/exhibit'
import { useLang } from './store'

const EN: Record<string, string> = {
  // Booking's and the gate's own codes are added by their subpackages when they load
  // (src/booking/errors-en.ts): they are shown only on their pages, not downloaded on a cold scan.
  NETWORK: 'Could not reach the server. Please check your connection and try again.',
  INTERNAL: 'Something went wrong on our side. Please try again later.',
  RATE_LIMITED: 'Too many requests in a short time. Please wait a moment and try again.',
  UNAUTHENTICATED: 'Your session has expired. Please close and reopen this page.',
  FORBIDDEN: 'This is for museum staff only.',
  BAD_REQUEST: 'Some of the information is not valid. Please check it and try again.',
  NOT_FOUND: 'Not found. It may have been moved or removed.',
  EXHIBIT_NOT_FOUND: 'This exhibit was not found. It may have moved, or the QR code is out of date.',
  COMPANY_NOT_FOUND: 'This company was not found; the directory may have been updated.',
  POLICY_NOT_FOUND: 'This policy was not found; it may have been withdrawn or updated.',
}

/** A subpackage's sentences for its own codes, added when it loads. */
export function addEnglishErrors(sentences: Record<string, string>): void {
  Object.assign(EN, sentences)
}

const GENERIC = 'Something went wrong. Please try again, or ask museum staff for help.'

/** What to tell the visitor about an error in their language. */
export function errorText(error: AppError, lang: GuideLang): string {
  if (lang === 'zh') return error.message
  return EN[error.code] ?? GENERIC
}

/** True when English has its own sentence for this code (otherwise the general one is shown). */
export const hasEnglishFor = (code: string) => code in EN

export function useErrorText() {
  const lang = useLang()
  return useCallback((error: AppError) => errorText(error, lang), [lang])
}

/** Field problems come from shared Chinese checks; in English each field has one sentence. */
const FIELD_EN: Record<string, string> = {
  name: 'Enter the name as on the ID: 2–40 letters or Chinese characters.',
  idNumber: 'Check the ID number: it does not match the format of the chosen ID type.',
}

export function fieldText(field: string, message: string, lang: GuideLang): string {
  if (lang === 'zh' || !message) return message
  return FIELD_EN[field] ?? 'Please check this field.'
}
