// H5 scan landing (/e/<code>, cloud/runtime/landing.ts): the server puts the exhibit's JSON and a
// plain HTML view of its text in the first response. The store starts with that JSON instead of
// asking the API, and the exhibit page removes the plain view once it is on screen itself.
import type { Exhibit } from '@cloud/contracts/exhibit'
import { INLINED_EXHIBIT_GLOBAL, STATIC_VIEW_ID, type InlinedExhibit } from '@cloud/contracts/glue'

/** The exhibit the server sent with the page, once (later loads ask the API as usual). */
export function takeInlinedExhibit(): Exhibit | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null
  const holder = window as unknown as Record<typeof INLINED_EXHIBIT_GLOBAL, InlinedExhibit | null | undefined>
  const inlined = holder[INLINED_EXHIBIT_GLOBAL]
  holder[INLINED_EXHIBIT_GLOBAL] = null
  return inlined && typeof inlined.code === 'string' && inlined.exhibit?.code === inlined.code ? inlined.exhibit : null
}

/** The app's own page is showing: the server's plain view would only duplicate it. */
export function dropStaticView(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  document.getElementById(STATIC_VIEW_ID)?.remove()
}
