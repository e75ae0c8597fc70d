// The WeChat background-audio panel (lock screen, notification shade) names the guide's album in the
// language the visitor chose: a visitor who switched to English does not read a Chinese album name.
import { startServer, type RunningServer } from '../harness'
import { launchMiniProgram, type MiniProgram } from './mini-program'
import { ensureWeappBuild } from './build'
import { visitorIdentity } from './identity'

let server: RunningServer
const opened: MiniProgram[] = []

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer({ CLOCK_AT: '2026-11-27T08:50:00+08:00' }, { h5: false })
})
afterAll(async () => {
  for (const mp of opened) mp.close()
  await server?.stop()
})

/** Plays the helmet's guide on a phone whose visitor chose `lang`; answers what the panel was given. */
async function panelFor(lang: 'zh' | 'en') {
  const mp = await launchMiniProgram({ serverUrl: server.url, identity: visitorIdentity(server), storage: { 'gxq.lang': lang } })
  opened.push(mp)
  const listen = await mp.open('guide/pages/listen/index', { id: 'helmet' })
  await listen.tap({ cls: 'listen__play' })
  const set = (key: string) => mp.wx.audio.filter((a) => a.op === `set ${key}`).at(-1)?.value
  mp.assertHealthy()
  return { album: set('epname') }
}

test('in English the panel shows the English album name; in Chinese the Chinese one', async () => {
  const en = await panelFor('en')
  expect(en.album).toBe('High-tech Zone Science and Technology Museum audio guide')
  expect((await panelFor('zh')).album).toBe('高新区科技馆语音导览')
})
