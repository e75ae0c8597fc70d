// Cloud messages are Chinese (the team's rule: errors carry a Chinese message a person can act on).
// In English the client says the same thing from this table, keyed by the error's code; a code not
// here gets a general sentence, and the code itself is always shown in small print for support.
import { useCallback } from 'react'
import type { AppError } from '@cloud/contracts/result'
import type { GuideLang } from '@cloud/contracts/exhibit'
import { useLang } from './store'

const EN: Record<string, string> = {
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
  SESSION_FULL: 'This session is full. Please choose another session.',
  ID_ALREADY_BOOKED: 'One of the visitors already has a booking that day; each ID can be booked once a day.',
  TOO_MANY_VISITORS: 'Up to 5 visitors per booking.',
  NO_VISITORS: 'Please choose at least one visitor.',
  DUPLICATE_VISITOR: 'The same visitor cannot be added twice.',
  DAY_CLOSED: 'The museum is closed that day. Please choose another date.',
  SESSION_CLOSED: 'The museum has stopped bookings for this session. Please choose another session.',
  NOT_RELEASED: 'Booking for that day has not opened yet. Please come back when it opens.',
  SESSION_OVER: 'This session is over. Please choose another session.',
  SESSION_NOT_FOUND: 'This session does not exist. Please go back to the calendar and choose again.',
  SUSPENDED: 'Booking is suspended for a while after several missed visits.',
  VISITOR_NOT_FOUND: 'That visitor no longer exists. Please refresh and try again.',
  VISITOR_EXISTS: 'This ID is already among your saved visitors.',
  VISITOR_LIMIT: 'You can save up to 20 visitors. Please delete one you no longer need.',
  VISITOR_IN_USE: 'This visitor has an upcoming booking and cannot be deleted until it is over or cancelled.',
  GUARDIAN_NOT_ADULT: 'A child without an ID must be saved under an adult visitor who has an ID.',
  CHILD_NEEDS_ADULT: 'Children without an ID must be booked together with at least one adult who has an ID.',
  CHILDREN_PER_ADULT: 'Too many children without an ID for the adults in this booking.',
  CHILD_NEEDS_ID: 'A child has reached the age for an ID by the visit day. Please add them again with their ID number.',
  IN_PROGRESS: 'Your booking is being processed. Please check My bookings shortly.',
  BOOKING_UNFINISHED: 'The booking was not completed and the places were released. Please submit again.',
  BOOKING_NOT_FOUND: 'This booking was not found.',
  NOT_CANCELLABLE: 'This booking can no longer be cancelled.',
  CANCEL_DEADLINE_PASSED: 'The cancellation deadline has passed.',
  ACCOUNT_DAY_LIMIT: 'One account can hold one booking per day. To change visitors, cancel the booking and book again.',
  ACCOUNT_PLACES_LIMIT: 'This account has reached the number of people it can book for that day.',
  ADDRESS_PLACES_LIMIT: 'Bookings from this network have reached the number of people allowed for this session; choose another session or another network (e.g. mobile data).',
  ADDRESS_ID_LIMIT: 'This network has added the number of visitors allowed today; try tomorrow or from another network (e.g. mobile data).',
  ACCOUNT_ID_LIMIT: 'This account has booked for many different visitors recently; other visitors should book with their own WeChat.',
  PRIVACY_CONSENT: 'Please read and agree to the privacy notice first.',
  TICKET_INVALID: 'Invalid ticket: the QR code cannot be read or has been altered.',
  SHORT_CODE_NOT_FOUND: 'No booking for today matches this short code.',
  TICKET_USED: 'This ticket has already been checked in.',
  TICKET_CANCELLED: 'This booking was cancelled; the ticket is not valid.',
  TICKET_NO_SHOW: 'This booking expired (not attended); the ticket is not valid.',
  TICKET_WRONG_DAY: 'This ticket is for another day.',
  TICKET_TOO_EARLY: 'This ticket\'s session has not started yet.',
  TICKET_SESSION_OVER: 'This ticket\'s session is over.',
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
