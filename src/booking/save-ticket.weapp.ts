// weapp: save the ticket's QR code to the photo album (the short code and details are on the page).
// 相册（仅写入） is a privacy-gated permission (declared in docs/wechat-cloud.md §10). WeChat asks
// once; after a refusal every call fails at once with "auth deny", so the flow explains and offers
// the mini-program's settings page (openSetting), then retries if the visitor switched it on.
import Taro from '@tarojs/taro'
import type { TicketPicture } from './save-ticket'

export type { TicketPicture }

const ALBUM_SCOPE = 'scope.writePhotosAlbum'

/** The album permission was refused (now or earlier) — not a privacy-declaration or I/O failure. */
const isPermissionRefusal = (error: unknown) => /auth den(y|ied)|authorize:fail/i.test(String((error as { errMsg?: string } | null)?.errMsg ?? ''))

export async function saveTicket(t: TicketPicture): Promise<'saved' | 'denied' | 'failed'> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${t.fileName.replace(/\.png$/, '.gif')}`
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, t.qrDataUrl.split(',')[1], 'base64')
    await Taro.saveImageToPhotosAlbum({ filePath })
    return 'saved'
  } catch (error) {
    if (!isPermissionRefusal(error)) return 'failed'
  }
  try {
    const { confirm } = await Taro.showModal({
      title: '需要相册权限',
      content: '保存电子票需要“添加到相册”权限（仅写入，不读取相册）。请在设置中打开后保存。',
      confirmText: '去设置',
    })
    if (!confirm) return 'denied'
    // openSetting needs a user tap: the modal's confirm is that tap.
    const { authSetting } = await Taro.openSetting()
    if (!authSetting[ALBUM_SCOPE]) return 'denied'
    await Taro.saveImageToPhotosAlbum({ filePath })
    return 'saved'
  } catch {
    return 'failed'
  }
}
