import { act, fireEvent, render } from '@testing-library/react'
import { residentIdCheckChar } from '@cloud/contracts/booking'
import { bookingStore } from '@/booking/store'
import { VisitorForm } from './VisitorForm'

const idWithBirth = (birth: string) => {
  const first17 = `210211${birth}123`
  return first17 + residentIdCheckChar(first17)
}

// Taro's Input hands the typed text over as the event's `detail.value`.
const typeInto = (input: Element, value: string) => {
  input.dispatchEvent(Object.assign(new Event('input', { bubbles: true }), { detail: { value } }))
}
const inputs = (container: HTMLElement) => Array.from(container.querySelectorAll('.bk-input'))

describe('the add-visitor form', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-26T02:00:00Z') }) // 10:00 in Beijing
    bookingStore.setState({ visitors: { status: 'ready', data: [] } })
  })
  afterEach(() => jest.useRealTimers())

  it('shows the age read from a valid resident ID number, and none for an invalid one', () => {
    const { container } = render(<VisitorForm />)
    const [, idInput] = inputs(container)
    act(() => typeInto(idInput, idWithBirth('20161127')))
    expect(container.querySelector('[data-testid="id-age"]')?.textContent).toBe('9周岁（出生日期 2016-11-27）')
    act(() => typeInto(idInput, idWithBirth('20161327')))
    expect(container.querySelector('[data-testid="id-age"]')).toBeNull()
  })

  it('offers the child option with a birth date and an accompanying adult instead of an ID, and saves nothing incomplete', async () => {
    const addChild = jest.fn()
    bookingStore.setState({
      addChild,
      visitors: {
        status: 'ready',
        data: [
          { id: 'aaaaaaaaaaaaaaaa', name: '张伟', idType: 'resident', idMasked: '2102**********123X', age: 41 },
          { id: 'bbbbbbbbbbbbbbbb', name: '张小明', idType: 'resident', idMasked: '2102**********456X', age: 10 },
        ],
      },
    })
    const { container, getByText, queryByText } = render(<VisitorForm />)
    act(() => {
      fireEvent.click(container.querySelector('[role="switch"]')!)
    })
    expect(container.querySelector('[role="switch"]')?.getAttribute('aria-checked')).toBe('true')
    expect(queryByText('证件类型')).toBeNull()
    expect(getByText('出生日期')).toBeTruthy()
    expect(getByText('陪同成人')).toBeTruthy()
    act(() => typeInto(inputs(container)[0], '张小宝'))
    await act(async () => {
      fireEvent.click(getByText('保存儿童'))
    })
    expect(addChild).not.toHaveBeenCalled()
    expect(getByText('请选择出生日期', { selector: '.bk-field__error' })).toBeTruthy()
    expect(getByText('请选择陪同成人', { selector: '.bk-field__error' })).toBeTruthy()
  })
})
