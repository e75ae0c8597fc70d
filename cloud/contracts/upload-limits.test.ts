import { CLOUD_CALL_BODY_LIMIT_BYTES, CLOUD_UPLOAD_MAX_BYTES, uploadLimitFor } from './upload-limits'

describe('console upload limits', () => {
  it('through a cloud function: the largest file whose base64 JSON still fits the documented 6 MB', () => {
    const limit = uploadLimitFor('https://gxq-prod-1a2b.service.tcloudbase.com/console-api')
    expect(limit.maxBytes).toBe(CLOUD_UPLOAD_MAX_BYTES)
    const body = JSON.stringify({ action: 'uploadPhoto', code: 'helmet', alt: '说明'.repeat(60), data: Buffer.alloc(limit.maxBytes, 7).toString('base64') })
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(CLOUD_CALL_BODY_LIMIT_BYTES)
    expect(limit.message).toMatch(/不能超过 4\.\d MB.*6 MB/)
  })

  it('locally (the runtime serves the console at /api): 8 MB as before', () => {
    expect(uploadLimitFor('/api')).toMatchObject({ maxBytes: 8 * 1024 * 1024, message: expect.stringContaining('8 MB') })
  })
})
