// A fake `wx` for running the built mini-program (dist/weapp) in Node. It answers the way WeChat's
// documentation says each API answers — `success`/`fail`/`complete` callbacks, a Promise when no
// callback is given, `errMsg: '<api>:ok'` or `'<api>:fail …'` — and records every call, so a test
// can say "the reminder was requested" or "the audio guide set this src".
//
// Only the APIs the app uses are here, on purpose: Taro wraps exactly the keys of `wx`, so a page
// that starts calling an API this fake does not know fails with "Taro.x is not a function" in the
// harness instead of passing silently. Add the API here (with its documented answers) when that
// happens.
//
// What it cannot prove (see docs/architecture.md "What is tested against what"): that WeChat shows the dialogs,
// that the camera reads a printed code, that background audio keeps playing on a locked phone.

export interface WxCall {
  api: string
  args: unknown
}

/** An answer the scanner gives: a read code, or the visitor closing the scanner. */
export type ScanAnswer = { result: string; path?: string } | 'cancel'

/** requestSubscribeMessage: per-template answers, or the whole request failing (e.g. 20004: the visitor turned off all subscriptions). */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter' | { errCode: number; errMsg: string }

export interface FakeWxControls {
  calls: WxCall[]
  /** 'none' = no network: cloud calls and requests fail the way WeChat fails them. */
  network: 'wifi' | 'none'
  /** Extra time each request takes before it is answered (a slow line), so a test can see a page while it loads. */
  latencyMs: number
  scanAnswers: ScanAnswer[]
  subscribeAnswer: SubscribeAnswer
  /** showModal: confirm (true) or cancel (false); defaults to confirm. */
  modalAnswers: boolean[]
  storage: Map<string, unknown>
  /** Saved files (wx.getFileSystemManager().saveFile): local path → bytes; kept across a cold start like storage is. */
  files: Map<string, number>
  /** The content of files the app wrote itself (writeFileSync under USER_DATA_PATH), by path. */
  written: Map<string, Buffer>
  /**
   * wx.chooseMessageFile: the files a person picks from a chat, in turn (name and bytes), or
   * 'cancel' (an empty queue too) for closing the picker.
   */
  messageFiles: Array<{ name: string; bytes: Buffer } | 'cancel'>
  /** Background audio manager: every property set and method called, in order. */
  audio: Array<{ op: string; value?: unknown }>
  /** Called by the page loader to carry out navigation. */
  navigate: (kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack', url: string, delta?: number) => Promise<void>
  /** Whether a tap is being handled now (WeChat shows some dialogs only from a tap). */
  inTap: () => boolean
  /** Async calls not yet answered (requests, dialogs, navigation), so the harness knows when a page has settled. */
  inFlight: number
  calledNames(): string[]
  callsTo(api: string): unknown[]
}

export interface FakeWxOptions {
  /** Base URL of the local runtime (cloud functions at /api/<name>). */
  serverUrl: string
  /** Bearer token standing in for the OPENID WeChat attaches to every cloud call. */
  identity: () => Promise<string>
  /** Called for a thrown error inside a callback (WeChat reports it as an uncaught error). */
  onError: (e: unknown) => void
}

type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void }

/** wx.env.USER_DATA_PATH: where a mini-program's own saved files live. */
export const USER_DATA_PATH = 'wxfile://usr'

const MAX_STORAGE_ITEM = 1024 * 1024 // 1 MB per key (wx.setStorage)

