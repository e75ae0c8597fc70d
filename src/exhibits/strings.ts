// The exhibits subpackage's interface text, in Chinese and English (src/i18n/strings.ts).
import { defineStrings } from '@/i18n/strings'

export const exhibitsText = defineStrings(
  {
    title: '全部展品',
    loading: '正在加载展品…',
    settingUp: '展品正在布置中，敬请期待。',
    stamped: '✓ 已集章',
  },
  {
    title: 'Exhibits',
    loading: 'Loading exhibits…',
    settingUp: 'Exhibits are being set up.',
    stamped: '✓ Stamped',
  },
)
