/** Media (exhibit pictures, audio) is served beside the API, not bundled: every KB in the package is paid on a cold scan. */
export const mediaUrl = (path: string): string => (/^(https?:|cloud:|data:)/.test(path) ? path : `${MEDIA_BASE}${path}`)
