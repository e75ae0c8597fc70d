// `npm run qr:verify-file [-- <folder>]`: writes WeChat's 扫普通链接二维码 verification file
// (WECHAT_QR_VERIFY_FILE / WECHAT_QR_VERIFY_CONTENT) into a static-hosting folder — by default the
// H5 build, dist/h5 — at /e/<name> and /<name>, the paths the local runtime answers it at
// (cloud/runtime/qr-verify.ts). Then deploy that folder as usual (e.g. tcb hosting deploy dist/h5 /).
import path from 'node:path'
import { qrVerifyFileFrom, writeQrVerifyFiles } from '../cloud/runtime/qr-verify'

function main(argv: string[]): number {
  const dir = path.resolve(argv[0] ?? path.join(__dirname, '..', 'dist', 'h5'))
  let file
  try {
    file = qrVerifyFileFrom(process.env)
  } catch (error) {
    console.error((error as Error).message)
    return 2
  }
  if (!file) {
    console.error('未设置 WECHAT_QR_VERIFY_FILE 和 WECHAT_QR_VERIFY_CONTENT：请填入小程序后台「扫普通链接二维码打开小程序」给出的校验文件名和内容（docs/wechat-cloud.md §5）')
    return 2
  }
  for (const written of writeQrVerifyFiles(dir, file)) console.log(`已写入 ${path.relative(process.cwd(), written)}`)
  return 0
}

if (require.main === module) process.exitCode = main(process.argv.slice(2))
