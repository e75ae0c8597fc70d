// What the listen page says about who speaks. A recording names its speaker; synthesised speech is
// called what it is, in the visitor's words — the language of the voice — not by the engine and its
// voice id ("espeak-ng cmn"), which mean nothing to a visitor.
import type { GuideLang } from '@cloud/contracts/exhibit'
import type { GuideTrack } from '@/exhibits/audio-track'
import { guideText } from './strings'

const VOICE_LANGUAGES: Array<[RegExp, Record<GuideLang, string>]> = [
  [/^(cmn|zh)/, { zh: '普通话', en: 'Mandarin' }],
  [/^yue/, { zh: '粤语', en: 'Cantonese' }],
  [/^en/, { zh: '英语', en: 'English' }],
]

/** 'espeak-ng cmn' → 普通话 / Mandarin; null when the voice's language is not one we can name. */
export function synthVoiceLanguage(voice: string, lang: GuideLang): string | null {
  const id = voice.trim().split(/\s+/).pop()?.toLowerCase() ?? ''
  return VOICE_LANGUAGES.find(([pattern]) => pattern.test(id))?.[1][lang] ?? null
}

export function voiceLine(guide: GuideTrack, lang: GuideLang): string {
  if (guide.recorded) return guideText(lang, 'voiceRecorded', { voice: guide.track.voice })
  const language = synthVoiceLanguage(guide.track.voice, lang)
  return language ? guideText(lang, 'voice', { voice: language }) : guideText(lang, 'voiceUnnamed')
}
