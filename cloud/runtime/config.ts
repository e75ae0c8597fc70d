import path from 'node:path'
import type { KeyRing } from '../booking/keys'
import { loadKeys } from './keyring'
import { DEFAULT_RATE_LIMITS, type RateLimits } from './limits'
import { addressCapsFrom, countFrom as count, DEFAULT_ADDRESS_CAPS, type AddressCaps } from '../limits/rate-limit-policy'
import { DEFAULT_HASHING_BOUND, type HashingBound } from '../accounts/password'
import { sheetLimitsFrom, type SheetLimits } from '../zone/sheet-limits'
import { qrVerifyFileFrom, type QrVerifyFile } from './qr-verify'

export interface RuntimeConfig {
  host: string
  port: number
  /** SQLite file; ':memory:' for throwaway runs. */
  dbFile: string
  /** Built H5 app to serve; absent = API only. */
  staticDir: string
  mediaDir: string
  /** WeChat's 扫普通链接二维码 verification file, answered at /e/<name> and /<name> (qr-verify.ts); null: none. */
  qrVerifyFile: QrVerifyFile | null
  /** The ID key and the signing keys (tokens, e-tickets): keyring.ts. */
  keys: KeyRing
  /** Where the keys came from (a file path or an env variable's name; never the keys). */
  keysSource: string
  logLevel: string
  bodyLimit: number
  /** How long a body up to bodyLimit may take to arrive (BODY_TIMEOUT_MS); a slower one is cut with a 408. */
  bodyTimeoutMs: number
  /** The same for an operator's larger body (a photo, a spreadsheet: up to 12 MB on a slow line). */
  largeBodyTimeoutMs: number
  /** How often the local runtime marks no-shows (NO_SHOW_INTERVAL_MS; 0 = never, use the CLI). */
  noShowIntervalMs: number
  /** Per-address / per-account / per-identity limits (cloud/runtime/limits.ts). */
  rateLimits: RateLimits
  /** What one address bucket may take where identities are free (rate-limit-policy.ts AddressCaps). */
  addressCaps: AddressCaps
  /** Password checks at once and waiting (accounts/password.ts HashingBound); beyond them sign-in answers 503 at once. */
  passwordChecks: HashingBound
  /** CLOCK_AT: a frozen clock (ISO instant) for browser tests and demos; ignored in production. */
  clockAt: string | null
  /** Run the cloud-function calls on their own thread (calls.ts); CALL_THREAD=off keeps them on the main thread (a one-core machine). */
  callThread: boolean
  /** Spreadsheet imports: IMPORT_MAX_ROWS (data rows, default 20,000), IMPORT_HEAP_MB (the parsing worker's heap). */
  sheetLimits: SheetLimits
}

const root = path.resolve(__dirname, '..', '..')

/** Whether info lines (one per request, the no-show job's results) are logged at this level. */
export const logsInfo = (config: Pick<RuntimeConfig, 'logLevel'>): boolean => ['trace', 'debug', 'info'].includes(config.logLevel)

/** The SQLite file the runtime uses (DB_FILE, else .data/gxq.sqlite): for CLIs that need the data but no keys. */
export const dbFileFrom = (env: Record<string, string | undefined> = process.env): string => env.DB_FILE ?? path.join(root, '.data', 'gxq.sqlite')

function keysFor(env: Record<string, string | undefined>, dbFile: string, overrides: Partial<RuntimeConfig>): { keys: KeyRing; keysSource: string } {
  if (overrides.keys) return { keys: overrides.keys, keysSource: overrides.keysSource ?? 'overrides' }
  const loaded = loadKeys(env, dbFile === ':memory:' ? null : path.dirname(path.resolve(dbFile)))
  return { keys: loaded.ring, keysSource: loaded.source }
}

/** The abuse caps, each overridable by an environment variable (docs/security.md lists them). */
export function capsFrom(env: Record<string, string | undefined>): { rateLimits: RateLimits; addressCaps: AddressCaps; passwordChecks: HashingBound } {
  const d = DEFAULT_RATE_LIMITS
  return {
    rateLimits: {
      ...d,
      mintPerAddress: { ...d.mintPerAddress, free: count(env.MINT_FREE_PER_HOUR, d.mintPerAddress.free), maxWaitMs: count(env.MINT_MAX_WAIT_SECONDS, d.mintPerAddress.maxWaitMs / 1000) * 1000 },
      signInLock: {
        ...d.signInLock,
        maxAttempts: Math.max(1, count(env.SIGNIN_ATTEMPTS_PER_ADDRESS, d.signInLock.maxAttempts)),
        firstLockMs: count(env.SIGNIN_FIRST_LOCK_MINUTES, d.signInLock.firstLockMs / 60_000) * 60_000,
      },
    },
    addressCaps: addressCapsFrom(env, DEFAULT_ADDRESS_CAPS),
    passwordChecks: {
      concurrent: Math.max(1, count(env.PASSWORD_CHECKS_AT_ONCE, DEFAULT_HASHING_BOUND.concurrent)),
      queued: count(env.PASSWORD_CHECKS_WAITING, DEFAULT_HASHING_BOUND.queued),
    },
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<RuntimeConfig> = {}): RuntimeConfig {
  const dbFile = overrides.dbFile ?? dbFileFrom(env)
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 8787),
    dbFile,
    staticDir: env.STATIC_DIR ?? path.join(root, 'dist', 'h5'),
    mediaDir: path.join(root, 'data', 'media'),
    qrVerifyFile: qrVerifyFileFrom(env),
    ...keysFor(env, dbFile, overrides),
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimit: 64 * 1024,
    bodyTimeoutMs: Number(env.BODY_TIMEOUT_MS ?? 10_000),
    largeBodyTimeoutMs: 120_000,
    noShowIntervalMs: Number(env.NO_SHOW_INTERVAL_MS ?? 5 * 60_000),
    ...capsFrom(env),
    clockAt: env.CLOCK_AT && env.NODE_ENV !== 'production' && !Number.isNaN(Date.parse(env.CLOCK_AT)) ? env.CLOCK_AT : null,
    callThread: !['off', '0', 'false'].includes((env.CALL_THREAD ?? '').toLowerCase()),
    sheetLimits: sheetLimitsFrom(env),
    ...overrides,
  }
}
