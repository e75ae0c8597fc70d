// Console uploads that do not travel through a function call's body. The console asks for an
// upload ticket (console.uploadTicket), sends the file straight to storage — the local runtime's
// upload inbox, or CloudBase cloud storage through a signed form — and then calls the processing
// action (uploadPhoto, uploadAudio, previewImport, importZone) with the ticket's file id. CloudBase
// limits a function call's body to 6 MB (docs/wechat-cloud.md §11a); storage does not.
// Shared by the console (admin/) and the server: facts only, no Node modules.

export const UPLOAD_PURPOSES = ['photo', 'audio', 'sheet'] as const
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number]

export interface UploadRule {
  /** The largest file the processing action accepts (a sheet's is the server's IMPORT_MAX_ROWS-derived limit). */
  maxBytes: number
  /** File-name endings accepted for this purpose (the content is checked again by the processing action). */
  extensions: readonly string[]
  /** What the console calls it, in refusals. */
  label: string
}

export const UPLOAD_RULES: Record<UploadPurpose, UploadRule> = {
  photo: { maxBytes: 8 * 1024 * 1024, extensions: ['jpg', 'jpeg', 'png', 'webp'], label: '照片' },
  audio: { maxBytes: 8 * 1024 * 1024, extensions: ['mp3', 'm4a', 'aac'], label: '录音' },
  // Upper bound only: the server holds a sheet to its own (smaller, configurable) limit.
  sheet: { maxBytes: 12 * 1024 * 1024, extensions: ['xlsx', 'csv'], label: '表格' },
}

/** Where the browser sends the file for one ticket. */
export type UploadTarget =
  /** The local runtime: POST the raw bytes to `${API_BASE}/${path}` with the console's bearer token. */
  | { kind: 'post'; path: string }
  /** Cloud storage (COS, signed by CloudBase): a multipart form POST to `url` with these fields, then the file as `file`. */
  | { kind: 'form'; url: string; fields: Record<string, string> }

export interface UploadTicket {
  /** What the processing action is called with (`fileId`), once the file is uploaded. */
  fileId: string
  /** The largest file this ticket's processing accepts. */
  maxBytes: number
  target: UploadTarget
  /** After this the file id is refused: ask for a new ticket. */
  expiresAt: string
}

/** How long an uploaded file waits for its processing call. */
export const UPLOAD_TICKET_TTL_MS = 60 * 60 * 1000

/** The ending of a file name (lower case, without the dot), '' when there is none. */
export const extensionOf = (fileName: string): string => /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1].toLowerCase() ?? ''
