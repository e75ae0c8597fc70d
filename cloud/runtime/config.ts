import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export interface RuntimeConfig {
  host: string
  port: number
  /** SQLite file; ':memory:' for throwaway runs. */
  dbFile: string
  /** Built H5 app to serve; absent = API only. */
  staticDir: string
  mediaDir: string
  /** HMAC secret for visitor tokens (and, later, e-tickets). */
  secret: string
  logLevel: string
  bodyLimit: number
  /** How often the local runtime marks no-shows (NO_SHOW_INTERVAL_MS; 0 = never, use the CLI). */
  noShowIntervalMs: number
  /** CLOCK_AT: a frozen clock (ISO instant) for browser tests and demos; ignored in production. */
  clockAt: string | null
}

const root = path.resolve(__dirname, '..', '..')

/** Reads a secret from APP_SECRET, or keeps one beside the database so tokens survive restarts. */
function loadSecret(dbFile: string): string {
  if (process.env.APP_SECRET) return process.env.APP_SECRET
  if (dbFile === ':memory:') return crypto.randomBytes(32).toString('hex')
  const file = path.join(path.dirname(dbFile), 'secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const secret = crypto.randomBytes(32).toString('hex')
    fs.writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<RuntimeConfig> = {}): RuntimeConfig {
  const dbFile = overrides.dbFile ?? env.DB_FILE ?? path.join(root, '.data', 'gxq.sqlite')
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 8787),
    dbFile,
    staticDir: env.STATIC_DIR ?? path.join(root, 'dist', 'h5'),
    mediaDir: path.join(root, 'data', 'media'),
    secret: overrides.secret ?? loadSecret(dbFile),
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimit: 64 * 1024,
    noShowIntervalMs: Number(env.NO_SHOW_INTERVAL_MS ?? 5 * 60_000),
    clockAt: env.CLOCK_AT && env.NODE_ENV !== 'production' && !Number.isNaN(Date.parse(env.CLOCK_AT)) ? env.CLOCK_AT : null,
    ...overrides,
  }
}
