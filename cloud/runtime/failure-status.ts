// Failures of the request or the server, with their HTTP meaning. Apart from http-status.ts (which
// gathers every feature's refusal catalogue) so that the cloud functions' HTTP-access path can use
// it without bundling every feature's handlers.
export const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** A browser page from an origin outside CONSOLE_ORIGIN (HTTP access, wxcloud/http-access.ts). */
  FORBIDDEN_ORIGIN: 403,
  UNKNOWN_FUNCTION: 404,
  UNKNOWN_ACTION: 404,
  PAYLOAD_TOO_DEEP: 400,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  /** Console photo uploads (cloud/ops/photos.ts): the file itself is wrong, whatever state the data is in. */
  PHOTO_TOO_LARGE: 413,
  PHOTO_TYPE: 415,
  PHOTO_UNREADABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NOT_CONFIGURED: 503,
  /** A request that arrived while the local runtime stops (it is answered, then the process exits). */
  RESTARTING: 503,
}
