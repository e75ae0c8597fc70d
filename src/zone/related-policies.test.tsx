import { render, screen } from '@testing-library/react'
import type { RelatedPolicy } from '@cloud/contracts/zone'
import { callCloud } from '@/services/cloud'
import { langStore } from '@/i18n/store'
import { RelatedPolicies } from './related-policies'

jest.mock('@/services/cloud', () => ({ callCloud: jest.fn() }))
const mockedCall = callCloud as jest.MockedFunction<typeof callCloud>

const policy = (id: string, title: string, why: RelatedPolicy['why']): RelatedPolicy => ({
  id, title, level: '区', kinds: ['资金补贴'], audiences: ['初创企业'], benefit: { text: '支持' }, source: 'article', status: 'open', why,
})

it('says under each related policy why it is shown', async () => {
  mockedCall.mockResolvedValue({
    ok: true,
    data: {
      policies: [
        policy('kechuang', '科创工程', { kind: 'named', value: '铭云科技' }),
        policy('tier-unicorn', '潜在独角兽培育', { kind: 'qualification', value: '瞪羚企业' }),
        policy('zjtx', '专精特新梯度培育', { kind: 'audience', value: '专精特新企业' }),
      ],
    },
  } as never)
  render(<RelatedPolicies companyId="mingyun" />)
  expect(await screen.findByText(reason('政策中提到铭云科技'))).toBeTruthy()
  expect(screen.getByText(reason('研制企业已是瞪羚企业'))).toBeTruthy()
  expect(screen.getByText(reason('面向专精特新企业'))).toBeTruthy()
  // The company's own words are content (Chinese until the zone office writes English), the rest is interface.
  expect(Array.from(document.querySelectorAll('[data-why] [data-content]'), (e) => e.textContent)).toEqual(['铭云科技', '瞪羚企业', '专精特新企业'])
})

/** The reason line as a person reads it, though its value is its own element. */
const reason = (text: string) => (_: string, el: Element | null) => el?.hasAttribute('data-why') === true && el.textContent === text

it('reads in English where the zone office gave English, and marks what is still Chinese', async () => {
  mockedCall.mockResolvedValue({
    ok: true,
    data: {
      policies: [
        { ...policy('kechuang', '科创工程', { kind: 'named', value: '铭云科技', valueEn: 'Mingyun' }), titleEn: 'Sci-Tech Programme' },
        policy('local', '本地政策', { kind: 'qualification', value: '瞪羚企业', valueEn: 'Gazelle' }),
      ],
    },
  } as never)
  langStore.getState().setLang('en')
  try {
    render(<RelatedPolicies companyId="mingyun-en" />)
    expect(await screen.findByText('Sci-Tech Programme')).toBeTruthy()
    expect(screen.getByText(reason('The policy names Mingyun'))).toBeTruthy()
    expect(screen.getByText(reason('The maker is already a recognised Gazelle'))).toBeTruthy()
    // The policy without an English title shows its Chinese one, marked as Chinese-only.
    expect(Array.from(document.querySelectorAll('[data-zh-only]'), (e) => e.textContent)).toEqual(['本地政策'])
  } finally {
    langStore.getState().setLang('zh')
  }
})
