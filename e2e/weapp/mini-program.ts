// Runs the built mini-program (dist/weapp) in Node: a `vm` context with the globals WeChat's logic
// layer gives (App, Page, Component, getApp, getCurrentPages, wx), a CommonJS `require` over the
// build's files, the page lifecycle in WeChat's order (onLoad(query) → onShow → onReady), and every
// setData applied by path to `page.data` — which is exactly what WeChat's view layer would render.
//
// Every setData is recorded with its size; the harness fails a payload above 256 KB (WeChat's
// recommendation) and an interaction that needs more than MAX_SETDATA_PER_INTERACTION calls. Any
// error thrown in a lifecycle, a tap handler, a timer or a promise nobody catches is an "uncaught
// error" and fails the page.
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { createFakeWx, type FakeWxControls } from './fake-wx'
import { allText, ancestorsOf, findNodes, type DataNode, type NodeQuery } from './tree'

export const DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp')
/** WeChat: "单次 setData 的数据不超过 256KB" (performance guide). */
export const MAX_SETDATA_BYTES = 256 * 1024
/**
 * A tap or a page opening that needs more calls than this is doing work in too many steps (each
 * setData crosses from the logic thread to the view). Measured on this app: at most 4.
 */
export const MAX_SETDATA_PER_INTERACTION = 8

export interface SetDataRecord {
  route: string
  interaction: string
  bytes: number
  keys: number
}

export interface PageHandle {
  route: string
  query: Record<string, string>
  instance: Record<string, unknown> & { data: Record<string, unknown> }
  /** The page's node tree (Taro's `root`), as the view layer has it. */
  root(): DataNode
  text(): string
  find(query: NodeQuery): DataNode[]
  /** The one node matching the query (fails when none or several match). */
  the(query: NodeQuery): DataNode
  /**
   * An attribute as the view layer renders it (e.g. an image's `src`): production builds store
   * attributes under short keys (p0, p1 …), so the key is read from the element's template.
   */
  attr(query: NodeQuery, name: string): unknown
  tap(query: NodeQuery): Promise<void>
  input(query: NodeQuery, value: string): Promise<void>
  change(query: NodeQuery, value: unknown): Promise<void>
  /** Any other event the template binds to `eh` (e.g. 'confirm' with { value }). */
  event(query: NodeQuery, type: string, detail: Record<string, unknown>): Promise<void>
}

export interface MiniProgram {
  wx: FakeWxControls
  /** Uncaught errors so far (lifecycle, handlers, timers, unhandled rejections, console.error). */
  errors: string[]
  setData: SetDataRecord[]
  /** Opens a page as a cold start would (reLaunch) with this query, and waits for it to settle. */
  open(route: string, query?: Record<string, string>): Promise<PageHandle>
  top(): PageHandle
  stack(): PageHandle[]
  /** Waits until no request is in flight, no short timer is pending and setData has stopped. */
  settle(): Promise<void>
  /** Throws when a limit was broken or an uncaught error happened. */
  assertHealthy(): void
  close(): void
}

export interface LaunchOptions {
  serverUrl: string
  identity: () => Promise<string>
  dist?: string
  /** Launch path and query given to App.onLaunch/onShow (a scan: the exhibit page with `scene`). */
  launch?: { path: string; query: Record<string, string>; scene?: number }
  maxSetDataBytes?: number
  /** What is in wx storage before the app starts (e.g. care mode chosen on an earlier visit). */
  storage?: Record<string, unknown>
  /** Files saved under USER_DATA_PATH by an earlier visit (path → bytes), kept like storage. */
  files?: Map<string, number>
  maxSetDataPerInteraction?: number
}

type Config = Record<string, unknown>

