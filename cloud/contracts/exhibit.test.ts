import { exhibitCodeFromScan, parseExhibitEntry, parseQueryString, sceneForExhibit, SCENE_MAX_LENGTH } from './exhibit'

describe('reading the exhibit code from how the visitor arrived', () => {
  it('reads a mini-program code scene, URL-encoded as WeChat delivers it', () => {
    expect(parseExhibitEntry({ scene: 'e%3Dhelmet' })).toEqual({ ok: true, code: 'helmet', via: 'scene' })
  })

  it('reads a scene that arrives already decoded', () => {
    expect(parseExhibitEntry({ scene: 'e=fuelcell' })).toEqual({ ok: true, code: 'fuelcell', via: 'scene' })
  })

  it('reads a plain QR link carried in q, with the code as ?id= or as /e/<code>', () => {
    const hashLink = encodeURIComponent('https://kjg.example.cn/#/pages/exhibit/index?id=vanadium')
    expect(parseExhibitEntry({ q: hashLink })).toEqual({ ok: true, code: 'vanadium', via: 'q' })
    expect(parseExhibitEntry({ q: encodeURIComponent('https://kjg.example.cn/e/glink') })).toEqual({ ok: true, code: 'glink', via: 'q' })
  })

  it('reads an H5 deep link id and normalises its case', () => {
    expect(parseExhibitEntry({ id: 'Helmet' })).toEqual({ ok: true, code: 'helmet', via: 'id' })
  })

  it('says "missing" when no route parameter is present and "malformed" for junk', () => {
    expect(parseExhibitEntry({})).toEqual({ ok: false, reason: 'missing' })
    expect(parseExhibitEntry({ id: '../../etc/passwd' })).toMatchObject({ ok: false, reason: 'malformed' })
    expect(parseExhibitEntry({ scene: '%E0%A4%A' })).toMatchObject({ ok: false, reason: 'malformed' })
    expect(parseExhibitEntry({ q: encodeURIComponent('https://elsewhere.example/about') })).toMatchObject({ ok: false, reason: 'malformed' })
  })

  it('refuses a scene longer than WeChat allows', () => {
    const long = `e=${'a'.repeat(SCENE_MAX_LENGTH)}`
    expect(parseExhibitEntry({ scene: encodeURIComponent(long) })).toMatchObject({ ok: false, reason: 'malformed' })
  })

  it('builds scenes that fit the 32-character limit for the longest allowed code', () => {
    expect(sceneForExhibit('a'.repeat(30)).length).toBeLessThanOrEqual(SCENE_MAX_LENGTH)
  })

  it('parses query strings without URLSearchParams and keeps going past bad pairs', () => {
    expect(parseQueryString('?a=1&b=%E4%B8%AD&c&bad=%E0')).toEqual({ a: '1', b: '中', c: '' })
  })
})

describe('reading a scan result or a typed code', () => {
  it('reads the path of our own mini-program code', () => {
    expect(exhibitCodeFromScan({ path: 'pages/exhibit/index?scene=e%3Dpurifier' })).toMatchObject({ ok: true, code: 'purifier' })
  })
  it('reads a link, an e= scene, or a bare code', () => {
    expect(exhibitCodeFromScan({ result: 'http://127.0.0.1:8787/#/pages/exhibit/index?id=traindoor' })).toMatchObject({ code: 'traindoor' })
    expect(exhibitCodeFromScan({ result: 'e=helmet' })).toMatchObject({ code: 'helmet' })
    expect(exhibitCodeFromScan({ result: '  glink ' })).toMatchObject({ code: 'glink' })
  })
  it('refuses empty input and foreign codes', () => {
    expect(exhibitCodeFromScan({ result: '' })).toEqual({ ok: false, reason: 'missing' })
    expect(exhibitCodeFromScan({ result: '这不是编号' })).toMatchObject({ ok: false, reason: 'malformed' })
  })
})
