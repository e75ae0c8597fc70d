// Which audio guide a visitor gets on an exhibit, and whether a person recorded it. The exhibit
// page's button and the listen page must agree: the note under the button describes the very
// track the listen page plays.
import type { AudioTrack, Exhibit, GuideLang } from '@cloud/contracts/exhibit'

export interface GuideTrack {
  lang: GuideLang
  track: AudioTrack
  /** An operator's own recording; otherwise synthesised speech, which must never pass for a person. */
  recorded: boolean
}

/** The English guide in English mode when there is one, else the Chinese guide; null when neither exists. */
export function guideTrack(exhibit: Pick<Exhibit, 'audio'>, lang: GuideLang): GuideTrack | null {
  const trackLang: GuideLang = lang === 'en' && exhibit.audio?.en ? 'en' : 'zh'
  const track = exhibit.audio?.[trackLang]
  return track ? { lang: trackLang, track, recorded: track.recorded === true } : null
}
