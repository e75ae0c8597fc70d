import { guideTrack } from './audio-track'

const synth = { url: '/a/zh.mp3', seconds: 30, voice: 'espeak-ng cmn' }
const recorded = { url: '/a/en.mp3', seconds: 40, voice: 'Guide Lin', recorded: true as const }

describe('guideTrack: the track the visitor will hear, and who made it', () => {
  it('plays the English recording in English mode and says a person recorded it', () => {
    expect(guideTrack({ audio: { zh: synth, en: recorded } }, 'en')).toEqual({ lang: 'en', track: recorded, recorded: true })
  })
  it('falls back to the Chinese synthesised guide when there is no English one, and says it is synthesised', () => {
    expect(guideTrack({ audio: { zh: synth } }, 'en')).toEqual({ lang: 'zh', track: synth, recorded: false })
  })
  it('has nothing to play when the exhibit has no guide in Chinese', () => {
    expect(guideTrack({ audio: { en: recorded } }, 'zh')).toBeNull()
    expect(guideTrack({}, 'zh')).toBeNull()
  })
})
