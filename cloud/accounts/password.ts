// Passwords are stored only as scrypt hashes (Node's built-in memory-hard KDF): N = 2^15, r = 8,
// p = 1 takes 32 MiB and ~50–100 ms per try, so a stolen account table is slow to attack, while a
// sign-in stays quick. The parameters travel inside each hash, so they can be raised later and old
// hashes still verify.
import crypto from 'node:crypto'

const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16)
  const key = await scrypt(password, salt, PARAMS.N, PARAMS.r, PARAMS.p)
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p))
  return key.length === expected.length && crypto.timingSafeEqual(key, expected)
}

/**
 * Checked against when the username is unknown, so an unknown name costs the same work as a wrong
 * password. Random salt and key in the real format (no password hashes to it): made without a hash,
 * so not even the first unknown name costs more than a known one.
 */
const decoy = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${crypto.randomBytes(16).toString('base64url')}$${crypto.randomBytes(KEY_LENGTH).toString('base64url')}`
export const decoyHash = (): string => decoy

/**
 * How many password checks run at once, and how many may wait for one: each is 32 MiB and tens of
 * ms of CPU, so 200 simultaneous sign-ins would otherwise take the machine for half a minute. A
 * check beyond both is not started: the caller answers "busy, retry shortly" at once.
 */
export interface HashingBound {
  concurrent: number
  queued: number
}

export const DEFAULT_HASHING_BOUND: HashingBound = { concurrent: 2, queued: 8 }

let running = 0
const waiting: Array<() => void> = []
const release = () => {
  const next = waiting.shift()
  if (next) next()
  else running--
}

/** A slot for one password check (call the answer's function once when done), or null when busy. */
export function hashingSlot(bound: HashingBound = DEFAULT_HASHING_BOUND): Promise<() => void> | null {
  if (running < bound.concurrent) {
    running++
    return Promise.resolve(release)
  }
  if (waiting.length >= bound.queued) return null
  return new Promise((resolve) => waiting.push(() => resolve(release)))
}
