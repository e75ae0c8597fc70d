// weapp transport: wx.cloud.init takes the environment id (the client doc marks `env` required);
// a build without CLOUD_ENV must not init against whatever default environment, and says so.
import Taro from '@tarojs/taro'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { cloud: { init: jest.fn(), callFunction: jest.fn() } } }))

const cloud = (Taro as unknown as { cloud: { init: jest.Mock; callFunction: jest.Mock } }).cloud
const g = globalThis as unknown as { CLOUD_ENV: string }

describe('cloud transport (weapp)', () => {
  const saved = g.CLOUD_ENV
  afterEach(() => {
    g.CLOUD_ENV = saved
    jest.clearAllMocks()
  })

  it('inits with the environment id the build carries', async () => {
    g.CLOUD_ENV = 'gxq-prod-1a2b'
    const { initTransport } = await import('./cloud.weapp')
    initTransport()
    expect(cloud.init).toHaveBeenCalledWith({ env: 'gxq-prod-1a2b', traceUser: true })
  })

  it('without CLOUD_ENV: never calls wx.cloud.init, and every call answers NOT_CONFIGURED in Chinese without reaching the cloud', async () => {
    g.CLOUD_ENV = ''
    const { initTransport, callCloud } = await import('./cloud.weapp')
    initTransport()
    expect(cloud.init).not.toHaveBeenCalled()
    const res = await callCloud('system', 'ping' as never, {} as never)
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED', message: expect.stringContaining('CLOUD_ENV') } })
    expect(cloud.callFunction).not.toHaveBeenCalled()
  })

  it('answers the function\'s result, and NETWORK when the call fails or throws', async () => {
    g.CLOUD_ENV = 'gxq-prod-1a2b'
    const { callCloud } = await import('./cloud.weapp')
    cloud.callFunction.mockResolvedValueOnce({ result: { ok: true, data: { pong: 1 } } })
    await expect(callCloud('system', 'ping' as never, {} as never)).resolves.toEqual({ ok: true, data: { pong: 1 } })
    expect(cloud.callFunction).toHaveBeenLastCalledWith({ name: 'system', data: { action: 'ping' } })
    cloud.callFunction.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail' })
    await expect(callCloud('system', 'ping' as never, {} as never)).resolves.toMatchObject({ ok: false, error: { code: 'NETWORK' } })
    cloud.callFunction.mockImplementationOnce(() => {
      throw new Error('cloud not ready')
    })
    await expect(callCloud('system', 'ping' as never, {} as never)).resolves.toMatchObject({ ok: false, error: { code: 'NETWORK' } })
  })
})
