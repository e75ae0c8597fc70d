// H5: the browser's own zoom and font settings already apply; there is no WeChat setting to read.
export function systemPrefersLargeText(): boolean {
  return false
}
