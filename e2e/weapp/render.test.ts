// The templates and the data agree: the exhibit page's data, captured from the built mini-program
// running against the local runtime, rendered through the build's own base.wxml by
// miniprogram-simulate with WeChat's template compiler (wcc, bundled in miniprogram-compiler).
// What WeChat's view layer would show is then read from the rendered tree. (The test runs in Node
// because the harness's server helper does; miniprogram-simulate gets a jsdom window of its own.)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import { startServer, type RunningServer } from '../harness'
import { visitorIdentity } from './identity'
import { DIST, launchMiniProgram } from './mini-program'
import { ensureWeappBuild } from './build'

let server: RunningServer
let root: string

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer({}, { h5: false })
  // A throwaway project: the build's templates, and a component standing in for the page (its
  // wxml is the page's own) whose data is what the page's setData calls produced.
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-weapp-render-'))
  for (const f of ['base.wxml', 'utils.wxs', 'comp.wxml']) fs.copyFileSync(path.join(DIST, f), path.join(root, f))
  fs.copyFileSync(path.join(DIST, 'pages/exhibit/index.wxml'), path.join(root, 'page.wxml'))
  fs.writeFileSync(path.join(root, 'page.json'), JSON.stringify({ component: true, usingComponents: { comp: './comp' } }))
  fs.writeFileSync(path.join(root, 'page.js'), 'Component({ properties: { root: { type: Object, value: { cn: [] } } } })')
  // Taro's own comp.js needs its runtime; for rendering, the deep-tree component only passes data on.
  fs.writeFileSync(path.join(root, 'comp.json'), JSON.stringify({ component: true, usingComponents: { comp: './comp' } }))
  fs.writeFileSync(path.join(root, 'comp.js'), 'Component({ properties: { i: { type: Object, value: {} }, l: { type: String, value: "" } } })')
})
afterAll(async () => {
  await server?.stop()
  if (root) fs.rmSync(root, { recursive: true, force: true })
})

let window: JSDOM['window']
/** miniprogram-simulate reads `window`, `document` and DOM classes from the global scope. */
function loadSimulate(): Simulate {
  window = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true }).window
  const g = globalThis as Record<string, unknown>
  for (const key of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame']) {
    if (g[key] === undefined) g[key] = key === 'window' ? window : (window as unknown as Record<string, unknown>)[key]
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- after the globals exist
  return require('miniprogram-simulate') as Simulate
}

/**
 * The part of miniprogram-simulate used here. (Its own typings pull in miniprogram-api-typings,
 * whose global `require` would replace Node's for the whole project.)
 */
interface Simulate {
  load(componentPath: string, options: { rootPath: string }): string
  render(id: string, properties: Record<string, unknown>): { dom: unknown; attach(parent: unknown): void }
}

test('the helmet page renders its figures, company and research origin through base.wxml', async () => {
  const mp = await launchMiniProgram({ serverUrl: server.url, identity: visitorIdentity(server) })
  const page = await mp.open('pages/exhibit/index', { scene: 'e%3Dhelmet' })
  mp.assertHealthy()
  const data = structuredClone(page.instance.data.root)
  mp.close()

  const simulate = loadSimulate()
  const id = simulate.load(path.join(root, 'page'), { rootPath: root })
  const rendered = simulate.render(id, { root: data })
  const attached = window.document.createElement('main')
  rendered.attach(attached)
  const text = (rendered.dom as HTMLElement).textContent ?? ''
  for (const s of ['航天同源轻量化头盔', '提高4倍', '提高3倍', '约700克', '大连铭云科技有限公司', '大连理工大学', '长征五号']) expect(text).toContain(s)
  // The figures are elements of their own (class from the page data), not just text somewhere.
  const figures = (rendered.dom as HTMLElement).querySelectorAll('[class*="exhibit__figure"]')
  expect(figures.length).toBeGreaterThanOrEqual(3)
  expect([...figures].map((f) => f.textContent).join(' ')).toContain('700')
})
