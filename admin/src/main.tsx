import './zod-jitless'
import React from 'react'
import { createRoot } from 'react-dom/client'
import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { Shell } from './Shell'

dayjs.locale('zh-cn')
// The browser's default 8 px body margin framed the console in white (set here, not inline in the HTML, for the CSP).
document.body.style.margin = '0'

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1f6feb' } }}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  </React.StrictMode>,
)
