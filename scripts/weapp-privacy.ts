// WeChat's privacy-gated APIs (隐私接口): calling one needs its item declared in the mini-program's
// 用户隐私保护指引 (mp.weixin.qq.com), or review rejects the version and the call fails at run time
// with errno 112 「api scope is not declared in the privacy agreement」. The table is WeChat's
// 「隐私接口与对应的处理的信息」 (developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html),
// reduced to APIs a Taro app calls as Taro.X / wx.X, plus the authorize scopes.
// scripts/weapp-privacy.test.ts scans src/ with it and fails on a gated API that the guide's
// privacy table (docs/wechat-cloud.md §10) does not declare; cloud:preflight reports the same.
import fs from 'node:fs'
import path from 'node:path'

export const PRIVACY_ITEMS: Record<string, string[]> = {
  '用户信息（微信昵称、头像）': ['getUserInfo', 'getUserProfile'],
  位置信息: ['getLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'getFuzzyLocation', 'onLocationChange', 'scope.userLocation', 'scope.userLocationBackground', 'scope.userFuzzyLocation'],
  选择的位置信息: ['choosePoi', 'chooseLocation'],
  地址: ['chooseAddress'],
  发票信息: ['chooseInvoiceTitle', 'chooseInvoice'],
  微信运动步数: ['getWeRunData', 'scope.werun'],
  手机号: ['getPhoneNumber', 'getRealtimePhoneNumber'],
  车牌号: ['chooseLicensePlate'],
  选中的照片或视频信息: ['chooseImage', 'chooseMedia', 'chooseVideo'],
  选中的文件: ['chooseMessageFile'],
  麦克风: ['startRecord', 'getRecorderManager', 'joinVoIPChat', 'scope.record'],
  摄像头: ['createVKSession', 'createCameraContext', 'scope.camera'],
  蓝牙: ['openBluetoothAdapter', 'createBLEPeripheralServer', 'scope.bluetooth'],
  '相册（仅写入）': ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum', 'scope.writePhotosAlbum'],
  '通讯录（仅写入）': ['addPhoneContact', 'scope.addPhoneContact'],
  '日历（仅写入）': ['addPhoneRepeatCalendar', 'addPhoneCalendar', 'scope.addPhoneCalendar'],
  剪切板: ['getClipboardData', 'setClipboardData'],
}

export interface PrivacyUse {
  item: string
  api: string
  file: string
}

const API_OF: Map<string, string> = new Map(Object.entries(PRIVACY_ITEMS).flatMap(([item, apis]) => apis.map((api) => [api, item] as const)))

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(p)
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : []
  })
}

/** Every privacy-gated API the app's code calls (Taro.X, wx.X, or an authorize scope literal). */
export function privacyUses(srcDir: string, root: string): PrivacyUse[] {
  const uses: PrivacyUse[] = []
  for (const file of sourceFiles(srcDir)) {
    const text = fs.readFileSync(file, 'utf8')
    const found = new Set<string>()
    for (const m of text.matchAll(/\b(?:Taro|wx)\s*\.\s*([A-Za-z]+)\b/g)) if (API_OF.has(m[1])) found.add(m[1])
    for (const m of text.matchAll(/['"](scope\.[A-Za-z]+)['"]/g)) if (API_OF.has(m[1])) found.add(m[1])
    for (const api of found) uses.push({ item: API_OF.get(api) as string, api, file: path.relative(root, file) })
  }
  return uses.sort((a, b) => a.file.localeCompare(b.file) || a.api.localeCompare(b.api))
}

const BEGIN = '<!-- privacy-apis:begin -->'
const END = '<!-- privacy-apis:end -->'

/** The guide's declared privacy table: item → the APIs named on its row. */
export function declaredInGuide(doc: string): Map<string, string> {
  const at = doc.indexOf(BEGIN)
  const end = doc.indexOf(END)
  const declared = new Map<string, string>()
  if (at < 0 || end < 0) return declared
  for (const line of doc.slice(at, end).split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    if (cells.length > 3 && PRIVACY_ITEMS[cells[1]]) declared.set(cells[1], line)
  }
  return declared
}

/** Privacy uses the guide does not declare (item missing, or the API not named on its row), in Chinese. */
export function undeclaredUses(uses: PrivacyUse[], doc: string): string[] {
  const declared = declaredInGuide(doc)
  return uses
    .filter((u) => !declared.get(u.item)?.includes(u.api))
    .map((u) => `${u.file} 调用了隐私接口 ${u.api}（隐私项「${u.item}」），但 docs/wechat-cloud.md 的隐私接口表没有声明它：请在表中写明用途，并在公众平台的《用户隐私保护指引》中勾选「${u.item}」`)
}
