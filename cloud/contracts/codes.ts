// Exhibit codes: where a mini-program code opens and what a plain QR code links to. Shared by the
// admin action (cloud), the printable sheet (scripts/codes.ts) and the client.
export type EnvVersion = 'release' | 'trial' | 'develop'
export const ENV_VERSIONS: readonly EnvVersion[] = ['release', 'trial', 'develop']

/** The page every exhibit code opens (no leading slash, no query: the code rides in `scene`). */
export const EXHIBIT_PAGE = 'pages/exhibit/index'

/**
 * The link a plain QR code carries: the scan landing `/e/<code>`, a path the server can read (a
 * hash is never sent), so it answers with the exhibit already in the page (cloud/runtime/landing.ts).
 * The weapp exhibit page reads the same link from `q`; old `/#/pages/exhibit/index?id=` links still work.
 */
export const h5ExhibitLink = (origin: string, code: string): string => `${origin.replace(/\/+$/, '')}/e/${encodeURIComponent(code)}`

export interface ExhibitCodeFile {
  code: string
  name: string
  scene: string
  /** Cloud storage file id (cloud://…). */
  fileId: string
}
