// weapp: the leader picks the roster from a WeChat chat (wx.chooseMessageFile: a file sent to
// oneself from a computer), read as base64; the template is written to the user data folder and
// opened (wx.openDocument with its menu, to forward or save it).
import Taro from '@tarojs/taro'
import type { PickedFile } from './roster-file'

export type { PickedFile } from './roster-file'

export const pickSupported = true

export async function pickRoster(): Promise<PickedFile | null> {
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
    const file = tempFiles[0]
    if (!file) return null
    const base64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string
    return { name: file.name, base64 }
  } catch {
    return null
  }
}

export function saveTemplate(fileName: string, base64: string): void {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, base64, 'base64')
  void Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
