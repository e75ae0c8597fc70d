import { tempSqliteStore } from '../cloud/testing/stores'
import { runOutbox } from './outbox'

const message = (id: string, touser: string) => ({
  id,
  kind: 'visit-reminder' as const,
  touser,
  templateId: 'T',
  page: 'pages/mine/index',
  data: { thing1: { value: '大连高新区科技馆' }, date2: { value: '2026年12月02日' } },
  createdAt: '2026-12-01T02:00:00.000Z',
})

describe('npm run outbox (local outbox over a real SQLite file)', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  beforeEach(async () => {
    env = await tempSqliteStore({ seed: false })
  })
  afterEach(() => env.cleanup())
  const now = () => new Date('2026-12-01T02:00:00.000Z')

  it('prints each pending message once, then has nothing left', async () => {
    await env.store.outbox.enqueue(message('remind:b1', 'o-1'))
    await env.store.outbox.enqueue(message('remind:b2', 'o-2'))
    const lines: string[] = []
    const first = await runOutbox(env.store, { now, env: {}, log: (s) => lines.push(s) })
    expect(first).toMatchObject({ sent: 2, failed: 0 })
    const text = lines.join('\n')
    expect(text).toContain('→ o-1  模板 T  打开 pages/mine/index  (remind:b1)')
    expect(text).toContain('date2: 2026年12月02日')
    expect(text).toContain('明天（2026-12-02）的参观：0 个预约')
    const again: string[] = []
    expect(await runOutbox(env.store, { now, env: {}, log: (s) => again.push(s) })).toMatchObject({ sent: 0 })
    expect(again.join('\n')).toContain('没有待发送的消息')
  })

  it('--peek prints without settling', async () => {
    await env.store.outbox.enqueue(message('remind:b1', 'o-1'))
    const lines: string[] = []
    await runOutbox(env.store, { now, env: {}, peek: true, log: (s) => lines.push(s) })
    expect(lines.join('\n')).toContain('(remind:b1)')
    expect(await env.store.outbox.pending(10)).toHaveLength(1)
  })
})
