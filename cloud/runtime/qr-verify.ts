// The verification file of WeChat's 扫普通链接二维码打开小程序 rule. Before such a rule
// (https://<H5 域名>/e/ → pages/exhibit/index) can be saved, WeChat hands the site owner a text file
// (a random name ending in .txt, a short body) and fetches it from the rule's last sub-directory
// (developers.weixin.qq.com/miniprogram/introduction/qrcode); it is answered at the site root too,
// where other WeChat settings look for theirs. Without this the `/e/<anything>` route would answer
// the exhibit landing's 404 and the rule could never be saved. Set by WECHAT_QR_VERIFY_FILE and
// WECHAT_QR_VERIFY_CONTENT (docs/wechat-cloud.md §5); exactly that name, exactly that body.
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'

export interface QrVerifyFile {
  /** e.g. `Ab3dE9fGhQ.txt`: letters, digits, `-`/`_`, ending in .txt (no path). */
  name: string
  /** The body WeChat gave, sent byte for byte. */
  content: string
}

const NAME = /^[A-Za-z0-9_-]{1,64}\.txt$/
/** Printable ASCII without spaces: what WeChat's files hold (a hex/alphanumeric string). */
const CONTENT = /^[\x21-\x7e]{1,256}$/

/** The file from the environment; null when unset. A malformed value stops the start, saying which. */
export function qrVerifyFileFrom(env: Record<string, string | undefined>): QrVerifyFile | null {
  const name = env.WECHAT_QR_VERIFY_FILE?.trim()
  const content = env.WECHAT_QR_VERIFY_CONTENT?.trim()
  if (!name && !content) return null
  if (!name || !NAME.test(name)) {
    throw new Error(`WECHAT_QR_VERIFY_FILE 应为微信给出的校验文件名（字母、数字、-、_，以 .txt 结尾，不含路径），当前为「${name ?? ''}」`)
  }
  if (!content || !CONTENT.test(content)) {
    throw new Error('WECHAT_QR_VERIFY_CONTENT 应为校验文件的内容（微信给出的字符串，不含空格，最长 256 个字符）')
  }
  return { name, content }
}

/** The two paths the file answers at: the rule's directory (/e/) and the site root. */
export const qrVerifyPaths = (file: QrVerifyFile): string[] => [`/e/${file.name}`, `/${file.name}`]

/** GET (and HEAD) of exactly those two paths; nothing is registered when no file is configured. */
export function registerQrVerifyFile(app: FastifyInstance, file: QrVerifyFile | null): void {
  if (!file) return
  for (const url of qrVerifyPaths(file)) {
    app.get(url, async (_req, reply) => reply.type('text/plain; charset=utf-8').header('Cache-Control', 'no-cache').send(file.content))
  }
}

/** For static website hosting: writes the file at the same two paths under `dir` (the H5 build). */
export function writeQrVerifyFiles(dir: string, file: QrVerifyFile): string[] {
  return qrVerifyPaths(file).map((url) => {
    const target = path.join(dir, ...url.split('/').filter(Boolean))
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, file.content)
    return target
  })
}