export function createFakeWx(options: FakeWxOptions): { wx: Record<string, unknown>; controls: FakeWxControls } {
  const controls: FakeWxControls = {
    calls: [],
    network: 'wifi',
    latencyMs: 0,
    scanAnswers: [],
    subscribeAnswer: 'accept',
    modalAnswers: [],
    storage: new Map(),
    files: new Map(),
    messageFiles: [],
    written: new Map(),
    audio: [],
    navigate: async () => {
      throw new Error('navigation is not connected')
    },
    inTap: () => false,
    inFlight: 0,
    calledNames() {
      return this.calls.map((c) => c.api)
    },
    callsTo(api) {
      return this.calls.filter((c) => c.api === api).map((c) => c.args)
    },
  }

  const record = (api: string, args: unknown) => controls.calls.push({ api, args })

  /**
   * An async wx API: `run` gives the success payload or throws a fail payload. Answers on a later
   * turn, like WeChat (never synchronously inside the call).
   */
  const asyncApi = (api: string, run: (opts: Record<string, unknown>) => unknown | Promise<unknown>) =>
    (opts: Record<string, unknown> & Callbacks = {}) => {
      record(api, stripCallbacks(opts))
      // Counted until answered, so the harness does not call a page settled while WeChat is busy.
      controls.inFlight++
      const promise = (async () => {
        try {
          await Promise.resolve()
          const payload = (await run(opts)) as Record<string, unknown> | undefined
          return { errMsg: `${api}:ok`, ...(payload ?? {}) }
        } finally {
          controls.inFlight--
        }
      })()
      const settled = promise.then(
        (res) => {
          safe(() => opts.success?.(res))
          safe(() => opts.complete?.(res))
          return res
        },
        (err: unknown) => {
          const res = failPayload(api, err)
          safe(() => opts.fail?.(res))
          safe(() => opts.complete?.(res))
          throw res
        },
      )
      // With callbacks WeChat returns nothing (or a task); without, a Promise (base library ≥ 2.10.2).
      if (opts.success || opts.fail || opts.complete) {
        settled.catch(() => undefined)
        return undefined
      }
      return settled
    }

  const safe = (fn: () => void) => {
    try {
      fn()
    } catch (e) {
      options.onError(e)
    }
  }

  class WxFail {
    constructor(readonly errMsg: string, readonly errCode?: number) {}
  }
  const failPayload = (api: string, err: unknown) => {
    if (err instanceof WxFail) return { errMsg: `${api}:fail ${err.errMsg}`, ...(err.errCode !== undefined ? { errCode: err.errCode } : {}) }
    return { errMsg: `${api}:fail ${err instanceof Error ? err.message : String(err)}` }
  }

  let token: Promise<string> | null = null
  const post = async (url: string, body: unknown, bearer: string | null) => {
    if (controls.latencyMs > 0) await new Promise((r) => setTimeout(r, controls.latencyMs))
    if (controls.network === 'none') throw new WxFail('request:fail net::ERR_INTERNET_DISCONNECTED', -1)
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify(body ?? {}),
    })
    return { status: res.status, data: (await res.json()) as unknown }
  }

  const audio = createAudioManager(controls, safe)

  // FileSystemManager: temporary files from downloadFile, saved files under USER_DATA_PATH (controls.files).
  let tempFiles = 0
  const temp = new Map<string, number>()
  // Temporary files whose bytes the app reads back (chosen from a chat).
  const tempBytes = new Map<string, Buffer>()
  const sizeOf = (p: string) => temp.get(p) ?? controls.files.get(p)
  const fileSystem = {
    // readFileSync(filePath, encoding): a string for an encoding, else an ArrayBuffer; throws for a
    // missing file (the sync APIs throw an Error with the fail message).
    readFileSync: (filePath: string, encoding?: string) => {
      record('fs.readFileSync', { filePath, encoding })
      const bytes = tempBytes.get(String(filePath))
      if (!bytes) throw new Error(`readFileSync:fail no such file or directory, open "${String(filePath)}"`)
      if (encoding === 'base64' || encoding === 'utf8' || encoding === 'utf-8' || encoding === 'hex') return bytes.toString(encoding === 'utf-8' ? 'utf8' : encoding)
      if (encoding) throw new Error(`readFileSync:fail invalid encoding "${encoding}"`)
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
    },
    getFileInfo: asyncApi('fs.getFileInfo', (o) => {
      const size = sizeOf(String(o.filePath))
      if (size === undefined) throw new WxFail(`no such file or directory ${String(o.filePath)}`)
      return { size }
    }),
    // saveFile moves the temporary file (it is gone afterwards), as documented.
    saveFile: asyncApi('fs.saveFile', (o) => {
      const from = String(o.tempFilePath)
      const size = temp.get(from)
      if (size === undefined) throw new WxFail(`tempFilePath file not exist`)
      const to = String(o.filePath ?? `${USER_DATA_PATH}/saved-${tempFiles}`)
      if (!to.startsWith(`${USER_DATA_PATH}/`)) throw new WxFail(`permission denied, open "${to}"`)
      temp.delete(from)
      controls.files.set(to, size)
      return { savedFilePath: to }
    }),
    // writeFileSync(filePath, data, encoding): only under USER_DATA_PATH, as documented.
    writeFileSync: (filePath: string, data: string | ArrayBuffer, encoding = 'utf8') => {
      record('fs.writeFileSync', { filePath, encoding })
      if (!String(filePath).startsWith(`${USER_DATA_PATH}/`)) throw new Error(`writeFileSync:fail permission denied, open "${String(filePath)}"`)
      const bytes = typeof data === 'string' ? Buffer.from(data, encoding as BufferEncoding) : Buffer.from(data)
      controls.written.set(String(filePath), bytes)
      controls.files.set(String(filePath), bytes.byteLength)
    },
    unlink: asyncApi('fs.unlink', (o) => {
      if (!controls.files.delete(String(o.filePath))) throw new WxFail(`no such file or directory, open "${String(o.filePath)}"`)
    }),
  }

  const wx: Record<string, unknown> = {
    // System information: a mid-range iPhone on WeChat 8 with base library 3.x.
    getSystemInfoSync: () => ({ ...deviceInfo, ...windowInfo, ...appBaseInfo }),
    getAppBaseInfo: () => ({ ...appBaseInfo }),
    getWindowInfo: () => ({ ...windowInfo }),
    getDeviceInfo: () => ({ ...deviceInfo }),
    getSystemInfo: asyncApi('getSystemInfo', () => ({ ...deviceInfo, ...windowInfo, ...appBaseInfo })),
    canIUse: () => true,
    getLaunchOptionsSync: () => ({ path: 'pages/home/index', query: {}, scene: 1001, referrerInfo: {} }),
    getNetworkType: asyncApi('getNetworkType', () => ({ networkType: controls.network, signalStrength: 0, hasSystemProxy: false })),
    onNetworkStatusChange: () => undefined,
    offNetworkStatusChange: () => undefined,

    // Storage: '' for a missing key (wx.getStorageSync), 1 MB per key.
    getStorageSync: (key: string) => (controls.storage.has(key) ? structuredClone(controls.storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => {
      if (typeof key !== 'string' || key === '') throw new Error('setStorageSync:fail parameter error: parameter.key should be String instead of Undefined;')
      if (JSON.stringify(value ?? null).length > MAX_STORAGE_ITEM) throw new Error('setStorageSync:fail exceed storage item max length')
      controls.storage.set(key, structuredClone(value))
    },
    removeStorageSync: (key: string) => void controls.storage.delete(key),
    clearStorageSync: () => controls.storage.clear(),
    getStorageInfoSync: () => ({ keys: [...controls.storage.keys()], currentSize: 0, limitSize: 10240 }),

    // UI feedback: shown, recorded, nothing to wait for.
    showToast: asyncApi('showToast', () => undefined),
    hideToast: asyncApi('hideToast', () => undefined),
    showLoading: asyncApi('showLoading', () => undefined),
    hideLoading: asyncApi('hideLoading', () => undefined),
    showModal: asyncApi('showModal', () => {
      const confirm = controls.modalAnswers.length ? controls.modalAnswers.shift()! : true
      return { confirm, cancel: !confirm }
    }),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', () => undefined),
    setNavigationBarColor: asyncApi('setNavigationBarColor', () => undefined),
    setTabBarItem: asyncApi('setTabBarItem', () => undefined),
    pageScrollTo: asyncApi('pageScrollTo', () => undefined),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => undefined),
    showShareMenu: asyncApi('showShareMenu', () => undefined),
    setClipboardData: asyncApi('setClipboardData', () => undefined),
    makePhoneCall: asyncApi('makePhoneCall', () => undefined),
    openLocation: asyncApi('openLocation', () => undefined),
    previewImage: asyncApi('previewImage', () => undefined),
    saveImageToPhotosAlbum: asyncApi('saveImageToPhotosAlbum', () => undefined),
    showShareImageMenu: asyncApi('showShareImageMenu', () => undefined),

    // Routing is carried out by the page loader (mini-program.ts).
    navigateTo: asyncApi('navigateTo', (o) => controls.navigate('navigateTo', String(o.url))),
    redirectTo: asyncApi('redirectTo', (o) => controls.navigate('redirectTo', String(o.url))),
    switchTab: asyncApi('switchTab', (o) => controls.navigate('switchTab', String(o.url))),
    reLaunch: asyncApi('reLaunch', (o) => controls.navigate('reLaunch', String(o.url))),
    navigateBack: asyncApi('navigateBack', (o) => controls.navigate('navigateBack', '', Number(o.delta ?? 1))),

    // The scanner answers from the queue; an empty queue or 'cancel' is the visitor closing it.
    scanCode: asyncApi('scanCode', () => {
      const answer = controls.scanAnswers.shift() ?? 'cancel'
      if (answer === 'cancel') throw new WxFail('cancel')
      return { result: answer.result, scanType: 'QR_CODE', charSet: 'utf-8', rawData: Buffer.from(answer.result).toString('base64'), ...(answer.path ? { path: answer.path } : {}) }
    }),

    // WeChat shows the subscription dialog only from a tap; elsewhere the call fails (errCode 10005 class).
    requestSubscribeMessage: (opts: Record<string, unknown>) => {
      const fromTap = controls.inTap() // judged when called, as WeChat does
      return asyncApi('requestSubscribeMessage', (o) => {
      if (!fromTap) throw new WxFail('can only be invoked by user TAP gesture.', 10005)
      const ids = (o.tmplIds as string[] | undefined) ?? []
      if (ids.length === 0) throw new WxFail('parameter error: parameter.tmplIds should be Array', 10001)
      const answer = controls.subscribeAnswer
      if (typeof answer === 'object') throw new WxFail(answer.errMsg, answer.errCode)
      return Object.fromEntries(ids.map((id) => [id, answer]))
      })(opts)
    },

    request: asyncApi('request', async (o) => {
      const url = String(o.url).startsWith('http') ? String(o.url) : `${options.serverUrl}${String(o.url)}`
      const res = await post(url, o.data, null)
      return { statusCode: res.status, data: res.data, header: {} }
    }),

    // wx.downloadFile: the body into a temporary file (fails offline like a request); relative URLs go to the local runtime.
    env: { USER_DATA_PATH: USER_DATA_PATH },
    downloadFile: asyncApi('downloadFile', async (o) => {
      if (controls.latencyMs > 0) await new Promise((r) => setTimeout(r, controls.latencyMs))
      if (controls.network === 'none') throw new WxFail('downloadFile:fail net::ERR_INTERNET_DISCONNECTED', -1)
      const url = String(o.url).startsWith('http') ? String(o.url) : `${options.serverUrl}${String(o.url)}`
      const res = await fetch(url)
      const tempFilePath = `wxfile://tmp/${++tempFiles}`
      temp.set(tempFilePath, (await res.arrayBuffer()).byteLength)
      return { tempFilePath, statusCode: res.status }
    }),
    // wx.chooseMessageFile: the next queued file becomes a temporary file (tempFiles[].path, name, size).
    chooseMessageFile: asyncApi('chooseMessageFile', (o) => {
      const answer = controls.messageFiles.shift() ?? 'cancel'
      if (answer === 'cancel') throw new WxFail('cancel')
      const ext = answer.name.split('.').pop()?.toLowerCase() ?? ''
      const allowed = o.extension as string[] | undefined
      if (allowed && !allowed.map((e) => e.replace(/^\./, '').toLowerCase()).includes(ext)) throw new WxFail('cancel')
      const path = `wxfile://tmp/${++tempFiles}.${ext}`
      tempBytes.set(path, answer.bytes)
      temp.set(path, answer.bytes.byteLength)
      return { tempFiles: [{ path, size: answer.bytes.byteLength, name: answer.name, type: 'file', time: 1764200000 }] }
    }),
    // wx.openDocument: opens a local file (it must exist) of a type WeChat can show.
    openDocument: asyncApi('openDocument', (o) => {
      if (sizeOf(String(o.filePath)) === undefined) throw new WxFail('file not exist')
      if (o.fileType !== undefined && !['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'].includes(String(o.fileType))) throw new WxFail('filetype not supported')
    }),
    getFileSystemManager: () => {
      record('getFileSystemManager', undefined)
      return fileSystem
    },

    getBackgroundAudioManager: () => {
      record('getBackgroundAudioManager', undefined)
      return audio
    },

    createOffscreenCanvas: (o: unknown) => {
      record('createOffscreenCanvas', o)
      return createCanvas()
    },
    canvasToTempFilePath: asyncApi('canvasToTempFilePath', () => ({ tempFilePath: 'wxfile://tmp/harness-share.png' })),

    cloud: {
      init: (o: unknown) => record('cloud.init', o),
      // wx.cloud.callFunction: the result is whatever the function returned, whatever its HTTP status
      // would have been; WeChat attaches the caller's identity (here: the token from `identity`).
      callFunction: asyncApi('cloud.callFunction', async (o) => {
        token ??= options.identity()
        const res = await post(`${options.serverUrl}/api/${String(o.name)}`, o.data, await token)
        if (res.status === 404) throw new WxFail(`errCode: -501000 | errMsg: FunctionName parameter could not be found`, -501000)
        return { result: res.data, requestID: `harness-${controls.calls.length}` }
      }),
    },
  }
  return { wx, controls }
}

