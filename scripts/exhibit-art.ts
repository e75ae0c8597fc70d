// The exhibits' illustrations (示意图), shown until an operator uploads a photo (the upload replaces
// `image`, so a photo always wins). One style for all of them, kept here rather than in six
// hand-edited files: the same 640×400 frame (a blueprint — the brand blue with a faint grid, a floor
// shadow), the same white 6-px round stroke, one accent detail in the brand orange, colours only from
// the app's tokens (src/app.scss), and the subject inside the centre 300×240 so every crop the app
// makes (hero 2:1, featured card, square list thumbnail) shows all of it edge to edge.
//
// `npm run art` rewrites data/media/exhibits/<code>.svg; scripts/exhibit-art.test.ts checks the files
// are this output, one per exhibit, small, and in the palette.
import fs from 'node:fs'
import path from 'node:path'

/** The app's colour tokens (src/app.scss :root) the illustrations may use. */
export const PALETTE = { brand: '#0b4f8a', brandDark: '#083a66', accent: '#e8772e', surface: '#ffffff', surfaceSoft: '#eef4fb' } as const

export const WIDTH = 640
export const HEIGHT = 400

/**
 * Each subject is drawn with the shared stroke; `fill` marks a solid part (a soft translucent
 * white), `accent` the one orange detail.
 */
const SUBJECTS: Record<string, string> = {
  // A helmet in profile: shell, visor, brim, the ribs of its lightweight structure, an orange stripe.
  helmet:
    '<path class="f" d="M195 292Q192 128 335 116Q452 116 466 238L432 262V292Z"/><path class="f" d="M378 150Q446 160 462 222L418 236Q406 190 372 176Z"/><path d="M245 150Q300 200 298 292M295 122Q340 160 352 212M190 292H440"/><path class="a" d="M212 232Q330 212 432 262"/>',
  // A flow battery: two electrolyte tanks, the cell stack between them, pipes; the membrane in orange.
  vanadium:
    '<rect class="f" x="175" y="140" width="82" height="165" rx="18"/><rect class="f" x="383" y="140" width="82" height="165" rx="18"/><rect class="f" x="282" y="175" width="76" height="130" rx="8"/><path d="M216 140V105H300V175M424 140V105H340V175M175 200H257M383 200H465"/><path class="a" d="M320 188V292" stroke-dasharray="12 12"/>',
  // A fuel-cell stack: end plates, the bipolar plates between them, tie rods, gas ports; an orange spark.
  fuelcell:
    '<rect class="f" x="212" y="140" width="24" height="160" rx="6"/><rect class="f" x="404" y="140" width="24" height="160" rx="6"/><path d="M260 155V285M286 155V285M312 155V285M338 155V285M364 155V285M200 128H440M200 312H440M180 178H212M428 262H460"/><circle cx="176" cy="178" r="10"/><circle cx="464" cy="262" r="10"/><path class="a" d="M334 62L306 104H334L312 140"/>',
  // A purification column: the vessel, its packed bed, the gas in and out; an orange valve.
  purifier:
    '<path class="f" d="M272 140Q272 100 320 100Q368 100 368 140V276Q368 312 320 312Q272 312 272 276Z"/><path d="M272 170H368M272 250H368M180 282H272M368 130H460"/><circle cx="300" cy="196" r="7"/><circle cx="340" cy="196" r="7"/><circle cx="320" cy="224" r="7"/><circle class="a" cx="218" cy="282" r="16"/><path class="a" d="M206 270L230 294"/><circle cx="452" cy="100" r="8"/><circle cx="470" cy="78" r="6"/>',
  // A high-speed board: the circuit board, its chip and traces, the connector; the fibre in orange.
  glink:
    '<rect class="f" x="180" y="160" width="262" height="140" rx="14"/><rect x="210" y="190" width="80" height="80" rx="8"/><path d="M290 210H352V194H410M290 250H378M230 190V176M270 190V176M230 270V284M270 270V284"/><rect class="f" x="410" y="208" width="48" height="52" rx="6"/><path class="a" d="M458 234C500 234 500 120 430 112C380 106 360 84 320 84"/><circle class="a" cx="372" cy="96" r="4"/>',
  // A train car's side: windows, the plug door in the middle, wheels on the rail; orange arrows show the door sliding.
  traindoor:
    '<rect class="f" x="170" y="124" width="300" height="166" rx="30"/><rect x="194" y="154" width="62" height="48" rx="8"/><rect x="384" y="154" width="62" height="48" rx="8"/><rect class="f" x="286" y="142" width="68" height="148" rx="6"/><path d="M320 142V290M160 312H480"/><circle cx="218" cy="300" r="12"/><circle cx="422" cy="300" r="12"/><path class="a" d="M302 100H252M264 88L252 100L264 112M338 100H388M376 88L388 100L376 112"/>',
}

export const ILLUSTRATED = Object.keys(SUBJECTS)

/** The SVG for one exhibit: the shared frame and style around its subject. */
export function illustration(code: string): string {
  const subject = SUBJECTS[code]
  if (!subject) throw new Error(`没有展品「${code}」的示意图：请在 scripts/exhibit-art.ts 中绘制`)
  const { brand, brandDark, accent, surface, surfaceSoft } = PALETTE
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">` +
    `<defs><linearGradient id="b" x2="0" y2="1"><stop stop-color="${brand}"/><stop offset="1" stop-color="${brandDark}"/></linearGradient>` +
    `<pattern id="g" width="40" height="40" patternUnits="userSpaceOnUse"><path d="M40 0H0V40" fill="none" stroke="${surfaceSoft}" stroke-opacity=".1" stroke-width="2"/></pattern>` +
    `</defs>` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#b)"/><rect width="${WIDTH}" height="${HEIGHT}" fill="url(#g)"/>` +
    `<ellipse cx="320" cy="322" rx="200" ry="16" fill="${brandDark}" opacity=".7"/>` +
    // Presentation attributes, not a <style> sheet: WeChat's <image> renders SVG without CSS support.
    `<g fill="none" stroke="${surface}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round">${subject.replace(/class="f"/g, `fill="${surfaceSoft}" fill-opacity=".16"`).replace(/class="a"/g, `stroke="${accent}"`)}</g></svg>\n`
  )
}

export const ART_DIR = path.resolve(__dirname, '..', 'data', 'media', 'exhibits')

if (require.main === module) {
  for (const code of ILLUSTRATED) {
    const file = path.join(ART_DIR, `${code}.svg`)
    fs.writeFileSync(file, illustration(code))
    console.log(`${path.relative(process.cwd(), file)}  ${fs.statSync(file).size} B`)
  }
}