export async function launchMiniProgram(options: LaunchOptions): Promise<MiniProgram> {
  const dist = options.dist ?? DIST
  if (!fs.existsSync(path.join(dist, 'app.js'))) throw new Error(`未找到 ${dist}/app.js：请先运行 npx taro build --type weapp`)
  const maxBytes = options.maxSetDataBytes ?? MAX_SETDATA_BYTES
  const maxCalls = options.maxSetDataPerInteraction ?? MAX_SETDATA_PER_INTERACTION
  const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }>; tabBar?: { list: Array<{ pagePath: string }> } }
  const tabPages = new Set((appJson.tabBar?.list ?? []).map((t) => t.pagePath))

  const errors: string[] = []
  const setDataLog: SetDataRecord[] = []
  const problems: string[] = []
  const report = (where: string, e: unknown) => errors.push(`${where}: ${e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e)}`)

  const { wx, controls } = createFakeWx({ serverUrl: options.serverUrl, identity: options.identity, onError: (e) => report('wx callback', e) })

  // Timers: tracked so "settled" means no short timer is pending; a throw inside one is uncaught.
  const pendingTimers = new Map<unknown, number>()
  const SHORT_TIMER_MS = 1000
  const timers = {
    setTimeout: (fn: (...a: unknown[]) => void, ms = 0, ...args: unknown[]) => {
      const handle = setTimeout(() => {
        pendingTimers.delete(handle)
        try {
          fn(...args)
        } catch (e) {
          report('timer', e)
        }
      }, ms)
      if (ms <= SHORT_TIMER_MS) pendingTimers.set(handle, ms)
      handle.unref?.()
      return handle
    },
    clearTimeout: (h: NodeJS.Timeout) => {
      pendingTimers.delete(h)
      clearTimeout(h)
    },
    setInterval: (fn: () => void, ms: number) => {
      const h = setInterval(() => {
        try {
          fn()
        } catch (e) {
          report('interval', e)
        }
      }, ms)
      h.unref?.()
      intervals.add(h)
      return h
    },
    clearInterval: (h: NodeJS.Timeout) => {
      intervals.delete(h)
      clearInterval(h)
    },
  }
  const intervals = new Set<NodeJS.Timeout>()

  let interaction = 'launch'
  let interactionCalls = 0
  let lastSetData = 0
  let tapping = false
  controls.inTap = () => tapping

  let appInstance: Config | null = null
  const registered = new Map<string, Config>()
  let registering: string | null = null
  const stack: Array<{ handle: PageHandle; inst: Record<string, unknown> & { data: Record<string, unknown> } }> = []

  const sandboxConsole = {
    log: () => undefined,
    info: () => undefined,
    debug: () => undefined,
    warn: () => undefined,
    // React and Taro report swallowed render errors here: treat them as uncaught.
    error: (...args: unknown[]) => errors.push(`console.error: ${args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ')}`),
  }

  const context = vm.createContext({
    console: sandboxConsole,
    ...timers,
    wx,
    App: (config: Config) => {
      appInstance = config
    },
    Page: (config: Config) => {
      if (!registering) throw new Error('Page() called outside a page file')
      registered.set(registering, config)
    },
    Component: () => undefined,
    Behavior: (b: unknown) => b,
    getApp: () => appInstance,
    getCurrentPages: () => stack.map((p) => p.inst),
    requirePlugin: () => ({}),
    __wxConfig: { envVersion: 'develop', platform: 'ios' },
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
  })
  ;(context as Record<string, unknown>).global = context
  ;(context as Record<string, unknown>).globalThis = context

  // CommonJS over the build's files, resolved relative to the requiring file (WeChat's rule).
  const modules = new Map<string, { exports: unknown }>()
  // Subpackages this launch has run code from: WeChat has downloaded those.
  const subpackageOf = (file: string) => (appJson.subPackages ?? []).map((p) => p.root.replace(/\/$/, '')).find((r) => path.relative(dist, file).startsWith(`${r}${path.sep}`))
  const downloaded = new Set<string>()
  const requireFrom = (dir: string) => {
    const load = (request: string) => loadFrom(dir, request)
    // WeChat's cross-subpackage require.async (分包异步化): a subpackage not downloaded yet needs the
    // network, as on a phone (this harness forgets downloads between launches: a first launch).
    const loadAsync = (request: string) =>
      new Promise((resolve, reject) => {
        const root = subpackageOf(path.resolve(dir, request))
        if (root && !downloaded.has(root) && controls.network === 'none') reject({ errMsg: 'require.async:fail network', mod: request })
        else resolve(load(request))
      })
    return Object.assign(load, { async: loadAsync })
  }
  const loadFrom = (dir: string, request: string): unknown => {
    let file = path.resolve(dir, request)
    if (!file.endsWith('.js')) file += '.js'
    const root = subpackageOf(file)
    if (root) downloaded.add(root)
    const cached = modules.get(file)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    modules.set(file, module)
    const code = fs.readFileSync(file, 'utf8')
    const fn = vm.runInContext(`(function (require, module, exports) {${code}\n})`, context, { filename: file }) as (r: unknown, m: unknown, e: unknown) => void
    fn(requireFrom(path.dirname(file)), module, module.exports)
    return module.exports
  }
  const requireRoot = requireFrom(dist)

  // Node's own process (under jest, `process` is the test environment's copy, which never hears
  // of a rejection in this context).
  const realProcess = vm.runInThisContext('process') as NodeJS.Process
  const unhandled = (reason: unknown) => report('unhandled rejection', reason)
  realProcess.on('unhandledRejection', unhandled)

  for (const [key, value] of Object.entries(options.storage ?? {})) controls.storage.set(key, value)
  for (const [path, bytes] of options.files ?? []) controls.files.set(path, bytes)
  // app.js, then the shared component Taro renders deep trees with.
  requireRoot('./app.js')
  if (fs.existsSync(path.join(dist, 'comp.js'))) requireRoot('./comp.js')
  if (!appInstance) throw new Error('app.js did not call App()')
  const app = appInstance as Config
  const launch = options.launch ?? { path: appJson.pages[0], query: {} }
  const appOptions = { path: launch.path, query: launch.query, scene: launch.scene ?? 1001, referrerInfo: {} }
  call(app, 'onLaunch', [appOptions], 'App.onLaunch')
  call(app, 'onShow', [appOptions], 'App.onShow')

  function call(target: Config, name: string, args: unknown[], where: string) {
    const fn = target[name]
    if (typeof fn !== 'function') return undefined
    try {
      const out = (fn as (...a: unknown[]) => unknown).apply(target, args)
      if (out && typeof (out as Promise<unknown>).then === 'function') (out as Promise<unknown>).catch((e) => report(where, e))
      return out
    } catch (e) {
      report(where, e)
      return undefined
    }
  }

  function pageConfig(route: string): Config {
    const known = registered.get(route)
    if (known) return known
    if (!fs.existsSync(path.join(dist, `${route}.js`))) throw new Error(`页面不存在：${route}`)
    registering = route
    try {
      requireRoot(`./${route}.js`)
    } finally {
      registering = null
    }
    const config = registered.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    return config
  }

  function applySetData(route: string, target: Record<string, unknown>, payload: Record<string, unknown>) {
    const bytes = Buffer.byteLength(JSON.stringify(payload))
    const keys = Object.keys(payload).length
    setDataLog.push({ route, interaction, bytes, keys })
    interactionCalls++
    lastSetData = Date.now()
    if (bytes > maxBytes) problems.push(`setData of ${(bytes / 1024).toFixed(1)} KB on ${route} during "${interaction}" exceeds ${maxBytes / 1024} KB`)
    for (const [key, value] of Object.entries(payload)) setByPath(target, key, structuredClone(value))
  }

  function createInstance(route: string, query: Record<string, string>) {
    const config = pageConfig(route)
    const inst: Record<string, unknown> & { data: Record<string, unknown> } = Object.create(null)
    for (const [k, v] of Object.entries(config)) inst[k] = v
    inst.data = structuredClone((config.data as Record<string, unknown> | undefined) ?? {})
    inst.route = route
    inst.__route__ = route
    inst.options = query
    inst.setData = (payload: Record<string, unknown>, cb?: () => void) => {
      applySetData(route, inst.data, payload)
      if (cb) timers.setTimeout(cb, 0)
    }
    inst.selectComponent = () => null
    inst.selectAllComponents = () => []
    inst.createSelectorQuery = () => selectorQuery()
    inst.getOpenerEventChannel = () => ({ emit: () => undefined, on: () => undefined, once: () => undefined, off: () => undefined })
    inst.getPageId = () => `page-${route}`
    return inst
  }

  async function push(route: string, query: Record<string, string>): Promise<PageHandle> {
    const inst = createInstance(route, query)
    const handle = makeHandle(route, query, inst)
    const below = stack[stack.length - 1]
    if (below) call(below.inst, 'onHide', [], `${below.handle.route} onHide`)
    stack.push({ handle, inst })
    call(inst, 'onLoad', [{ ...query }], `${route} onLoad`)
    call(inst, 'onShow', [], `${route} onShow`)
    await tick()
    call(inst, 'onReady', [], `${route} onReady`)
    return handle
  }

  function pop(): void {
    const top = stack.pop()
    if (top) call(top.inst, 'onUnload', [], `${top.handle.route} onUnload`)
  }

  controls.navigate = async (kind, url, delta = 1) => {
    if (kind === 'navigateBack') {
      for (let i = 0; i < delta && stack.length > 1; i++) pop()
      const top = stack[stack.length - 1]
      if (top) call(top.inst, 'onShow', [], `${top.handle.route} onShow`)
      return
    }
    const { route, query } = parseUrl(url)
    if (!knownRoute(route)) throw new Error(`page "${route}" is not found`)
    if (kind === 'switchTab' && !tabPages.has(route)) throw new Error('can not switch to no-tabBar page')
    if (kind !== 'switchTab' && tabPages.has(route) && kind !== 'reLaunch') throw new Error('can not navigateTo a tabbar page')
    if (kind === 'redirectTo') pop()
    if (kind === 'reLaunch' || kind === 'switchTab') while (stack.length) pop()
    // WeChat answers success first and opens the page after; the harness settles on both.
    timers.setTimeout(() => void push(route, query).catch((e) => report(`${kind} ${route}`, e)), 0)
  }

  const baseWxml = fs.readFileSync(path.join(dist, 'base.wxml'), 'utf8')
  const bindings = templateBindings(baseWxml)
  const attributeKeys = templateAttributes(baseWxml)

  const allRoutes = new Set([...appJson.pages, ...(appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))])
  const knownRoute = (route: string) => allRoutes.has(route)

  function makeHandle(route: string, query: Record<string, string>, inst: Record<string, unknown> & { data: Record<string, unknown> }): PageHandle {
    const root = () => (inst.data.root as DataNode | undefined) ?? { cn: [] }
    const the = (q: NodeQuery) => {
      const found = findNodes(root(), q)
      if (found.length !== 1) throw new Error(`${route}: expected one node for ${JSON.stringify(q)}, found ${found.length}\n${allText(root()).slice(0, 2000)}`)
      return found[0]
    }
    const fire = async (q: NodeQuery, type: string, detail: Record<string, unknown>) => {
      const node = the(q)
      await interact(`${type} ${JSON.stringify(q)} on ${route}`, () => {
        const asTarget = (n: DataNode) => ({ id: n.uid ?? n.sid, dataset: { sid: n.sid } })
        const target = asTarget(node)
        // The view layer's part: the event goes to every element on the way up whose template binds
        // it (bind…="eh"), innermost first, and stops at one that catches it (catch…="eh"). Taro
        // relies on this: an inner handler waits for the outermost bound element's call.
        const chain = BUBBLING.has(type) ? [node, ...ancestorsOf(root(), node)] : [node]
        tapping = type === 'tap'
        try {
          for (const el of chain) {
            const binding = bindings.get(`${el.nn}`)?.get(type)
            if (!binding) continue
            call(inst, 'eh', [{ type, timeStamp: Date.now(), target, currentTarget: asTarget(el), detail, touches: [], changedTouches: [] }], `${route} ${type}`)
            if (binding === 'catch') break
          }
        } finally {
          tapping = false
        }
      })
    }
    return {
      route,
      query,
      instance: inst,
      root,
      text: () => allText(root()),
      find: (q) => findNodes(root(), q),
      the,
      attr: (q, name) => {
        const node = the(q)
        const key = attributeKeys.get(`${node.nn}`)?.get(name)
        if (!key) throw new Error(`${route}: the template of ${JSON.stringify(q)} (nn ${node.nn}) renders no ${name} attribute`)
        return node[key]
      },
      tap: (q) => fire(q, 'tap', { x: 10, y: 10 }),
      input: (q, value) => fire(q, 'input', { value, cursor: value.length, keyCode: 0 }),
      change: (q, value) => fire(q, 'change', { value }),
      event: fire,
    }
  }

  async function interact(name: string, act: () => void | Promise<void>) {
    interaction = name
    interactionCalls = 0
    await act()
    await settle()
    if (interactionCalls > maxCalls) problems.push(`"${name}" made ${interactionCalls} setData calls (limit ${maxCalls})`)
    // WeChat draws a node through base.wxml's template for its kind; a kind the build left out
    // (config/weapp-templates.ts drops the ones this app never renders) would show as nothing.
    for (const { handle } of stack) {
      for (const nn of kindsIn(handle.root())) {
        if (!bindings.has(nn)) problems.push(`"${name}": ${handle.route} renders a node of kind ${nn}, which base.wxml has no template for`)
      }
    }
  }

  async function settle() {
    const deadline = Date.now() + 15_000
    let quietSince = 0
    for (;;) {
      await new Promise((r) => setTimeout(r, 10))
      const busy = controls.inFlight > 0 || pendingTimers.size > 0 || Date.now() - lastSetData < 30
      if (!busy) {
        quietSince ||= Date.now()
        if (Date.now() - quietSince >= 30) return
      } else quietSince = 0
      if (Date.now() > deadline) throw new Error(`page did not settle within 15 s (requests in flight: ${controls.inFlight}, timers: ${pendingTimers.size})`)
    }
  }

  return {
    wx: controls,
    errors,
    setData: setDataLog,
    async open(route, query = {}) {
      let handle: PageHandle | null = null
      await interact(`open ${route}`, async () => {
        while (stack.length) pop()
        handle = await push(route, query)
      })
      return handle!
    },
    top: () => {
      const top = stack[stack.length - 1]
      if (!top) throw new Error('no page is open')
      return top.handle
    },
    stack: () => stack.map((p) => p.handle),
    settle,
    assertHealthy() {
      const all = [...problems, ...errors]
      if (all.length) throw new Error(`mini-program broke:\n${all.join('\n')}`)
    },
    close() {
      realProcess.off('unhandledRejection', unhandled)
      for (const h of pendingTimers.keys()) clearTimeout(h as NodeJS.Timeout)
      for (const h of intervals) clearInterval(h)
      while (stack.length) pop()
    },
  }
}

