import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseKeyRing } from '../cloud/runtime/keyring'
import { runKeys } from './keys'

test('npm run keys: rotate adds a signing key in front, keeps the ID key; retire drops an older one; no key is printed', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-keyscli-')), 'keys.json')
  const ring = { idKey: 'id-key-0123456789abcdef', signing: [{ id: 'k1', secret: 'signing-key-1-0123456789' }] }
  fs.writeFileSync(file, JSON.stringify(ring))
  const out: string[] = []
  expect(runKeys(file, ['rotate'], (s) => out.push(s))).toBe(0)
  const rotated = parseKeyRing(fs.readFileSync(file, 'utf8'), file)
  expect(rotated.idKey).toBe(ring.idKey)
  expect(rotated.signing.map((k) => k.id)).toEqual(['k2', 'k1'])
  expect(runKeys(file, ['retire', 'k2'], (s) => out.push(s))).toBe(1)
  expect(runKeys(file, ['retire', 'k1'], (s) => out.push(s))).toBe(0)
  expect(parseKeyRing(fs.readFileSync(file, 'utf8'), file).signing.map((k) => k.id)).toEqual(['k2'])
  expect(out.join('\n')).not.toContain(rotated.signing[0].secret)
  expect(fs.statSync(file).mode & 0o077).toBe(0)
})
