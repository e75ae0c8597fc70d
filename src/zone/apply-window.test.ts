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

describe('申报时间 in English', () => {
  it('reads the note\'s English, saying year-round once', () => {
    expect(line({ note: '常年受理', noteEn: 'Year-round' }, 'en')).toBe('Year-round')
    expect(line({ note: '常年受理，分批评审', noteEn: 'Year-round, reviewed in batches' }, 'en')).toBe('Year-round, reviewed in batches')
    expect(line({ opens: '2026-04-01', closes: '2026-12-15', note: '年度集中申报', noteEn: 'Applications once a year' }, 'en')).toBe('2026-04-01 to 2026-12-15 (Applications once a year)')
    expect(line({ note: '常年提供服务', noteEn: 'Year-round service' }, 'en')).toBe('Year-round service')
    expect(line({ note: '分批评审', noteEn: 'Reviewed in batches' }, 'en')).toBe('year-round (Reviewed in batches)')
  })

  it('shows a note without English in Chinese, and says it is Chinese-only', () => {
    const s = (k: Parameters<Parameters<typeof applyWindowParts>[2]>[0], v?: Record<string, string>) => pick(zoneText, 'en', k, v)
    expect(applyWindowParts({ note: '常年提供服务' }, 'en', s)).toEqual({ lead: 'year-round', note: ' (常年提供服务)', noteZhOnly: true })
    expect(applyWindowParts({ note: '常年受理' }, 'en', s)).toEqual({ lead: 'year-round', note: '', noteZhOnly: false })
    expect(applyWindowParts({ note: '常年受理' }, 'zh', (k, v) => pick(zoneText, 'zh', k, v)).noteZhOnly).toBe(false)
  })
})
