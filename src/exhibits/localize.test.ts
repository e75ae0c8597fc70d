import type { Exhibit } from '@cloud/contracts/exhibit'
import { localizeExhibit } from './localize'

const base = {
  code: 'x',
  name: '头盔',
  hall: '先进材料展区',
  hallId: 'materials',
  image: '/x.svg',
  imageAlt: '头盔示意图',
  summary: '中文介绍',
  figures: [{ label: '重量', value: '约700克' }],
  company: { name: '铭云科技' },
  origin: '大连理工大学',
  sort: 1,
  source: 'article',
} as Exhibit

describe('exhibit text in the chosen language', () => {
  it('shows the English text, marked as machine-made, when asked for English', () => {
    const e = { ...base, nameEn: 'Helmet', summaryEn: 'English summary', hallEn: 'Materials Hall', figuresEn: [{ label: 'Weight', value: 'about 700 g' }], companyEn: 'Mingyun', originEn: 'DUT', translationEn: 'machine' as const }
    const t = localizeExhibit(e, 'en')
    expect(t).toMatchObject({ lang: 'en', name: 'Helmet', altName: '头盔', hall: 'Materials Hall', summary: 'English summary', company: 'Mingyun', origin: 'DUT', missingEnglish: false, machineTranslated: true })
    expect(t.figures).toEqual([{ label: 'Weight', value: 'about 700 g' }])
  })

  it('says an exhibit has no English instead of showing nothing', () => {
    const t = localizeExhibit(base, 'en')
    expect(t).toMatchObject({ lang: 'zh', name: '头盔', summary: '中文介绍', missingEnglish: true })
  })

  it('keeps Chinese figures when the English ones do not line up', () => {
    const e = { ...base, nameEn: 'Helmet', summaryEn: 'S', figuresEn: [] }
    expect(localizeExhibit(e, 'en').figures).toEqual(base.figures)
  })
})
