// What a runtime offers handlers beyond storage. The WeChat cloud runtime wires these to
// wx-server-sdk's open APIs and cloud storage; the local runtime has none of them (handlers answer
// with a clear error), and tests pass fakes.
import type { EnvVersion } from '../contracts/codes'
import type { OutboxMessage } from '../store/port'

export interface MiniProgramCodeRequest {
  scene: string
  page: string
  checkPath: boolean
  envVersion: EnvVersion
  width?: number
}

export interface PlatformServices {
  /** Default `env_version` for mini-program codes in this deployment. */
  envVersion?: EnvVersion
  /** wxacode.getUnlimited: the image of a mini-program code. */
  miniProgramCode?(req: MiniProgramCodeRequest): Promise<{ contentType: string; buffer: Uint8Array }>
  /** Uploads to cloud storage; answers the file id (cloud://…). */
  uploadFile?(cloudPath: string, content: Uint8Array): Promise<string>
  /** subscribeMessage.send; rejects when WeChat refuses (e.g. the user has no remaining subscription). */
  sendSubscribeMessage?(message: OutboxMessage): Promise<void>
}
