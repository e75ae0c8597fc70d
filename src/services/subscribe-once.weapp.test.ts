// weapp: a 对接 status or 政策提醒 tap asks for one message from one template; only an accepted
// template lets the cloud send, and a failed prompt never blocks what the person was doing.
import Taro from '@tarojs/taro'
import { askOneMessage } from './subscribe-once.weapp'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: jest.fn() } }))
const ask = (Taro as unknown as { requestSubscribeMessage: jest.Mock }).requestSubscribeMessage

describe('askOneMessage (weapp)', () => {
  beforeEach(() => ask.mockReset())

  it('is true only when that template was accepted', async () => {
    ask.mockResolvedValueOnce({ STATUS: 'accept', errMsg: 'requestSubscribeMessage:ok' })
    await expect(askOneMessage('STATUS')).resolves.toBe(true)
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['STATUS'] })
    ask.mockResolvedValueOnce({ STATUS: 'reject' })
    await expect(askOneMessage('STATUS')).resolves.toBe(false)
    ask.mockResolvedValueOnce({ STATUS: 'filter' })
    await expect(askOneMessage('STATUS')).resolves.toBe(false)
  })

  it('asks nothing without a template and answers false when the prompt fails', async () => {
    await expect(askOneMessage('')).resolves.toBe(false)
    expect(ask).not.toHaveBeenCalled()
    ask.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail' })
    await expect(askOneMessage('ALERT')).resolves.toBe(false)
  })
})
