// `npm run keys -- <command>` — the signing-key ring of the local runtime (cloud/runtime/keyring.ts),
// in the key file (APP_KEYS_FILE, or .keys/keys.json in development). Never prints a key.
//   list            key ids, newest (signing) first
//   rotate          adds a new signing key in front; restart the runtime to sign with it
//   retire <id>     removes an older key: what it signed (tokens, e-tickets) stops verifying
// The ID key is not touched: ID hashes, claims and booking ids stay as they are.
import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_KEYS_FILE, parseKeyRing, retire, rotate, writeKeyFile } from '../cloud/runtime/keyring'

export function runKeys(file: string, args: string[], log: (s: string) => void = console.log): number {
  if (!fs.existsSync(file)) {
    log(`没有密钥文件 ${file}（开发环境首次启动时生成；生产环境请用 APP_KEYS_FILE 指向数据目录之外的文件）`)
    return 1
  }
  const ring = parseKeyRing(fs.readFileSync(file, 'utf8'), file)
  const [command, id] = args
  try {
    if (command === 'rotate') {
      const next = rotate(ring)
      writeKeyFile(file, next)
      log(`已新增签名密钥 ${next.signing[0].id}：重启服务后用它签发；${ring.signing.map((k) => k.id).join('、')} 继续可验证。`)
      return 0
    }
    if (command === 'retire') {
      writeKeyFile(file, retire(ring, id ?? ''))
      log(`已停用密钥 ${id}：重启服务后，它签发的登录凭证和电子票不再有效。`)
      return 0
    }
    if (command === 'list' || command === undefined) {
      for (const [i, k] of ring.signing.entries()) log(`${k.id}${i === 0 ? '  （当前签发）' : '  （仅验证）'}${'createdAt' in k && k.createdAt ? `  ${k.createdAt}` : ''}`)
      return 0
    }
  } catch (error) {
    log(String((error as Error).message))
    return 1
  }
  log('用法：npm run keys -- list | rotate | retire <密钥编号>')
  return 1
}

if (require.main === module) {
  process.exitCode = runKeys(path.resolve(process.env.APP_KEYS_FILE ?? DEFAULT_KEYS_FILE), process.argv.slice(2))
}
