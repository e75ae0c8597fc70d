// H5: @tarojs/router draws its own navigation bar and writes every title into it with
// `titleElement.innerHTML = title` (router/navigation-bar.js, setTitle): for
// Taro.setNavigationBarTitle, and again whenever a page is shown, from its cached title, its page
// config or document.title. Titles here are exhibit and company names, which operators type, so
// the router would parse them as HTML — stored XSS on the exhibit and company pages. Taro 4.2.1
// (and its main branch, as far as we could see) still does this, and the element is there even
// while the bar is hidden. Instead of patching node_modules (lost on every install), the one
// element the router writes titles to gets its own `innerHTML` that stores text: every path the
// router takes lands as text. e2e/text-stays-text.test.ts fails if an upgrade renames the element.

const BAR_ID = 'taro-navigation-bar'
const TITLE_CLASS = 'taro-navigation-bar-title'

/** Makes the router's title element take text only. Idempotent; a no-op before the bar exists. */
export function textOnlyTitleBar(): void {
  if (typeof document === 'undefined') return
  const bar = document.getElementById(BAR_ID)
  if (!bar) return
  const title = bar.getElementsByClassName(TITLE_CLASS)[0]
  if (!title) {
    // The router changed its markup: say so loudly rather than leave the sink open unnoticed.
    console.error(`[page-title] @tarojs/router 的导航栏中找不到 .${TITLE_CLASS}，标题未做纯文本保护`)
    return
  }
  if (Object.prototype.hasOwnProperty.call(title, 'innerHTML')) return
  const html = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')
  Object.defineProperty(title, 'innerHTML', {
    configurable: false,
    get: () => html?.get?.call(title),
    set: (value: unknown) => {
      title.textContent = value === null || value === undefined ? '' : String(value)
    },
  })
}
