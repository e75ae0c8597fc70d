import { requestVisitReminder } from './subscribe'
import { consentFrom } from './subscribe-consent'

describe('visit reminder consent', () => {
  it('reads each WeChat answer for our template', () => {
    expect(consentFrom({ T1: 'accept', errMsg: 'requestSubscribeMessage:ok' }, 'T1')).toBe('accept')
    expect(consentFrom({ T1: 'reject' }, 'T1')).toBe('reject')
    expect(consentFrom({ T1: 'ban' }, 'T1')).toBe('ban')
    expect(consentFrom({ T1: 'filter' }, 'T1')).toBe('unavailable')
    expect(consentFrom({ OTHER: 'accept' }, 'T1')).toBe('unavailable')
    expect(consentFrom(null, 'T1')).toBe('unavailable')
  })

  it('asks nothing on H5 and says the reminder is unsupported there', async () => {
    await expect(requestVisitReminder()).resolves.toBe('unsupported')
  })
})
