// A privacy-gated API the guide does not declare means review rejection (or errno 112 at run time).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { privacyUses, undeclaredUses } from './weapp-privacy'

const ROOT = path.resolve(__dirname, '..')
const guide = () => fs.readFileSync(path.join(ROOT, 'docs/wechat-cloud.md'), 'utf8')

describe('privacy-gated APIs in src/ versus the guide (docs/wechat-cloud.md §10)', () => {
  it('every one the app calls is declared, with the API named on its row', () => {
    const uses = privacyUses(path.join(ROOT, 'src'), ROOT)
    // The e-ticket is saved to the album on weapp: the one gated API today.
    expect(uses.map((u) => u.api)).toContain('saveImageToPhotosAlbum')
    expect(undeclaredUses(uses, guide())).toEqual([])
  })

  it('would fail on a new one: a page that starts reading the clipboard', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-privacy-'))
    try {
      fs.writeFileSync(path.join(dir, 'paste.tsx'), "import Taro from '@tarojs/taro'\nexport const paste = () => Taro.getClipboardData()\n")
      const problems = undeclaredUses(privacyUses(dir, dir), guide())
      expect(problems).toEqual([expect.stringContaining('getClipboardData（隐私项「剪切板」）')])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
