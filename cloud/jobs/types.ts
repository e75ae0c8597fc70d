import type { PlatformServices } from '../functions/platform'
import type { Store } from '../store/port'

export interface JobContext {
  store: Store
  now: () => Date
  platform: PlatformServices
  env: Record<string, string | undefined>
}

export interface CloudJob {
  description: string
  /** A 7-field cron (second minute hour day month weekday year) for the WeChat timer trigger. */
  trigger: { name: string; config: string }
  /** Open APIs the job calls (config.json permissions). */
  openapi: string[]
  run(ctx: JobContext): Promise<Record<string, unknown>>
}
