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
// Toasts never stand between the operator and a button: clicks pass through them (so hovering one
// cannot hold it open either), they start below the 64 px header, and a long one wraps narrowly.
const toastStyle = document.createElement('style')
toastStyle.textContent = '.ant-message .ant-message-notice-content { pointer-events: none; max-width: min(560px, 90vw); text-align: left; }'
document.head.appendChild(toastStyle)

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1f6feb' } }}>
      <AntApp message={{ top: 72, duration: 3, maxCount: 3 }}>
        <Shell />
      </AntApp>
    </ConfigProvider>
  </React.StrictMode>,
)
