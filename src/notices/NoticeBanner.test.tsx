import { render, screen, waitFor } from '@testing-library/react'
import { callCloud } from '@/services/cloud'
import { NoticeBanner } from './NoticeBanner'
import { noticeStore } from './store'

jest.mock('@/services/cloud', () => ({ callCloud: jest.fn() }))
const mockedCall = callCloud as jest.MockedFunction<typeof callCloud>

beforeEach(() => noticeStore.setState({ notices: [] }))

it('shows the notices in force, in the order the server gives (highest priority first)', async () => {
  mockedCall.mockResolvedValue({
    ok: true,
    data: {
      notices: [
        { id: 'a', title: '台风闭馆', body: '11月27日全天闭馆，已预约的观众将收到通知。', priority: 90, validFrom: '', validTo: '' },
        { id: 'b', title: '周日延长开放', body: '开放至 18:00。', priority: 10, validFrom: '', validTo: '' },
      ],
    },
  } as never)
  render(<NoticeBanner />)
  await waitFor(() => expect(screen.getByText(/台风闭馆/)).toBeTruthy())
  expect(mockedCall).toHaveBeenCalledWith('notices', 'active', {})
  const titles = Array.from(document.querySelectorAll('.notices__title')).map((e) => e.textContent)
  expect(titles).toEqual(['台风闭馆', '周日延长开放'])
  expect(screen.getByText('11月27日全天闭馆，已预约的观众将收到通知。')).toBeTruthy()
})

it('shows nothing when there are no notices or the call fails (the home page works without them)', async () => {
  mockedCall.mockResolvedValue({ ok: false, error: { code: 'NETWORK', message: '网络异常' } } as never)
  const { container } = render(<NoticeBanner />)
  await waitFor(() => expect(mockedCall).toHaveBeenCalled())
  expect(container.querySelector('.notices')).toBeNull()
})
