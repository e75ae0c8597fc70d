// Deployment facts per cloud function that the handlers themselves do not carry: which WeChat open
// APIs it calls (config.json `permissions.openapi`). Timer jobs declare theirs in cloud/jobs.
export const FUNCTION_OPENAPI: Record<string, string[]> = {
  admin: ['wxacode.getUnlimited'],
}

/** The runtime dependency of every deployed function (installed by WeChat on upload). */
export const WX_SERVER_SDK_RANGE = '^3.0.1'

/** Node runtime to choose in DevTools / tcb: the bundles need Node ≥ 16.9 (Object.hasOwn). */
export const CLOUD_NODE_RUNTIME = 'Nodejs16.13'
