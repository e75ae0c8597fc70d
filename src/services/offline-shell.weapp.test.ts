// weapp offline files, the main package's part: the index of saved files (offlineSrc) and the loader
// that fetches the keeper from the exhibits subpackage with WeChat's require.async the first time
// something is to be kept (the keeper itself: e2e/weapp/offline.test.ts).
import Taro from '@tarojs/taro'

const mockStorage = new Map<string, unknown>()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => (mockStorage.has(k) ? mockStorage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void mockStorage.set(k, v),
  },
}))

type Shell = typeof import('./offline-shell.weapp')
const g = globalThis as unknown as { __non_webpack_require__?: { async: jest.Mock } }

/** A fresh module (as on a cold start) over what storage holds; `load` stands for require.async. */
function coldStart(load: (shell: Shell) => Promise<unknown>): Shell {
  let shell!: Shell
  jest.isolateModules(() => {
    shell = jest.requireActual<Shell>('./offline-shell.weapp')
  })
  g.__non_webpack_require__ = { async: jest.fn(() => load(shell)) }
  return shell
}

afterEach(() => {
  mockStorage.clear()
  delete g.__non_webpack_require__
})

test('offlineSrc gives the saved path of a kept file, and the URL itself otherwise', () => {
  mockStorage.set('gxq.files', [{ url: '/media/exhibits/helmet.svg', path: 'wxfile://usr/gxq-helmet.svg', bytes: 1082, kind: 'picture', usedAt: 1 }])
  const shell = coldStart(() => Promise.reject(new Error('not used')))
  expect(shell.offlineSrc('/media/exhibits/helmet.svg')).toBe('wxfile://usr/gxq-helmet.svg')
  expect(shell.offlineSrc('/media/exhibits/vanadium.svg')).toBe('/media/exhibits/vanadium.svg')
})

test('the first keep loads the keeper from the exhibits subpackage once; later keeps use it directly', async () => {
  const keeper = jest.fn((urls: string[]) => Promise.resolve(urls.length))
  const shell = coldStart((s) => Promise.resolve(s.installKeeper(keeper)))
  await expect(shell.keepFiles(['/a.mp3'], 'played')).resolves.toBe(1)
  await expect(shell.keepFiles(['/b.svg', '/c.svg'], 'picture')).resolves.toBe(2)
  expect(g.__non_webpack_require__!.async).toHaveBeenCalledTimes(1)
  expect(g.__non_webpack_require__!.async).toHaveBeenCalledWith('./exhibits/keeper.js')
  expect(keeper).toHaveBeenLastCalledWith(['/b.svg', '/c.svg'], 'picture')
})

test('when the subpackage cannot load (no network on a first launch), nothing is kept and nothing throws; the next keep tries again', async () => {
  let fail = true
  const keeper = jest.fn(() => Promise.resolve(1))
  const shell = coldStart((s) => (fail ? Promise.reject({ errMsg: 'require.async:fail', mod: './exhibits/keeper.js' }) : Promise.resolve(s.installKeeper(keeper))))
  await expect(shell.keepFiles(['/a.svg'], 'picture')).resolves.toBe(0)
  fail = false
  await expect(shell.keepFiles(['/a.svg'], 'picture')).resolves.toBe(1)
  expect(g.__non_webpack_require__!.async).toHaveBeenCalledTimes(2)
})

test('the keeper writes the index through keptFiles(next): remembered, and in mockStorage for the next launch', () => {
  const shell = coldStart(() => Promise.resolve())
  const file = { url: '/a.mp3', path: 'wxfile://usr/gxq-a.mp3', bytes: 10, kind: 'played' as const, usedAt: 2 }
  shell.keptFiles([file])
  expect(shell.offlineSrc('/a.mp3')).toBe(file.path)
  expect(mockStorage.get('gxq.files')).toEqual([file])
  expect(Taro.getStorageSync('gxq.files')).toEqual([file])
})
