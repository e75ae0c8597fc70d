// The catalogue of cloud functions and their actions, as the client calls them with
// wx.cloud.callFunction({ name, data: { action, ...request } }). Types only: the client imports
// this file, the cloud layer implements it (functions/index.ts is checked against it).
import type { EnvVersion, ExhibitCodeFile } from './codes'
import type { Exhibit, HallWithExhibits } from './exhibit'

export interface Api {
  system: {
    /** A no-op used by health checks and as the throughput floor in benchmarks. */
    ping: { req: Record<string, never>; res: { pong: true; at: string } }
  }
  exhibits: {
    get: { req: { code: string }; res: { exhibit: Exhibit } }
    list: { req: Record<string, never>; res: { halls: HallWithExhibits[] } }
  }
  admin: {
    /** Mini-program codes for exhibits (cloud only): wxacode.getUnlimited → cloud storage file ids. */
    exhibitCodes: {
      req: { envVersion?: EnvVersion; codes?: string[] }
      res: { page: string; envVersion: EnvVersion; files: ExhibitCodeFile[]; failures: Array<{ code: string; message: string }> }
    }
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { req: infer R } ? R : never
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { res: infer R } ? R : never
