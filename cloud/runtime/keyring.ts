// Where the runtime's keys come from, and how they rotate. Two kinds (cloud/booking/keys.ts): the
// ID key (ID hashes, booking ids — never rotated with the others, so uniqueness of ID claims and
// retries survive a rotation) and the signing keys (tokens and e-tickets; newest signs, all verify
// until retired). Sources, first found wins:
//   APP_KEYS       the ring as JSON: {"idKey":"…","signing":[{"id":"k2","secret":"…"},{"id":"k1",…}]}
//   APP_KEYS_FILE  a file holding that JSON (production: must lie outside the database's folder)
//   APP_SECRET     one legacy secret: ID key and signing key `k0` at once (what existed before rings)
//   development only: `.keys/keys.json` in the project (git-ignored), generated on first start —
//   outside the database folder, so a copied data folder holds hashes and masks but no key.
// With NODE_ENV=production nothing is generated: without one of the sources the runtime refuses to start.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { ringFromSecret, type KeyRing } from '../booking/keys'

const KeyRingSchema = z.object({
  idKey: z.string().min(16),
  signing: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9]{1,8}$/), secret: z.string().min(16), createdAt: z.string().optional() }))
    .min(1)
    .refine((keys) => new Set(keys.map((k) => k.id)).size === keys.length, 'duplicate key id'),
})
export type KeyFile = z.infer<typeof KeyRingSchema>

export const DEFAULT_KEYS_FILE = path.resolve(__dirname, '..', '..', '.keys', 'keys.json')

const random = () => crypto.randomBytes(32).toString('base64url')

export function parseKeyRing(text: string, where: string): KeyFile {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`${where}: not JSON`)
  }
  const parsed = KeyRingSchema.safeParse(json)
  if (!parsed.success) throw new Error(`${where}: not a key ring (${parsed.error.issues[0]?.message})`)
  return parsed.data
}

/** Is `file` inside `dir` (or the same)? */
export const isInside = (file: string, dir: string): boolean => {
  const rel = path.relative(path.resolve(dir), path.resolve(file))
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

export function newKeyFile(): KeyFile {
  return { idKey: random(), signing: [{ id: 'k1', secret: random(), createdAt: new Date().toISOString() }] }
}

export function writeKeyFile(file: string, ring: KeyFile, exclusive = false): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  fs.writeFileSync(file, `${JSON.stringify(ring, null, 2)}\n`, { mode: 0o600, flag: exclusive ? 'wx' : 'w' })
  // Readable by the owner only, also when the file existed before with looser rights.
  fs.chmodSync(file, 0o600)
}

/** Rotation: a new signing key in front (it signs from the next start); the others still verify. */
export function rotate(ring: KeyFile, at = new Date()): KeyFile {
  const next = Math.max(0, ...ring.signing.map((k) => Number(k.id.replace(/\D/g, '')) || 0)) + 1
  return { ...ring, signing: [{ id: `k${next}`, secret: random(), createdAt: at.toISOString() }, ...ring.signing] }
}

/** Retirement: tokens and tickets signed by this key stop verifying. The newest key cannot be retired. */
export function retire(ring: KeyFile, id: string): KeyFile {
  if (ring.signing[0]?.id === id) throw new Error(`${id} is the key that signs now: rotate first`)
  if (!ring.signing.some((k) => k.id === id)) throw new Error(`no key ${id}`)
  return { ...ring, signing: ring.signing.filter((k) => k.id !== id) }
}

export interface LoadedKeys {
  ring: KeyRing
  /** Where they came from, for the start-up line (never the keys themselves). */
  source: string
}

/**
 * The runtime's keys. `dataDir` is the database's folder: in production a key file inside it is
 * refused; in development the generated file lives outside it, and a legacy `secret` left there by
 * earlier versions is moved into the key file (as ID key and signing key k0, so nothing breaks).
 */
export function loadKeys(env: Record<string, string | undefined>, dataDir: string | null): LoadedKeys {
  const production = env.NODE_ENV === 'production'
  if (env.APP_KEYS) return { ring: parseKeyRing(env.APP_KEYS, 'APP_KEYS'), source: 'APP_KEYS' }
  if (env.APP_KEYS_FILE) {
    const file = path.resolve(env.APP_KEYS_FILE)
    if (production && dataDir && isInside(file, dataDir)) {
      throw new Error(`APP_KEYS_FILE (${file}) 位于数据目录 ${dataDir} 之内：密钥必须与数据分开存放`)
    }
    if (!fs.existsSync(file)) {
      if (production) throw new Error(`APP_KEYS_FILE (${file}) 不存在`)
      writeKeyFile(file, newKeyFile())
    }
    return { ring: parseKeyRing(fs.readFileSync(file, 'utf8'), file), source: file }
  }
  if (env.APP_SECRET) return { ring: ringFromSecret(env.APP_SECRET), source: 'APP_SECRET' }
  if (production) {
    throw new Error('生产环境（NODE_ENV=production）必须提供密钥：APP_KEYS、APP_KEYS_FILE（数据目录之外）或 APP_SECRET')
  }
  if (dataDir === null) return { ring: ringFromSecret(random()), source: '随机（内存数据库）' }
  const file = DEFAULT_KEYS_FILE
  if (!fs.existsSync(file)) {
    const legacy = path.join(dataDir, 'secret')
    const ring = fs.existsSync(legacy) ? (() => {
      const secret = fs.readFileSync(legacy, 'utf8').trim()
      return { idKey: secret, signing: [{ id: 'k0', secret }] }
    })() : newKeyFile()
    try {
      writeKeyFile(file, ring, true)
    } catch (error) {
      // Another process (a parallel test server) made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    if (fs.existsSync(legacy)) fs.rmSync(legacy)
  }
  return { ring: parseKeyRing(fs.readFileSync(file, 'utf8'), file), source: file }
}
