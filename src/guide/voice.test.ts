import type { GuideTrack } from '@/exhibits/audio-track'
import { voiceLine } from './voice'

const synth = (voice: string): GuideTrack => ({ lang: 'zh', recorded: false, track: { url: '/a.mp3', seconds: 30, voice } as GuideTrack['track'] })

describe('what the listen page says about the voice', () => {
  it('names the language of a synthesised voice, never the engine', () => {
    expect(voiceLine(synth('espeak-ng cmn'), 'zh')).toBe('机器合成语音（普通话），非真人讲解')
    expect(voiceLine(synth('espeak-ng cmn'), 'en')).toBe('Machine-synthesised voice (Mandarin), not a human guide')
    expect(voiceLine(synth('espeak-ng en-gb'), 'zh')).toBe('机器合成语音（英语），非真人讲解')
    for (const lang of ['zh', 'en'] as const) expect(voiceLine(synth('espeak-ng cmn'), lang)).not.toMatch(/espeak|cmn/)
  })

  it('says only that it is synthesised when the voice is not one it can name', () => {
    expect(voiceLine(synth('some-engine xx'), 'zh')).toBe('机器合成语音，非真人讲解')
  })

  it('names the speaker of a recording', () => {
    expect(voiceLine({ ...synth('讲解员 王老师'), recorded: true }, 'zh')).toBe('讲解录音：讲解员 王老师')
  })
})
