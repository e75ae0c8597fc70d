// The names the H5 app and the local runtime meet on: written once here, imported on both sides, so
// a renamed global or header cannot leave one side reading what the other no longer writes.
import type { Exhibit } from './exhibit'

/** The response header that carries a renewed visitor token; the H5 client stores what it carries. */
export const RENEWED_TOKEN_HEADER = 'x-token'

/** The global the scan landing (`/e/<code>`) puts the exhibit in; the exhibits store takes it once. */
export const INLINED_EXHIBIT_GLOBAL = '__GXQ_EXHIBIT__'

/** What that global holds (null for an unknown code). */
export interface InlinedExhibit {
  code: string
  exhibit: Exhibit
}

/** The landing's plain HTML view of the exhibit; the app removes it once its own page is on screen. */
export const STATIC_VIEW_ID = 'gxq-landing'