/** Events that bubble in WeChat's view layer (touch events and tap/longpress). */
const BUBBLING = new Set(['tap', 'longpress', 'longtap', 'touchstart', 'touchmove', 'touchend', 'touchcancel'])

/**
 * For each Taro node type (`nn`), the events its template hands to `eh`, and whether it lets them
 * bubble on (bind) or stops them (catch) — read from the built base.wxml.
 */
export function templateBindings(wxml: string): Map<string, Map<string, 'bind' | 'catch'>> {
  const out = new Map<string, Map<string, 'bind' | 'catch'>>()
  for (const m of wxml.matchAll(/<template name="tmpl_0_(\w+?)(?:_focus|_blur)?">\s*<[\w-]+([^>]*)>/g)) {
    const events = out.get(m[1]) ?? new Map<string, 'bind' | 'catch'>()
    for (const b of m[2].matchAll(/(bind|catch):?(\w+)="eh"/g)) events.set(b[2], b[1] as 'bind' | 'catch')
    out.set(m[1], events)
  }
  return out
}

/** For each Taro node type (`nn`), which page-data key each rendered attribute reads (src → p4). */
export function templateAttributes(wxml: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>()
  for (const m of wxml.matchAll(/<template name="tmpl_0_(\w+?)">\s*<[\w-]+([^>]*)>/g)) {
    const attrs = new Map<string, string>()
    for (const a of m[2].matchAll(/([\w-]+)="\{\{[^"]*?\bi\.(\w+)/g)) attrs.set(a[1], a[2])
    out.set(m[1], attrs)
  }
  return out
}

