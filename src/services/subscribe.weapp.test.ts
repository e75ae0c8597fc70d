// weapp: the booking tap asks, in one dialog, for the visit reminder and the closure notice — a
// closure notice can only reach a visitor who accepted its template (one message per acceptance).
import Taro from '@tarojs/taro'
import { requestVisitReminder } from './subscribe.weapp'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: jest.fn() } }))
const ask = (Taro as unknown as { requestSubscribeMessage: jest.Mock }).requestSubscribeMessage

describe('requestVisitReminder (weapp)', () => {
  beforeEach(() => ask.mockReset())

  it('asks for both templates in one dialog and answers the reminder consent', async () => {
    ask.mockResolvedValueOnce({ REMIND: 'accept', CLOSE: 'reject', errMsg: 'requestSubscribeMessage:ok' })
    await expect(requestVisitReminder('REMIND', 'CLOSE')).resolves.toBe('accept')
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['REMIND', 'CLOSE'] })
  })

  it('asks for the closure notice alone when no reminder template is built in', async () => {
    ask.mockResolvedValueOnce({ CLOSE: 'accept' })
    await expect(requestVisitReminder('', 'CLOSE')).resolves.toBe('unavailable')
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['CLOSE'] })
  })
})
