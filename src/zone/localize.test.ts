import type { ZoneFigure } from '@cloud/contracts/zone'
import { englishNote, figureText, inLang, listInLang } from './localize'

const figure = (extra: Partial<ZoneFigure>): ZoneFigure => ({ id: 'f', label: '瞪羚企业', value: 75, unit: '家', ...extra })

describe('zone content in the visitor\'s language', () => {
  it('shows the English when given, else the Chinese marked as Chinese-only; Chinese pages are unchanged', () => {
    expect(inLang('en', '融科储能', 'Rongke Power')).toEqual({ text: 'Rongke Power', zhOnly: false })
    expect(inLang('en', '融科储能', undefined)).toEqual({ text: '融科储能', zhOnly: true })
    expect(inLang('en', '融科储能', '  ')).toEqual({ text: '融科储能', zhOnly: true })
    expect(inLang('zh', '融科储能', 'Rongke Power')).toEqual({ text: '融科储能', zhOnly: false })
    expect(listInLang('en', ['储能', '氢能'], ['Energy storage'])).toEqual([
      { text: 'Energy storage', zhOnly: false },
      { text: '氢能', zhOnly: true },
    ])
  })

  it('says when a record has no English, some parts missing, or English not reviewed by the zone office', () => {
    const en = inLang('en', '甲', 'A')
    const zh = inLang('en', '乙', undefined)
    expect(englishNote('zh', 'machine', [en])).toBeNull()
    expect(englishNote('en', 'written', [en])).toBeNull()
    expect(englishNote('en', 'machine', [en])).toEqual({ missing: null, unreviewed: true })
    expect(englishNote('en', 'machine', [en, zh])).toEqual({ missing: 'some', unreviewed: true })
    expect(englishNote('en', undefined, [zh, zh])).toEqual({ missing: 'all', unreviewed: false })
  })

  it('words figures: 75家 → 75, 300余个 → over 300, 近40家 → nearly 40, 61亿元 → 6.1 billion yuan, 5.92%', () => {
    expect(figureText(figure({}), 'en')).toEqual({ text: '75', zhOnly: false })
    expect(figureText(figure({}), 'zh')).toEqual({ text: '75家', zhOnly: false })
    expect(figureText(figure({ value: 300, unit: '个', qualifier: '余' }), 'en').text).toBe('over 300')
    expect(figureText(figure({ value: 300, unit: '个', qualifier: '余' }), 'zh').text).toBe('300余个')
    expect(figureText(figure({ value: 40, qualifier: '近' }), 'en').text).toBe('nearly 40')
    expect(figureText(figure({ value: 2193 }), 'en').text).toBe('2,193')
    expect(figureText(figure({ value: 61, unit: '亿元' }), 'en').text).toBe('6.1 billion yuan')
    expect(figureText(figure({ value: 5.92, unit: '%' }), 'en').text).toBe('5.92%')
    // The record's own English unit is used as written, with the number as stored.
    expect(figureText(figure({ value: 61, unit: '亿元', unitEn: 'x 100 million yuan' }), 'en').text).toBe('61 x 100 million yuan')
    // A unit the interface does not know and the record did not translate stays Chinese, marked.
    expect(figureText(figure({ value: 3, unit: '座' }), 'en')).toEqual({ text: '3座', zhOnly: true })
  })
})
