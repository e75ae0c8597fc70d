// Deployment facts per cloud function that the handlers themselves do not carry: which WeChat open
// APIs it calls (config.json `permissions.openapi`). Timer jobs declare theirs in cloud/jobs.
export const FUNCTION_OPENAPI: Record<string, string[]> = {
  admin: ['wxacode.getUnlimited'],
}

/**
 * Timeout (seconds) of every deployed function, written into each config.json by build:cloud and
 * into cloudbaserc.json by deploy:cloud. The platform default is 3 s, too short for all of these:
 * - timers (reminders, noShows) and admin run long loops — subscribe sends five at a time until 45 s (the next run resumes),
 *   the no-show sweep built around a 30 s budget, one mini-program code + upload per exhibit: 60 s,
 *   the most a timer-triggered cloud function may run;
 * - booking and staff do a handful of guarded writes, but a release-morning rush queues them: 10 s;
 * - console closes a day (one cancel per booking, hundreds) and imports spreadsheets: 60 s;
 * - accounts are a read and a write: 10 s;
 * - exhibits, zone, notices and system are single reads: 5 s is generous and fails fast.
 */
export const FUNCTION_TIMEOUT: Record<string, number> = {
  admin: 60,
  console: 60,
  reminders: 60,
  noShows: 60,
  booking: 10,
  staff: 10,
  accounts: 10,
  transfer: 10,
  // groups: a roster read in a worker (about a second) and up to 150 claims in a row.
  groups: 10,
  exhibits: 5,
  zone: 5,
  notices: 5,
  system: 5,
}

/** Any function not listed (a new one) gets this until it is given its own line above. */
export const DEFAULT_TIMEOUT = 10

export const timeoutOf = (name: string): number => FUNCTION_TIMEOUT[name] ?? DEFAULT_TIMEOUT

/** The runtime dependency of every deployed function (installed by WeChat on upload). */
export const WX_SERVER_SDK_RANGE = '^3.0.1'

/**
 * Node runtime the functions are created with (DevTools / cloudbaserc `runtime`). CloudBase lists
 * Node.js 24.11 (Active LTS), 22.21, 20.19, 18.15, 16.13 (docs.cloudbase.net/cloud-function/runtime-support),
 * but 22/24 are reported as public beta without 云端安装依赖 (installDependency), which every function
 * here relies on for wx-server-sdk and the console's sharp. 20.19 is the newest that installs
 * dependencies in the cloud, and sharp 0.35 needs Node ≥ 20.9 (scripts/cloud/engines.test.ts).
 */
export const CLOUD_NODE_RUNTIME = 'Nodejs20.19'
/** The Node version of that runtime (what package `engines` are checked against, and esbuild's target). */
export const CLOUD_NODE_VERSION = '20.19.0'