/** The node kinds (`nn`) in a page's tree. */
export function kindsIn(root: DataNode): Set<string> {
  const out = new Set<string>()
  const walk = (n: DataNode) => {
    for (const c of n.cn ?? []) {
      if (c.nn !== undefined) out.add(`${c.nn}`)
      walk(c)
    }
  }
  walk(root)
  return out
}

const tick = () => new Promise((r) => setTimeout(r, 0))

/** WeChat passes query values to onLoad as written in the URL (not decoded). */
export function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [p, q = ''] = url.split('?')
  const query: Record<string, string> = {}
  for (const pair of q.split('&').filter(Boolean)) {
    const i = pair.indexOf('=')
    query[i < 0 ? pair : pair.slice(0, i)] = i < 0 ? '' : pair.slice(i + 1)
  }
  return { route: p.replace(/^\//, ''), query }
}

/** Applies one setData key ("root.cn.[0].cn.[2].v", "list[3].name") to the target. */
export function setByPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = [...key.matchAll(/\[(\d+)\]|[^.[\]]+/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[0]))
  let node: Record<string | number, unknown> = target
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]
    const next = parts[i + 1]
    if (node[part] === undefined || node[part] === null || typeof node[part] !== 'object') node[part] = typeof next === 'number' ? [] : {}
    node = node[part] as Record<string | number, unknown>
  }
  node[parts[parts.length - 1]] = value
}

function selectorQuery() {
  const q = {
    select: () => q,
    selectAll: () => q,
    selectViewport: () => q,
    in: () => q,
    boundingClientRect: (cb?: (r: unknown) => void) => {
      cb?.({ top: 0, left: 0, width: 390, height: 100, bottom: 100, right: 390 })
      return q
    },
    scrollOffset: (cb?: (r: unknown) => void) => {
      cb?.({ scrollTop: 0, scrollLeft: 0 })
      return q
    },
    fields: (_f: unknown, cb?: (r: unknown) => void) => {
      cb?.({})
      return q
    },
    node: (cb?: (r: unknown) => void) => {
      cb?.({ node: null })
      return q
    },
    exec: (cb?: (r: unknown[]) => void) => cb?.([]),
  }
  return q
}
