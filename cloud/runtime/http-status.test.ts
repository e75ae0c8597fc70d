// What monitoring sees: a person's refusal is a normal answer, a broken request its 4xx, and a
// code nobody declared (a bug, a new failure nobody mapped) a 500 — never a quiet 200.
import { fail, ok } from '../contracts/result'
import { statusFor } from './http-status'

test('answers and refusals are 200', () => {
  expect(statusFor(ok({}))).toBe(200)
  for (const code of ['SESSION_FULL', 'SESSION_CLOSED', 'TICKET_USED', 'COMPANY_NOT_FOUND', 'EXHIBIT_NOT_FOUND', 'CLOUD_ONLY', 'NOT_FOUND', 'SESSION_HAS_BOOKINGS', 'HALL_ID_TAKEN', 'AUDIO_TYPE', 'AUDIO_GENERATOR_UNAVAILABLE']) expect(statusFor(fail(code, '…'))).toBe(200)
})

test('request and server failures keep their HTTP meaning', () => {
  expect(statusFor(fail('BAD_REQUEST', '…'))).toBe(400)
  expect(statusFor(fail('UNAUTHENTICATED', '…'))).toBe(401)
  expect(statusFor(fail('FORBIDDEN', '…'))).toBe(403)
  expect(statusFor(fail('FORBIDDEN_ORIGIN', '…'))).toBe(403)
  expect(statusFor(fail('UNKNOWN_ACTION', '…'))).toBe(404)
  expect(statusFor(fail('RATE_LIMITED', '…'))).toBe(429)
  expect(statusFor(fail('NOT_CONFIGURED', '…'))).toBe(503)
})

test('an unknown error code is a 500', () => {
  expect(statusFor(fail('SOMETHING_NEW', '…'))).toBe(500)
})
