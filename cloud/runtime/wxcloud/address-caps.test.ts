// The mini-program's path applies the per-network caps too, where getWXContext names the client's
// address (CLIENTIP / CLIENTIPV6), more generously than H5 (an OPENID costs a WeChat account):
// OPENIDs from one address cannot take a session either. Through the bundled entry's main() over
// the wx-server-sdk stand-in (identity and address from process.env, as the real runtime sets them).
import { functions } from '../../functions'
import { createStandinSdk } from '../../store/wxcloud/standin/sdk'
import { COLLECTIONS } from '../../store/wxcloud/collections'
import { residentId } from '../../testing/booking'
import { WECHAT_ADDRESS_CAPS } from '../../limits/rate-limit-policy'
import { createFunctionMain, type WxServerSdk } from './entry'

jest.setTimeout(120_000)

const saved = { ...process.env }
afterEach(() => {
  for (const k of ['WX_OPENID', 'WX_CLIENTIP', 'WX_CLIENTIPV6']) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
})

test(`OPENIDs from one address hold at most ${WECHAT_ADDRESS_CAPS.placesPerSession} places of a session; the same people from their own addresses book`, async () => {
  const standin = createStandinSdk()
  for (const c of COLLECTIONS) await standin.__standin.db.createCollection(c.name)
  const sdk = standin as unknown as WxServerSdk
  const booking = createFunctionMain(functions.booking, sdk, { APP_SECRET: 'wx-caps-secret' })
  const as = async (openid: string, address: string, event: object) => {
    process.env.WX_OPENID = openid
    process.env.WX_CLIENTIP = address
    return (await booking(event)) as any
  }
  const calendar = await as('o-any', '198.51.100.1', { action: 'calendar' })
  const session = calendar.data.days.flatMap((d: any) => d.sessions).find((s: any) => s.status === 'open' && s.left >= 100).id
  const people = Math.ceil(WECHAT_ADDRESS_CAPS.placesPerSession / 5) + 2
  let serial = 0
  const answers = []
  for (let p = 0; p < people; p++) {
    const ids = []
    // Each saves its visitors from its own phone network, then books from the one address.
    for (let k = 0; k < 5; k++) ids.push((await as(`o-wx-${p}`, `10.20.${p}.${k + 1}`, { action: 'addVisitor', name: '张三', idType: 'resident', idNumber: residentId(serial++, '19910101', '210203') })).data.visitor.id)
    answers.push(await as(`o-wx-${p}`, '203.0.113.77', { action: 'book', sessionId: session, visitorIds: ids, clientRequestId: `wx-caps-${p}-xx` }))
  }
  const places = answers.filter((a) => a.ok).length * 5
  expect(places).toBe(WECHAT_ADDRESS_CAPS.placesPerSession)
  expect(answers.filter((a) => !a.ok).map((a) => a.error.code)).toEqual(['ADDRESS_PLACES_LIMIT', 'ADDRESS_PLACES_LIMIT'])
  // Without an address (the context does not always name one) only the per-OPENID caps apply.
  delete process.env.WX_CLIENTIP
  process.env.WX_OPENID = 'o-wx-late'
  const late = await booking({ action: 'addVisitor', name: '李四', idType: 'resident', idNumber: residentId(900, '19910101', '210203') })
  expect((late as any).ok).toBe(true)
})
