// Deployment facts per cloud function that the handlers themselves do not carry: which WeChat open
// APIs it calls (config.json `permissions.openapi`). Timer jobs declare theirs in cloud/jobs.
export const FUNCTION_OPENAPI: Record<string, string[]> = {
  admin: ['wxacode.getUnlimited'],
}

/**
 * Timeout (seconds) per function when deployed by script; others get 10 s (jobs 60 s). DevTools
 * uploads keep the console's setting (default 3 s): raise `admin` there by hand — it makes one
 * mini-program code and one upload per exhibit, one after another.
 */
export const FUNCTION_TIMEOUT: Record<string, number> = {
  admin: 60,
}

/** The runtime dependency of every deployed function (installed by WeChat on upload). */
export const WX_SERVER_SDK_RANGE = '^3.0.1'

/** Node runtime to choose in DevTools / tcb: the bundles need Node ≥ 16.9 (Object.hasOwn). */
export const CLOUD_NODE_RUNTIME = 'Nodejs16.13'
