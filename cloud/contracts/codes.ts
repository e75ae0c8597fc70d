// Exhibit codes: where a mini-program code opens and what a plain QR code links to. Shared by the
// admin action (cloud), the printable sheet (scripts/codes.ts) and the client.
export type EnvVersion = 'release' | 'trial' | 'develop'
export const ENV_VERSIONS: readonly EnvVersion[] = ['release', 'trial', 'develop']

/** The page every exhibit code opens (no leading slash, no query: the code rides in `scene`). */
export const EXHIBIT_PAGE = 'pages/exhibit/index'

/** The H5 deep link a plain QR code carries; the exhibit page reads it as `?id=`, `q` in weapp. */
export const h5ExhibitLink = (origin: string, code: string): string =>
  `${origin.replace(/\/+$/, '')}/#/${EXHIBIT_PAGE}?id=${encodeURIComponent(code)}`

export interface ExhibitCodeFile {
  code: string
  name: string
  scene: string
  /** Cloud storage file id (cloud://…). */
  fileId: string
}
