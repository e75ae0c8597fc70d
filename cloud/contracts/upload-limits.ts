// How large a file the operator console may send in one call. Locally the runtime takes photos and
// recordings up to 8 MB. Through CloudBase a cloud function's request body is at most 6 MB (non-text;
// 100 KB for a text body — docs.cloudbase.net/error-code/service/EXCEED_MAX_PAYLOAD_SIZE), and the
// console sends files base64 in JSON (4 bytes per 3), so the hosted console refuses earlier.
// Since files go straight to storage and are processed by id (contracts/uploads.ts), these limits
// apply only to the base64 fallback: a cloud whose SDK cannot hand out upload forms.

/** CloudBase's documented request-body limit for a cloud function call. */
export const CLOUD_CALL_BODY_LIMIT_BYTES = 6 * 1024 * 1024
/** Room for the JSON around the file (action, code, alt text). */
const ENVELOPE_BYTES = 16 * 1024
/** The largest file that still fits one cloud call once base64-encoded (≈ 4.49 MB). */
export const CLOUD_UPLOAD_MAX_BYTES = Math.floor(((CLOUD_CALL_BODY_LIMIT_BYTES - ENVELOPE_BYTES) * 3) / 4)
/** The local runtime's own limit for photos and recordings. */
export const LOCAL_UPLOAD_MAX_BYTES = 8 * 1024 * 1024

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`

/** The limit for a console whose functions are at `apiBase` ('/api' = the local runtime serving it). */
export function uploadLimitFor(apiBase: string): { cloud: boolean; maxBytes: number; maxText: string; message: string } {
  const cloud = /^https?:\/\//.test(apiBase)
  const maxBytes = cloud ? CLOUD_UPLOAD_MAX_BYTES : LOCAL_UPLOAD_MAX_BYTES
  return {
    cloud,
    maxBytes,
    maxText: mb(maxBytes),
    message: cloud
      ? `文件不能超过 ${mb(maxBytes)}：云函数单次请求最多 6 MB，文件按 base64 发送会变大约三分之一。请压缩后再上传，或在本地运行的后台上传`
      : `文件不能超过 ${mb(maxBytes)}，请压缩后再上传`,
  }
}

export const PAYLOAD_TOO_LARGE_MESSAGE = '提交的内容超过云函数单次请求的 6 MB 上限：请把图片或录音压缩到 4.4 MB 以下再上传，或在本地运行的后台上传'
