// H5: care mode is one class on the root element. app.scss scales the root font size under it
// (every rem-sized page grows, the other features' pages included) and swaps the colour tokens
// for high-contrast ones.
export const CARE_CLASS = 'care'

export function applyCareMode(on: boolean): void {
  if (typeof document === 'undefined') return
  document.documentElement.classList.toggle(CARE_CLASS, on)
}
