// Main package: only what a cold scan and the tab pages need. Everything else is a subpackage.
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/exhibit/index', 'pages/mine/index'],
  subPackages: [
    { root: 'exhibits', pages: ['pages/list/index', 'pages/sources/index'] },
    {
      root: 'zone',
      pages: ['pages/companies/index', 'pages/company/index', 'pages/policies/index', 'pages/policy/index', 'pages/match/index', 'pages/figures/index', 'pages/alerts/index'],
    },
    // Audio guide and visit trail: opened from an exhibit page, never on the cold-scan path.
    { root: 'guide', pages: ['pages/listen/index', 'pages/trail/index'] },
    { root: 'booking', pages: ['pages/calendar/index', 'pages/form/index', 'pages/visitors/index', 'pages/ticket/index', 'pages/mine/index', 'pages/privacy/index', 'pages/waitlist/index'] },
    // 成果转化: results, needs, platforms, 对接 requests (opened from the zone pages, an exhibit, 我的).
    {
      root: 'transfer',
      pages: ['pages/results/index', 'pages/result/index', 'pages/needs/index', 'pages/need-form/index', 'pages/platforms/index', 'pages/request/index', 'pages/mine/index'],
    },
    // 团体预约: schools and organisations (linked from the booking calendar).
    { root: 'groups', pages: ['index'] },
    { root: 'staff', pages: ['pages/checkin/index'] },
    // 页面不存在: where an unknown route lands (app.ts, usePageNotFound).
    { root: 'missing', pages: ['index'] },
  ],
  // The audio guide keeps playing while the visitor walks on (background audio manager).
  requiredBackgroundModes: ['audio'],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['exhibits', 'booking'] },
    'pages/mine/index': { network: 'all', packages: ['booking'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#0b4f8a',
    navigationBarTitleText: '高新区科技馆',
    // navigationBarTextStyle is left at its default, white (WeChat's 全局配置 window; Taro's H5 router
    // also falls back to white): the main package is at its ceiling, and the bytes paid for the
    // groups subpackage's entry.
    backgroundColor: '#f4f6f9',
  },
  tabBar: {
    color: '#5b6472',
    selectedColor: '#0b4f8a',
    backgroundColor: '#ffffff',
    // borderStyle left at its default, black (WeChat's tabBar; Taro's H5 tab bar too): bytes for the groups entry.
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
