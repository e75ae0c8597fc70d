import './zod-jitless'
import React from 'react'
import { createRoot } from 'react-dom/client'
import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { Shell } from './Shell'

dayjs.locale('zh-cn')

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1f6feb' } }}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  </React.StrictMode>,
)
