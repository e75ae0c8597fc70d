// weapp: saving the e-ticket to the album after the visitor once refused the permission. WeChat
// does not ask again; the flow must offer the mini-program's settings page and retry from there.
import Taro from '@tarojs/taro'
import { saveTicket } from './save-ticket.weapp'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getFileSystemManager: () => ({ writeFileSync: jest.fn() }),
    saveImageToPhotosAlbum: jest.fn(),
    showModal: jest.fn(),
    openSetting: jest.fn(),
  },
}))

const mocked = Taro as unknown as Record<'saveImageToPhotosAlbum' | 'showModal' | 'openSetting', jest.Mock>
const ticket = { qrDataUrl: 'data:image/gif;base64,R0lGOD', shortCode: 'AB12', title: '科技馆', lines: [], fileName: 'ticket.png' }
const denied = { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }

describe('saveTicket (weapp) when the album permission was refused', () => {
  beforeEach(() => jest.clearAllMocks())

  it('saves at once when allowed', async () => {
    mocked.saveImageToPhotosAlbum.mockResolvedValueOnce({})
    expect(await saveTicket(ticket)).toBe('saved')
    expect(mocked.openSetting).not.toHaveBeenCalled()
  })

  it('explains, opens the settings page on 去设置, and saves once the visitor switches the album on', async () => {
    mocked.saveImageToPhotosAlbum.mockRejectedValueOnce(denied).mockResolvedValueOnce({})
    mocked.showModal.mockResolvedValueOnce({ confirm: true })
    mocked.openSetting.mockResolvedValueOnce({ authSetting: { 'scope.writePhotosAlbum': true } })
    expect(await saveTicket(ticket)).toBe('saved')
    expect(mocked.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('相册'), confirmText: '去设置' }))
    expect(mocked.saveImageToPhotosAlbum).toHaveBeenCalledTimes(2)
  })

  it('answers denied (not a generic failure) when the visitor keeps it off or declines the dialog', async () => {
    mocked.saveImageToPhotosAlbum.mockRejectedValue(denied)
    mocked.showModal.mockResolvedValueOnce({ confirm: true })
    mocked.openSetting.mockResolvedValueOnce({ authSetting: { 'scope.writePhotosAlbum': false } })
    expect(await saveTicket(ticket)).toBe('denied')
    mocked.showModal.mockResolvedValueOnce({ confirm: false })
    expect(await saveTicket(ticket)).toBe('denied')
    expect(mocked.openSetting).toHaveBeenCalledTimes(1)
  })

  it('a privacy refusal (errno 112: item not declared) is a failure, not a permission question', async () => {
    mocked.saveImageToPhotosAlbum.mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail api scope is not declared in the privacy agreement', errno: 112 })
    expect(await saveTicket(ticket)).toBe('failed')
    expect(mocked.showModal).not.toHaveBeenCalled()
  })
})
