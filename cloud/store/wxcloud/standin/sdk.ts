// STAND-IN for the `wx-server-sdk` module as a built cloud function sees it: init, database() over the
// in-process stand-in database, getWXContext() reading the caller's identity from process.env
// (WX_OPENID, WX_APPID, WX_UNIONID, TCB_SOURCE …), where the cloud-function runtime puts it for
// each invocation and where the real SDK reads it — not from an argument; and fakes of the
// open APIs (wxacode.getUnlimited, subscribeMessage.send) and cloud storage that record their calls.
// Used only by tests (bundled into a test copy's node_modules/wx-server-sdk); never deployed.
import { createStandinDatabase, type StandinDatabase } from './database'

export interface StandinSdkRecord {
  db: StandinDatabase
  inits: unknown[]
  codes: Array<Record<string, unknown>>
  uploads: Array<{ cloudPath: string; bytes: number }>
  messages: Array<Record<string, unknown>>
  /** Cloud storage: cloud path → bytes (uploadFile, and the signed form uploads below). */
  storage: Map<string, Buffer>
  /** Signed upload forms handed out by getUploadMetadata and not yet used: cloud path → its fields. */
  forms: Map<string, { authorization: string; token: string; cosFileId: string }>
  /** Where getUploadMetadata says to POST the form (set by a test server that accepts it; see cosForm). */
  formUrl: string
  /**
   * What COS does with a browser's form POST to a getUploadMetadata url: checks the signed fields of
   * that path and stores the file. Answers the HTTP status COS would (204 stored, 403 refused).
   */
  cosForm(fields: Record<string, string>, file: Buffer): number
}

/** A 1×1 PNG: what the fake wxacode returns (real codes are ~50 KB images). */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

export function createStandinSdk() {
  const ENV_PREFIX = 'cloud://standin-env.standin'
  const storage = new Map<string, Buffer>()
  const forms = new Map<string, { authorization: string; token: string; cosFileId: string }>()
  const record: StandinSdkRecord = {
    db: createStandinDatabase(),
    inits: [],
    codes: [],
    uploads: [],
    messages: [],
    storage,
    forms,
    formUrl: 'https://standin-cos.invalid/upload',
    cosForm(fields, file) {
      const key = fields.key ?? ''
      const form = forms.get(key)
      if (!form || fields.Signature !== form.authorization || fields['x-cos-security-token'] !== form.token || fields['x-cos-meta-fileid'] !== form.cosFileId) return 403
      storage.set(key, file)
      return 204
    },
  }
  /** The stored file of a `cloud://` id of this environment, by its path. */
  const pathOfId = (fileID: string) => (fileID.startsWith(`${ENV_PREFIX}/`) ? fileID.slice(ENV_PREFIX.length + 1) : null)
  return {
    DYNAMIC_CURRENT_ENV: Symbol.for('DYNAMIC_CURRENT_ENV'),
    init(options: unknown) {
      record.inits.push(options)
    },
    database() {
      return record.db
    },
    /** Like the real SDK: identity from process.env (an argument, if given, is not consulted). */
    getWXContext(_context?: unknown) {
      const env = process.env
      return {
        OPENID: env.WX_OPENID || undefined,
        APPID: env.WX_APPID || undefined,
        UNIONID: env.WX_UNIONID || undefined,
        ENV: env.TCB_ENV || env.SCF_NAMESPACE || 'standin',
        SOURCE: env.TCB_SOURCE || 'wx_client',
        CLIENTIP: env.WX_CLIENTIP || undefined,
        CLIENTIPV6: env.WX_CLIENTIPV6 || undefined,
      }
    },
    async uploadFile({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) {
      record.uploads.push({ cloudPath, bytes: fileContent.length })
      storage.set(cloudPath, Buffer.from(fileContent))
      return { fileID: `${ENV_PREFIX}/${cloudPath}` }
    },
    /** As node-sdk's (the SDK wx-server-sdk is built on): the signed COS form for one path. */
    async getUploadMetadata({ cloudPath }: { cloudPath: string }) {
      const form = { authorization: `q-sign-algorithm=sha1&q-ak=standin&q-signature=${Math.random().toString(16).slice(2)}`, token: `standin-token-${forms.size}`, cosFileId: `standin-cos-${forms.size}` }
      forms.set(cloudPath, form)
      return { data: { url: record.formUrl, token: form.token, authorization: form.authorization, fileId: `${ENV_PREFIX}/${cloudPath}`, cosFileId: form.cosFileId }, requestId: 'standin' }
    },
    /** Temporary download links: data: URLs of the stored bytes here (the real ones are signed https links). */
    async getTempFileURL({ fileList }: { fileList: string[] }) {
      return {
        fileList: fileList.map((fileID) => {
          const bytes = pathOfId(fileID) !== null ? storage.get(pathOfId(fileID) as string) : undefined
          return bytes
            ? { fileID, status: 0, errMsg: 'ok', tempFileURL: `data:application/octet-stream;base64,${bytes.toString('base64')}` }
            : { fileID, status: -503003, errMsg: 'STORAGE_FILE_NONEXIST', tempFileURL: '' }
        }),
      }
    },
    async deleteFile({ fileList }: { fileList: string[] }) {
      for (const fileID of fileList) {
        const at = pathOfId(fileID)
        if (at !== null) storage.delete(at)
      }
      return { fileList: fileList.map((fileID) => ({ fileID, status: 0 })) }
    },
    openapi: {
      wxacode: {
        async getUnlimited(options: Record<string, unknown>) {
          record.codes.push(options)
          return { contentType: 'image/png', buffer: PNG_1X1, errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok' }
        },
      },
      subscribeMessage: {
        async send(options: Record<string, unknown>) {
          record.messages.push(options)
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
        },
      },
    },
    /** Test access to the stand-in's state; not part of the real SDK. */
    __standin: record,
  }
}

export type StandinSdk = ReturnType<typeof createStandinSdk>
