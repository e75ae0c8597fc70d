import { zoneText } from '@/zone/strings'
import { pick } from '@/i18n/strings'
import { applyWindowParts } from './apply-window'

const line = (window: Parameters<typeof applyWindowParts>[0], lang: 'zh' | 'en') => {
  const { lead, note } = applyWindowParts(window, lang, (k, v) => pick(zoneText, lang, k, v))
  return lead + note
}

describe('申报时间 says the window once', () => {
  it('does not repeat 常年受理 when the note says it', () => {
    expect(line({ note: '常年受理' }, 'zh')).toBe('常年受理')
    expect(line({ note: '常年受理，分批评审' }, 'zh')).toBe('常年受理，分批评审')
    expect(line({ note: '常年受理' }, 'en')).toBe('year-round')
    expect(line({ note: '常年受理，分批评审' }, 'en')).toBe('year-round (分批评审)')
  })

  it('keeps a note that adds something, and the plain window without a note', () => {
    expect(line({ opens: '2026-04-01', closes: '2026-12-15', note: '年度集中申报' }, 'zh')).toBe('2026-04-01 至 2026-12-15（年度集中申报）')
    expect(line({ note: '常年提供服务' }, 'zh')).toBe('常年受理（常年提供服务）')
    expect(line(undefined, 'zh')).toBe('常年受理')
  })
})
