// weapp: the leader picks the roster from a WeChat chat (wx.chooseMessageFile: a file sent to
// oneself from a computer), read as base64; the template is written to the user data folder and
// opened (wx.openDocument with its menu, to forward or save it).
import Taro from '@tarojs/taro'
import type { PickedFile } from './roster-file'

export type { PickedFile } from './roster-file'

export const pickSupported = true

/** The chosen file, or null when the leader closed the chooser; throws ROSTER_UNREADABLE when the file cannot be read. */
export async function pickRoster(): Promise<PickedFile | null> {
  let file: { name: string; path: string } | undefined
  try {
    file = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })).tempFiles[0]
  } catch {
    return null
  }
  if (!file) return null
  try {
    return { name: file.name, base64: Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string }
  } catch {
    throw new Error('ROSTER_UNREADABLE')
  }
}

export function saveTemplate(fileName: string, base64: string): void {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, base64, 'base64')
  void Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
