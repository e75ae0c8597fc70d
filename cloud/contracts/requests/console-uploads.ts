// Request schemas of the console's upload actions (cloud/functions/console/uploads.ts); the Api
// catalogue derives their types from these with a type-only import.
import { z } from 'zod'
import { UPLOAD_PURPOSES } from '../uploads'

export const ConsoleUploadsRequests = {
  /** A one-time place to upload one file to, and the id the processing action then takes. */
  uploadTicket: z
    .object({
      purpose: z.enum(UPLOAD_PURPOSES, { error: '请说明上传的是照片、录音还是表格' }),
      fileName: z.string().trim().min(1, '请选择文件').max(200, '文件名过长'),
      size: z.number({ error: '请提供文件大小' }).int('文件大小应为整数').min(1, '文件是空的'),
    })
    .strict(),
}
