// weapp: save the ticket's QR code to the photo album (the short code and details are on the page).
import Taro from '@tarojs/taro'
import type { TicketPicture } from './save-ticket'

export type { TicketPicture }

export async function saveTicket(t: TicketPicture): Promise<'saved' | 'failed'> {
  try {
    const filePath = `${Taro.env.USER_DATA_PATH}/${t.fileName.replace(/\.png$/, '.gif')}`
    Taro.getFileSystemManager().writeFileSync(filePath, t.qrDataUrl.split(',')[1], 'base64')
    await Taro.saveImageToPhotosAlbum({ filePath })
    return 'saved'
  } catch {
    return 'failed'
  }
}
