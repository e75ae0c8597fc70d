import { EXHIBIT_PAGE, type ExhibitCodeFile } from '../contracts/codes'
import { sceneForExhibit } from '../contracts/exhibit'
import { AdminRequests } from '../contracts/requests/admin'
import { fail, ok } from '../contracts/result'
import { defineAction, implement } from './types'

export const AdminErrors = {
  CLOUD_ONLY: '小程序码只能在微信云端生成；本地请运行 npm run codes 打印普通二维码',
  NO_EXHIBITS: '没有可生成小程序码的展品',
} as const

const extensionFor = (contentType: string) => (/png/i.test(contentType) ? 'png' : 'jpg')

export const admin = implement('admin', {
  actions: {
    // Codes are generated ahead of time, one exhibit after another (getUnlimited is rate limited),
    // and stored in cloud storage so printing never calls WeChat again. One failure does not stop the rest.
    exhibitCodes: defineAction({
      schema: AdminRequests.exhibitCodes,
      roles: ['admin'],
      handle: async (req, ctx) => {
        const makeCode = ctx.platform?.miniProgramCode
        const upload = ctx.platform?.uploadFile
        if (!makeCode || !upload) return fail('CLOUD_ONLY', AdminErrors.CLOUD_ONLY)
        const envVersion = req.envVersion ?? ctx.platform?.envVersion ?? 'release'
        const wanted = req.codes ? new Set(req.codes) : null
        const exhibits = (await ctx.store.content.listExhibits()).filter((e) => !wanted || wanted.has(e.code))
        if (exhibits.length === 0) return fail('NO_EXHIBITS', AdminErrors.NO_EXHIBITS)
        const files: ExhibitCodeFile[] = []
        const failures: Array<{ code: string; message: string }> = []
        for (const e of exhibits) {
          const scene = sceneForExhibit(e.code)
          try {
            // check_path false: codes can be printed before the page is released.
            const image = await makeCode({ scene, page: EXHIBIT_PAGE, checkPath: false, envVersion })
            const fileId = await upload(`exhibit-codes/${envVersion}/${e.code}.${extensionFor(image.contentType)}`, image.buffer)
            files.push({ code: e.code, name: e.name, scene, fileId })
          } catch (error) {
            const err = error as { errMsg?: string; message?: string }
            failures.push({ code: e.code, message: err?.errMsg ?? err?.message ?? String(error) })
          }
        }
        return ok({ page: EXHIBIT_PAGE, envVersion, files, failures })
      },
    }),
  },
})
