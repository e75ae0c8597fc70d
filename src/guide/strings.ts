// Strings of the guide subpackage pages (listen, trail), kept here so the main package's
// dictionary stays small.
import type { GuideLang } from '@cloud/contracts/exhibit'
import { defineStrings, pick } from '@/i18n/strings'

const zh = {
  listenTitle: '语音讲解',
  /** The album on WeChat's background-audio panel (lock screen, notification). */
  album: '高新区科技馆语音导览',
  play: '播放',
  pause: '暂停',
  progress: '播放进度',
  back15: '后退15秒',
  voice: '机器合成语音（{voice}），非真人讲解',
  voiceUnnamed: '机器合成语音，非真人讲解',
  voiceRecorded: '讲解录音：{voice}',
  transcript: '讲解文稿',
  noEnglishAudio: '本展品暂无英文讲解，正在播放中文讲解。',
  noAudio: '本展品的语音讲解正在制作中，可先阅读下方文稿。',
  background: '离开本页后讲解会继续播放。',
  // Why the audio stopped (the player's AudioFailure codes).
  audioLoad: '音频加载失败，请检查网络后重试',
  audioPlay: '无法播放音频，请点击播放键重试',
  audioOffline: '没有网络：听过的讲解可离线播放，这段讲解需联网后收听',
  trailTitle: '参观足迹',
  trailIntro: '每打开一件展品就会在对应展区的卡片上盖章；集齐一个展区即可获得徽章。',
  stamped: '已集章',
  notYet: '未集章',
  badge: '已获得「{hall}」徽章',
  progressCount: '{n}/{total}',
  favourites: '我的收藏',
  noFavourites: '还没有收藏。在展品页点“收藏”即可加入。',
  openList: '浏览全部展品',
  offline: '网络不可用，正在显示保存的展区列表',
  loading: '正在加载…',
  share: '生成足迹卡图片',
  shareDone: '足迹卡图片已生成，长按可保存或发送给朋友',
  pictureAlt: '我的参观足迹卡图片：各展区集章情况',
}

const en: Record<keyof typeof zh, string> = {
  listenTitle: 'Audio guide',
  album: 'High-tech Zone Science and Technology Museum audio guide',
  play: 'Play',
  pause: 'Pause',
  progress: 'Playback progress',
  back15: 'Back 15 s',
  voice: 'Machine-synthesised voice ({voice}), not a human guide',
  voiceUnnamed: 'Machine-synthesised voice, not a human guide',
  voiceRecorded: 'Recorded guide: {voice}',
  transcript: 'Transcript',
  noEnglishAudio: 'No English audio for this exhibit yet; playing the Chinese guide.',
  noAudio: 'The audio guide for this exhibit is being prepared; the transcript is below.',
  background: 'The guide keeps playing when you leave this page.',
  audioLoad: 'The audio could not be loaded. Check the network and try again.',
  audioPlay: 'The audio could not start. Tap Play to try again.',
  audioOffline: 'No network: guides you have played before play offline; this one needs the network.',
  trailTitle: 'Visit trail',
  trailIntro: 'Each exhibit you open is stamped on its hall card; stamp a whole hall to earn its badge.',
  stamped: 'Stamped',
  notYet: 'Not yet',
  badge: 'Badge earned: {hall}',
  progressCount: '{n}/{total}',
  favourites: 'Saved exhibits',
  noFavourites: 'Nothing saved yet. Tap "Save" on an exhibit page.',
  openList: 'Browse all exhibits',
  offline: 'No network: showing the saved hall list',
  loading: 'Loading…',
  share: 'Make a picture of my card',
  shareDone: 'Picture ready: long-press to save or send it',
  pictureAlt: 'Picture of my visit card: stamps in each hall',
}

export type GuideKey = keyof typeof zh

/** The guide's table in the one i18n shape (src/i18n/strings.ts): pages may `useStrings(guideStrings)`. */
export const guideStrings = defineStrings<GuideKey>(zh, en)

export const guideText = (lang: GuideLang, key: GuideKey, vars?: Record<string, string | number>) => pick(guideStrings, lang, key, vars)
