// The printable QR sheet for the halls and exhibits an operator chooses (a new hall's labels, one
// exhibit's worn sticker), not all-or-nothing. Links are made from H5_ORIGIN as the server reads it
// at the moment of the call — the origin the visitor site is really served at, set on the deployed
// function (cloud/runtime/wxcloud/variables.ts) — never an address baked into the console's build.
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleHoldsRequests } from '../../contracts/requests/console-holds'
import { sheetHtml, sheetItemsOf } from '../../ops/code-sheet'
import { defineAction } from '../types'

export const QrSheetErrors = {
  QR_EMPTY: '请至少选择一个展区或展品',
  QR_UNKNOWN: '所选展区或展品已不存在，请刷新后重新选择',
  QR_NONE_PUBLISHED: '所选展品都未发布，观众扫码会看不到；请先发布再打印',
} as const

/** Where the links point, read now; `configured: false` when the server was given no H5_ORIGIN. */
export function publicOrigin(env: NodeJS.ProcessEnv = process.env): { origin: string; configured: boolean } {
  const configured = env.H5_ORIGIN?.trim().replace(/\/+$/, '')
  if (configured) return { origin: configured, configured: true }
  // Not PORT: the cloud functions never read it, and the deploy would have to manage it for them.
  return { origin: 'http://127.0.0.1:8787', configured: false }
}

export const qrsheetActions = {
  qrSheet: defineAction({
    schema: ConsoleHoldsRequests.qrSheet,
    roles: CONSOLE_ROLES.content,
    handle: async ({ halls, codes }, ctx) => {
      if (!halls.length && !codes.length) return fail('QR_EMPTY', QrSheetErrors.QR_EMPTY)
      const [allHalls, exhibits] = await Promise.all([ctx.store.content.listHalls(), ctx.store.content.listExhibits()])
      const unknown = [...halls.filter((h) => !allHalls.some((x) => x.id === h)), ...codes.filter((c) => !exhibits.some((e) => e.code === c))]
      if (unknown.length) return fail('QR_UNKNOWN', `${QrSheetErrors.QR_UNKNOWN}：${unknown.join('、')}`)
      // In the exhibit list's order (by hall, then position), each once.
      const chosen = exhibits.filter((e) => halls.includes(e.hallId) || codes.includes(e.code))
      const unpublished = chosen.filter((e) => e.unpublished).map((e) => e.name)
      const printed = chosen.filter((e) => !e.unpublished)
      if (!printed.length) return fail('QR_NONE_PUBLISHED', QrSheetErrors.QR_NONE_PUBLISHED)
      const { origin, configured } = publicOrigin()
      return ok({ fileName: '展品二维码.html', html: sheetHtml(sheetItemsOf(origin, printed), origin), count: printed.length, origin, configured, unpublished })
    },
  }),
}
