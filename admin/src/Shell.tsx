// The console's frame: sign-in when there is no session, else a side menu of the pages the
// operator's role may use, chosen by the URL hash (#/exhibits) so a page can be linked and reloaded.
import { useEffect, useRef, useState } from 'react'
import { App, Button, Layout, Menu, Result, Space, Typography } from 'antd'
import { loadSession, saveSession, type Session } from './api'
import { PAGES, pagesFor, ROLE_LABELS, type PageKey } from './roles'
import { SignIn } from './pages/SignIn'
import { Dashboard } from './pages/Dashboard'
import { Exhibits } from './pages/Exhibits'
import { Halls } from './pages/Halls'
import { Notices } from './pages/Notices'
import { Bookings } from './pages/Bookings'
import { BookingSettings } from './pages/BookingSettings'
import { Groups } from './pages/Groups'
import { ZoneImport } from './pages/ZoneImport'
import { ZoneData } from './pages/ZoneData'
import { Audit } from './pages/Audit'
import { Accounts } from './pages/Accounts'
import { QrSheet } from './pages/QrSheet'
import { Transfer } from './pages/Transfer'
import { call } from './api'
import { ChangePassword } from './ChangePassword'
import { RenewSignIn } from './RenewSignIn'
import { DISCARD_CONFIRM, discardUnsaved, hasUnsaved } from './unsaved'

const PAGE_VIEW: Record<PageKey, () => JSX.Element> = {
  dashboard: Dashboard,
  exhibits: Exhibits,
  halls: Halls,
  qrSheet: QrSheet,
  notices: Notices,
  bookings: Bookings,
  bookingSettings: BookingSettings,
  groups: Groups,
  zoneData: ZoneData,
  zone: ZoneImport,
  transfer: Transfer,
  audit: Audit,
  accounts: Accounts,
}

const hashPage = () => window.location.hash.replace(/^#\/?/, '').split('?')[0]

export function Shell() {
  const { modal } = App.useApp()
  const [session, setSession] = useState<Session | null>(loadSession)
  const [page, setPage] = useState(hashPage)
  const shown = useRef(page)
  shown.current = page
  const [changingPassword, setChangingPassword] = useState(false)
  // A stored session is checked once against the server (accounts.me): a disabled account or a
  // changed role shows at once; an expired token signs out (api.ts).
  useEffect(() => {
    if (!session) return
    void call('accounts', 'me', {}).then((res) => {
      if (res.ok && res.data.me.role !== session.role) {
        const next = { ...session, role: res.data.me.role, name: res.data.me.name ?? session.name }
        saveSession(next)
        setSession(next)
      }
    })
    // Once per sign-in (token), not on every session object the check itself replaces.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session?.token])
  useEffect(() => {
    // Every way to another page (the menu, a typed or pasted link, the browser's back button)
    // arrives here: with edits pending the address is put back and the operator asked first.
    const onHash = () => {
      const next = hashPage()
      if (next === shown.current) return
      if (!hasUnsaved()) return setPage(next)
      window.history.replaceState(null, '', `#/${shown.current}`)
      modal.confirm({ ...DISCARD_CONFIRM, onOk: () => (discardUnsaved(), (window.location.hash = `#/${next}`)) })
    }
    const onOut = () => setSession(null)
    window.addEventListener('hashchange', onHash)
    window.addEventListener('gxq-signed-out', onOut)
    return () => {
      window.removeEventListener('hashchange', onHash)
      window.removeEventListener('gxq-signed-out', onOut)
    }
  }, [modal])

  if (!session) return <SignIn onSignedIn={(s) => (saveSession(s), setSession(s))} />

  const pages = pagesFor(session.role)
  // A page this role may not use (a shared link, an old bookmark) says so, rather than quietly
  // showing another page; an empty hash opens the first page.
  const named = PAGES.find((p) => p.key === page)
  const forbidden = !!named && !pages.some((p) => p.key === named.key)
  const unknown = !!page && !named
  const current = forbidden || unknown ? undefined : (pages.find((p) => p.key === page) ?? pages[0])
  const View = current ? PAGE_VIEW[current.key] : null
  const home = pages[0] ? (
    <Button type="primary" onClick={() => (window.location.hash = `#/${pages[0].key}`)}>
      返回{pages[0].label}
    </Button>
  ) : undefined
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600 }}>高新区科技馆 管理后台</div>
        {/* The sider draws the one full-height border; the menu's own stopped where its items did. */}
        <Menu
          style={{ borderInlineEnd: 'none' }}
          mode="inline"
          selectedKeys={current ? [current.key] : []}
          items={pages.map((p) => ({ key: p.key, label: p.label }))}
          // Another page would drop a form's unsaved edits: the hash handler asks first.
          onClick={({ key }) => void (window.location.hash = `#/${key}`)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '0 24px' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {current?.label ?? (forbidden ? '无权访问' : '管理后台')}
          </Typography.Title>
          <Space>
            <span>
              {session.name}（{ROLE_LABELS[session.role]}）
            </span>
            <Button onClick={() => setChangingPassword(true)}>修改密码</Button>
            <Button onClick={() => (saveSession(null), setSession(null))}>退出登录</Button>
          </Space>
          {changingPassword && <ChangePassword onClose={() => setChangingPassword(false)} />}
          <RenewSignIn session={session} onRenewed={setSession} />
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          {forbidden ? (
            <Result status="403" title={`没有权限访问「${named.label}」`} subTitle={`当前账号（${ROLE_LABELS[session.role]}）不能使用这个页面；如需使用，请联系管理员调整角色。`} extra={home} />
          ) : unknown ? (
            <Result status="404" title="没有这个页面" subTitle="链接可能有误，请从左侧菜单进入。" extra={home} />
          ) : View ? (
            <View />
          ) : (
            <Result status="403" title="此账号没有可用的管理功能" subTitle={`${ROLE_LABELS.staff}账号请使用小程序的核验页面。`} />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
