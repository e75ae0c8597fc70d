// The exhibits subpackage's interface text, in Chinese and English (src/i18n/strings.ts).
import { defineStrings } from '@/i18n/strings'

export const exhibitsText = defineStrings(
  {
    title: '全部展品',
    loading: '正在加载展品…',
    settingUp: '展品正在布置中，敬请期待。',
    stamped: '✓ 已集章',
    keepAudio: '离线保存本展区讲解（{n}段）',
    keepingAudio: '正在保存讲解…',
    keptAudio: '本展区讲解已可离线收听',
    keepAudioFailed: '讲解未能全部保存，请联网后重试',
  },
  {
    title: 'Exhibits',
    loading: 'Loading exhibits…',
    settingUp: 'Exhibits are being set up.',
    stamped: '✓ Stamped',
    keepAudio: 'Keep this hall\'s audio for offline ({n} tracks)',
    keepingAudio: 'Saving the audio…',
    keptAudio: 'This hall\'s audio plays offline',
    keepAudioFailed: 'Not all audio could be saved. Try again online.',
  },
)
