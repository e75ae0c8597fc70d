import { ringFromSecret } from '../booking/keys'
import { leaderCode, readLeaderCode } from './leader-code'

describe('the group leader code', () => {
  const ring = ringFromSecret('secret')
  it('reads back the request id it was made for', () => {
    const code = leaderCode(ring, 'AbCdEfGh12345678')
    expect(code).toMatch(/^G1\.k0\.AbCdEfGh12345678\.[A-Za-z0-9_-]{16}$/)
    expect(readLeaderCode(ring, code)).toBe('AbCdEfGh12345678')
  })
  it('refuses an altered id, a forged signature, another server’s code, and an e-ticket code', () => {
    const code = leaderCode(ring, 'AbCdEfGh12345678')
    expect(readLeaderCode(ring, code.replace('AbCdEfGh12345678', 'AbCdEfGh12345679'))).toBeNull()
    expect(readLeaderCode(ring, `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`)).toBeNull()
    expect(readLeaderCode(ringFromSecret('other'), code)).toBeNull()
    expect(readLeaderCode(ring, 'T2.k0.AbCdEfGh12345678.AbCdEfGh12345678')).toBeNull()
  })
  it('stays valid after a key rotation while the old key is kept', () => {
    const code = leaderCode(ring, 'AbCdEfGh12345678')
    const rotated = { idKey: ring.idKey, signing: [{ id: 'k1', secret: 'new' }, ...ring.signing] }
    expect(readLeaderCode(rotated, code)).toBe('AbCdEfGh12345678')
    expect(readLeaderCode({ idKey: ring.idKey, signing: [{ id: 'k1', secret: 'new' }] }, code)).toBeNull()
  })
})
