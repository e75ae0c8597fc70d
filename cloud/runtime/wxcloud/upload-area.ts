// The console's upload area in the WeChat cloud (console/uploads.ts): cloud storage. A ticket is a
// signed COS form for one path from getUploadMetadata — CloudBase documents the same call as the
// OpenAPI `storages:getUploadMetaData` (url, token, authorization, fileId, cosFileId; the browser
// POSTs key / Signature / x-cos-security-token / x-cos-meta-fileid / file to url:
// docs.cloudbase.net/api-reference/openapi/storage) and node-sdk as getUploadMetadata, which
// wx-server-sdk is built on. The file is read back through a temporary link
// (getTempFileURL, documented for wx-server-sdk) and streamed with a byte cap, so a file of any size
// put there costs the function at most the purpose's limit + 1 byte of memory; then deleteFile.
// UNVERIFIED against a real environment: that wx-server-sdk exposes getUploadMetadata (without
// it this area is absent and the console falls back to base64 bodies ≤ 4.4 MB), and that COS
// accepts the browser's cross-origin form POST (storage CORS) — docs/wechat-cloud.md §11a.
import type { UploadArea } from '../../functions/console/uploads'

interface UploadMetadata {
  url?: string
  token?: string
  authorization?: string
  fileId?: string
  fileID?: string
  cosFileId?: string
  cosFileID?: string
}

/** The part of wx-server-sdk's storage API this uses (all optional: checked before use). */
export interface WxStorageSdk {
  getUploadMetadata?(options: { cloudPath: string }): Promise<{ data?: UploadMetadata } & UploadMetadata>
  getTempFileURL?(options: { fileList: string[] }): Promise<{ fileList?: Array<{ fileID: string; tempFileURL?: string; status?: number }> }>
  deleteFile?(options: { fileList: string[] }): Promise<unknown>
}

const CLOUD_ID = /^cloud:\/\/[A-Za-z0-9._-]+\/(.+)$/

/** Reads `url` to its end, or stops past `maxBytes`; null when there is no such file. */
async function fetchCapped(url: string, maxBytes: number): Promise<Buffer | null | 'too-large'> {
  const res = await fetch(url)
  if (!res.ok || !res.body) return null
  const declared = Number(res.headers.get('content-length'))
  if (declared > maxBytes) {
    await res.body.cancel()
    return 'too-large'
  }
  const chunks: Buffer[] = []
  let size = 0
  const reader = res.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > maxBytes) {
      await reader.cancel()
      return 'too-large'
    }
    chunks.push(Buffer.from(value))
  }
  return Buffer.concat(chunks)
}

/** The cloud upload area, or undefined when this SDK cannot hand out upload forms or read files back. */
export function wxCloudUploadArea(sdk: WxStorageSdk): UploadArea | undefined {
  if (typeof sdk.getUploadMetadata !== 'function' || typeof sdk.getTempFileURL !== 'function') return undefined
  const getUploadMetadata = sdk.getUploadMetadata.bind(sdk)
  const getTempFileURL = sdk.getTempFileURL.bind(sdk)
  return {
    async target(cloudPath) {
      const res = await getUploadMetadata({ cloudPath })
      const m = res.data ?? res
      const fileId = m.fileId ?? m.fileID
      const cosFileId = m.cosFileId ?? m.cosFileID
      if (!m.url || !m.authorization || !m.token || !fileId || !cosFileId || !fileId.endsWith(`/${cloudPath}`)) {
        throw new Error(`getUploadMetadata answered without a usable form for ${cloudPath}`)
      }
      return { fileId, target: { kind: 'form', url: m.url, fields: { key: cloudPath, Signature: m.authorization, 'x-cos-security-token': m.token, 'x-cos-meta-fileid': cosFileId } } }
    },
    pathOf: (fileId) => CLOUD_ID.exec(fileId)?.[1] ?? null,
    async read(fileId, maxBytes) {
      const item = (await getTempFileURL({ fileList: [fileId] })).fileList?.[0]
      if (!item || (item.status ?? 0) !== 0 || !item.tempFileURL) return null
      return fetchCapped(item.tempFileURL, maxBytes)
    },
    async remove(fileId) {
      await sdk.deleteFile?.({ fileList: [fileId] })
    },
  }
}