function stripCallbacks(opts: Record<string, unknown>) {
  const rest: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(opts)) if (typeof v !== 'function') rest[k] = v
  return rest
}

const deviceInfo = { brand: 'iPhone', model: 'iPhone 13', system: 'iOS 17.5', platform: 'ios', pixelRatio: 3 }
const windowInfo = { screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 763, statusBarHeight: 47, safeArea: { top: 47, left: 0, right: 390, bottom: 810, width: 390, height: 763 } }
const appBaseInfo = { SDKVersion: '3.7.0', version: '8.0.50', language: 'zh_CN', theme: 'light', fontSizeSetting: 17, enableDebug: false }

/** wx.getBackgroundAudioManager(): setting src starts playback (onCanplay → onPlay), as documented. */
function createAudioManager(controls: FakeWxControls, safe: (fn: () => void) => void) {
  const handlers: Record<string, Array<() => void>> = {}
  const fire = (name: string) => setTimeout(() => (handlers[name] ?? []).forEach((h) => safe(h)), 0)
  const props: Record<string, unknown> = { src: '', title: '', epname: '', singer: '', coverImgUrl: '', currentTime: 0, duration: 0, paused: true }
  const manager: Record<string, unknown> = {}
  for (const key of Object.keys(props)) {
    Object.defineProperty(manager, key, {
      enumerable: true,
      get: () => props[key],
      set: (value: unknown) => {
        props[key] = value
        controls.audio.push({ op: `set ${key}`, value })
        // A streamed src cannot load without network (WeChat fires onError); a saved file plays.
        if (key === 'src' && value && controls.network === 'none' && !String(value).startsWith(USER_DATA_PATH)) {
          props.paused = true
          fire('onError')
        } else if (key === 'src' && value) {
          props.paused = false
          fire('onCanplay')
          fire('onPlay')
        }
      },
    })
  }
  for (const name of ['onCanplay', 'onPlay', 'onPause', 'onStop', 'onEnded', 'onTimeUpdate', 'onError', 'onWaiting', 'onSeeking', 'onSeeked', 'onPrev', 'onNext']) {
    manager[name] = (h: () => void) => (handlers[name] ??= []).push(h)
  }
  const method = (name: string, event: string | null, after?: () => void) => (value?: unknown) => {
    controls.audio.push({ op: name, ...(value !== undefined ? { value } : {}) })
    after?.()
    if (event) fire(event)
  }
  manager.play = method('play', 'onPlay', () => (props.paused = false))
  manager.pause = method('pause', 'onPause', () => (props.paused = true))
  manager.stop = method('stop', 'onStop', () => (props.paused = true))
  manager.seek = method('seek', 'onSeeked')
  return manager
}

/** An OffscreenCanvas whose 2d context accepts drawing and measures text at 1em per character. */
function createCanvas() {
  const ctx = new Proxy<Record<string, unknown>>(
    { font: '16px sans-serif' },
    {
      get(target, key) {
        if (key in target) return target[key as string]
        if (key === 'measureText') return (text: string) => ({ width: text.length * (parseInt(String(target.font).match(/(\d+)px/)?.[1] ?? '16', 10)) })
        if (key === 'createLinearGradient') return () => ({ addColorStop: () => undefined })
        return () => undefined
      },
      set(target, key, value) {
        target[key as string] = value
        return true
      },
    },
  )
  return { width: 0, height: 0, getContext: () => ctx, createImage: () => ({ onload: null, onerror: null, src: '' }) }
}
