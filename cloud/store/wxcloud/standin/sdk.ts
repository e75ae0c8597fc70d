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
}

/** A 1×1 PNG: what the fake wxacode returns (real codes are ~50 KB images). */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

export function createStandinSdk() {
  const record: StandinSdkRecord = { db: createStandinDatabase(), inits: [], codes: [], uploads: [], messages: [] }
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
      return { fileID: `cloud://standin-env.standin/${cloudPath}` }
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
