import { act, render } from '@testing-library/react'
import { SearchInput } from './SearchInput'

const boxText = (container: HTMLElement) => {
  const input = container.querySelector('input, taro-input-core, .zone-search__input') as (HTMLElement & { value?: string }) | null
  return input?.value ?? input?.getAttribute('value') ?? ''
}

describe('the zone search box', () => {
  it('empties when the page clears the search (清除搜索和筛选), so the box and the list agree', () => {
    const onSearch = jest.fn()
    const { container, rerender } = render(<SearchInput value="融科" placeholder="搜索" onSearch={onSearch} />)
    expect(boxText(container)).toBe('融科')
    rerender(<SearchInput value="" placeholder="搜索" onSearch={onSearch} />)
    expect(boxText(container)).toBe('')
    expect(container.querySelector('.zone-search__clear')).toBeNull()
  })

  it('keeps what the person typed when its own search comes back as the query', () => {
    jest.useFakeTimers()
    const onSearch = jest.fn()
    const { container, rerender } = render(<SearchInput value="" placeholder="搜索" onSearch={onSearch} />)
    const input = container.querySelector('.zone-search__input') as HTMLElement
    act(() => {
      input.dispatchEvent(Object.assign(new Event('input', { bubbles: true }), { detail: { value: '融科 ' } }))
    })
    act(() => {
      jest.advanceTimersByTime(300)
    })
    expect(onSearch).toHaveBeenCalledWith('融科')
    rerender(<SearchInput value="融科" placeholder="搜索" onSearch={onSearch} />)
    expect(container.querySelector('.zone-search__clear')).not.toBeNull()
    jest.useRealTimers()
  })
})
