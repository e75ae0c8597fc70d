// A percentage's gauge bar is drawn against a scale that is printed under it: 5.92% on a 0–10%
// scale fills 59% of the track and says "10%" at its end. Without the printed end a 59%-wide bar
// reads as 59%; on a 0–100% scale every R&D share would be a sliver.
const SCALE_ENDS = [1, 2, 5, 10, 20, 50, 100]

/** The scale's end (the smallest round number at or above the value) and the bar's width in %. */
export function gaugeScale(value: number): { max: number; width: number } {
  const v = Math.max(0, value)
  const max = SCALE_ENDS.find((end) => end >= v) ?? 100
  return { max, width: Math.min(100, (v / max) * 100) }
}
