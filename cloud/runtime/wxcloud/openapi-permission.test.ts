// An open API called without its permission answers -604101 (the permission in config.json is applied
// only by a DevTools upload). The failure an operator reads — in the outbox's failed messages and the
// reminders log — must say which permission is missing and how to apply it.
import { COLLECTIONS } from '../../store/wxcloud/collections'
import { openWxCloudStore } from '../../store/wxcloud'
import { createStandinSdk } from '../../store/wxcloud/standin/sdk'
import { reminders } from '../../jobs'
import { createJobMain, type WxServerSdk } from './entry'

it('a subscribe send refused with -604101 is recorded as a missing subscribeMessage.send permission, with the fix', async () => {
  const sdk = createStandinSdk()
  for (const c of COLLECTIONS) await sdk.__standin.db.createCollection(c.name)
  sdk.openapi.subscribeMessage.send = async () => {
    throw { errCode: -604101, errMsg: 'openapi.subscribeMessage.send:fail system error: error code: -604101' }
  }
  const store = openWxCloudStore(sdk.__standin.db)
  await store.outbox.enqueue({ id: 'closure:b1', kind: 'closure-notice', touser: 'o-1', templateId: 'T', page: 'x', data: {}, createdAt: new Date().toISOString() })
  const main = createJobMain(reminders, sdk as unknown as WxServerSdk, { REMINDER_TEMPLATE_ID: '', SCF_FUNCTIONNAME: 'reminders' })
  const res = (await main()) as { ok: boolean; data: { drained: { failures: Array<{ error: string }> } } }
  expect(res.ok).toBe(true)
  expect(res.data.drained.failures[0].error).toMatch(/缺少云调用权限 subscribeMessage\.send（-604101）.*微信开发者工具.*reminders/)
})
