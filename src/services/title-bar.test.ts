// The router's own navigation bar code (not a copy) writing a title with markup: with the guard the
// title element holds the literal text and no element was created.
import { eventCenter } from '@tarojs/runtime'
import { initNavigationBar } from '@tarojs/router/dist/navigationBar.js'
import NavigationBarHandler from '@tarojs/router/dist/router/navigation-bar.js'
import { textOnlyTitleBar } from './title-bar'

const PAYLOAD = `<img src=x onerror=alert('name')><svg onload=alert(1)>`

function routerBar() {
  document.body.innerHTML = '<div id="app"></div>'
  // Only what the bar code reads of the app config and the page handler.
  initNavigationBar({ router: { mode: 'hash' } } as Parameters<typeof initNavigationBar>[0], document.body)
  const page = { originPathname: '/pages/exhibit/index', pageConfig: { navigationBarTitleText: '展品介绍' }, config: { window: {} } }
  return new NavigationBarHandler(page as unknown as ConstructorParameters<typeof NavigationBarHandler>[0])
}

const titleElement = () => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')!

afterEach(() => eventCenter.off('__taroH5SetNavigationBarTitle'))

test('without the guard the router parses a title as HTML (why the guard exists)', () => {
  routerBar()
  eventCenter.trigger('__taroH5SetNavigationBarTitle', PAYLOAD)
  expect(titleElement().querySelector('img, svg')).not.toBeNull()
})

test('with the guard every way the router writes a title stores text', () => {
  const handler = routerBar()
  handler.setCacheValue() // what the router does when a page loads
  textOnlyTitleBar()
  textOnlyTitleBar() // twice is harmless
  // Taro.setNavigationBarTitle → the router's event
  eventCenter.trigger('__taroH5SetNavigationBarTitle', PAYLOAD)
  expect(titleElement().children).toHaveLength(0)
  expect(titleElement().textContent).toBe(PAYLOAD)
  expect(document.title).toBe(PAYLOAD)
  // The page shown again: the router re-applies the cached title.
  handler.setTitle()
  expect(titleElement().children).toHaveLength(0)
  expect(titleElement().textContent).toBe(PAYLOAD)
  expect(titleElement().innerHTML).toBe('&lt;img src=x onerror=alert(\'name\')&gt;&lt;svg onload=alert(1)&gt;')
})

test('before the router has drawn its bar the guard does nothing and does not throw', () => {
  document.body.innerHTML = ''
  expect(() => textOnlyTitleBar()).not.toThrow()
})
