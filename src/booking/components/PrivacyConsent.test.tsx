import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { PrivacyConsent } from './PrivacyConsent'
import { openPrivacyGuide as openOnWeapp } from './open-privacy-guide.weapp'

function Harness() {
  const [agreed, setAgreed] = useState(false)
  return <PrivacyConsent agreed={agreed} onChange={setAgreed} />
}

describe('PrivacyConsent', () => {

  it('starts unticked, ticks and unticks on tap, and names the guideline', () => {
    const { container } = render(<Harness />)
    const box = container.querySelector('[data-consent]') as HTMLElement
    expect(box.getAttribute('aria-checked')).toBe('false')
    fireEvent.click(box)
    expect(box.getAttribute('aria-checked')).toBe('true')
    fireEvent.click(box)
    expect(box.getAttribute('aria-checked')).toBe('false')
    expect(screen.getByText('《用户隐私保护指引》')).toBeTruthy()
  })

  it('on weapp opens WeChat\'s own guideline, and falls back to the in-app page when that fails', () => {
    // The jsdom Taro has neither API: install fakes that record the calls.
    const navigate = jest.fn()
    ;(Taro as unknown as { navigateTo: unknown }).navigateTo = navigate
    let failWith: ((e: unknown) => void) | undefined
    ;(Taro as unknown as { openPrivacyContract: unknown }).openPrivacyContract = jest.fn((o: { fail?: (e: unknown) => void }) => {
      failWith = o.fail
    })
    openOnWeapp()
    expect(Taro.openPrivacyContract).toHaveBeenCalledTimes(1)
    expect(navigate).not.toHaveBeenCalled()
    failWith?.({ errMsg: 'openPrivacyContract:fail' })
    expect(navigate).toHaveBeenCalledWith({ url: '/booking/pages/privacy/index' })
  })
})
