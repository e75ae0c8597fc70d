// weapp: the leader picks the roster from a chat. Closing the chooser is not an error, but a file
// that cannot be read must say so: silence would leave the leader tapping 提交 with no roster.
import Taro from '@tarojs/taro'
import { pickRoster } from './roster-file.weapp'

const mockReadFileSync = jest.fn()
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { chooseMessageFile: jest.fn(), getFileSystemManager: () => ({ readFileSync: mockReadFileSync }) } }))
const choose = (Taro as unknown as { chooseMessageFile: jest.Mock }).chooseMessageFile

describe('pickRoster (weapp)', () => {
  beforeEach(() => (choose.mockReset(), mockReadFileSync.mockReset()))

  it('answers the chosen file as base64', async () => {
    choose.mockResolvedValueOnce({ tempFiles: [{ name: '名单.xlsx', path: 'wxfile://tmp/1.xlsx' }] })
    mockReadFileSync.mockReturnValueOnce('UEsDBA==')
    await expect(pickRoster()).resolves.toEqual({ name: '名单.xlsx', base64: 'UEsDBA==' })
    expect(mockReadFileSync).toHaveBeenCalledWith('wxfile://tmp/1.xlsx', 'base64')
  })

  it('answers null when the leader closes the chooser', async () => {
    choose.mockRejectedValueOnce({ errMsg: 'chooseMessageFile:fail cancel' })
    await expect(pickRoster()).resolves.toBeNull()
  })

  it('refuses, rather than staying silent, when the chosen file cannot be read', async () => {
    choose.mockResolvedValueOnce({ tempFiles: [{ name: '名单.xlsx', path: 'wxfile://tmp/2.xlsx' }] })
    mockReadFileSync.mockImplementationOnce(() => {
      throw new Error('mockReadFileSync:fail no such file or directory')
    })
    await expect(pickRoster()).rejects.toThrow('ROSTER_UNREADABLE')
  })
})
