import { render } from '@testing-library/react'
import { CheckMark } from './CheckBox'
import { iconUri } from './Icon'

describe('the checkbox tick', () => {
  it("is the icon set's check, not a √ or ✓ character", () => {
    const { container } = render(<CheckMark on className="bk-visitor__check" />)
    expect(container.textContent).not.toMatch(/[√✓✔]/)
    expect(container.querySelector('[data-checked=true]')).not.toBeNull()
    expect(container.innerHTML).toContain(iconUri('check', '#ffffff').slice(0, 60))
  })
  it('is empty when off', () => {
    const { container } = render(<CheckMark on={false} className="bk-visitor__check" />)
    expect(container.querySelector('[data-checked=false]')?.children.length).toBe(0)
  })
})
