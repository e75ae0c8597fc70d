// A school's group visit in real browsers against the real server (clock frozen at 08:00 Beijing on
// Friday 2026-11-27, the group booked for that afternoon): the leader uploads a 120-row roster with 3
// bad ID numbers on the phone and is refused row by row (the 3 rows named), uploads the fixed sheet
// and is pending; an operator approves it in the console after a confirm that says what changes;
// the leader's QR appears; the gate scans it and counts the group in by heads, in two parts.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { createAccount } from '../cloud/accounts/service'
import { openSqliteStore } from '../cloud/store/sqlite'
import { rosterXlsx, schoolRoster, withWrongCheckChar } from '../cloud/testing/roster'
import { desktopPage, ensureAdminBuild, launchBrowser, pageUrl, phonePage, shoot, startServer, type RunningServer } from './harness'

let server: RunningServer
let browser: Browser
const PASSWORD = 'groups-pass-2026'
const SESSION = '2026-11-27.pm'
const ORG = '大连高新区第一小学'
/** Screenshots a person looks at, beside the artifacts folder copy. */
const SHOTS = '/tmp/groups-shots'

beforeAll(async () => {
  ensureAdminBuild()
  server = await startServer({ CLOCK_AT: '2026-11-27T08:00:00+08:00', NO_SHOW_INTERVAL_MS: '0' })
  const store = openSqliteStore(server.dbFile)
  await createAccount(store.accounts, { username: 'ops', name: '运营小李', role: 'booking_operator', password: PASSWORD }, new Date())
  await createAccount(store.accounts, { username: 'gate', name: '门岗一', role: 'staff', password: PASSWORD }, new Date())
  await store.close()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
  await shoot(page, `groups-${name}`)
}

const input = (page: Page, labelId: string) => page.locator(`[aria-labelledby="${labelId}"] input:visible, input[aria-labelledby="${labelId}"]:visible`).first()

/** Chooses a roster file the way a person does: the file dialog the page opens. */
async function chooseRoster(page: Page, name: string, data: Buffer) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[data-action=choose-roster]:visible').click()])
  await chooser.setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: data })
  await page.getByText(`已选择：${name}`).waitFor()
}

test('a 120-row roster with 3 bad IDs is refused row by row, fixed and submitted, approved in the console, and counted in at the gate', async () => {
  const lines = schoolRoster(114, 6)
  const badRows = [13, 59, 105]
  const broken = lines.map((l, i) => (badRows.includes(i + 2) ? { ...l, id: withWrongCheckChar(l.id) } : l))

  // The leader, on the phone.
  const leader = await phonePage(browser)
  const page = leader.page
  await page.goto(pageUrl(server.url, 'groups/index'))
  await page.locator(`[data-session="${SESSION}"]:visible`).click()
  await input(page, 'gp-organisation').fill(ORG)
  await input(page, 'gp-creditCode').fill('12100000400000624D')
  await input(page, 'gp-leaderName').fill('王老师')
  await input(page, 'gp-leaderPhone').fill('13900000000')
  await chooseRoster(page, '三年级名单.xlsx', await rosterXlsx(broken))
  await page.locator('[data-action=submit-group]:visible').click()
  const table = page.locator('[data-row-errors]:visible')
  await table.waitFor()
  await expect(page.locator('[data-submit-error]:visible').innerText()).resolves.toContain('名单有 3 行有误')
  // Exactly the three rows, each named with its sheet row and the reason.
  await expect(table.locator('[data-row]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row'))))).resolves.toEqual(badRows)
  for (const row of badRows) await expect(table.locator(`[data-row="${row}"]`).innerText()).resolves.toMatch(new RegExp(`第 ${row} 行\\s*身份证号\\s*身份证号校验位不符`))
  await shot(page, 'roster-refused-390x844')
  // Nothing was booked: no request, no group places taken.
  await expect(page.locator('[data-group-request]').count()).resolves.toBe(0)

  await chooseRoster(page, '三年级名单-改.xlsx', await rosterXlsx(lines))
  await page.locator('[data-action=submit-group]:visible').click()
  const pending = page.locator('[data-group-request][data-status=pending]:visible')
  await pending.waitFor()
  await expect(pending.innerText()).resolves.toMatch(/待审核[\s\S]*120 人（教师 6、学生 114、成人 0）/)
  await expect(page.locator('[data-row-errors]').count()).resolves.toBe(0)
  await expect(page.locator(`[data-session="${SESSION}"]:visible`).innerText()).resolves.toContain('团体名额剩 30')
  await shot(page, 'submitted-390x844')

  // The operator approves it in the console, after a confirm that says what changes.
  const ops = await desktopPage(browser)
  await ops.page.goto(`${server.url}/admin/#/groups?day=2026-11-27`)
  await ops.page.getByLabel('账号').fill('ops')
  await ops.page.getByLabel('密码').fill(PASSWORD)
  await ops.page.getByRole('button', { name: /登\s*录/ }).click()
  await ops.page.getByTestId('groups-page').waitFor()
  await expect(ops.page.getByTestId(`group-taken-${SESSION}`).innerText()).resolves.toBe('120')
  await ops.page.getByRole('button', { name: `通过 ${ORG}`, exact: true }).click()
  await expect(ops.page.getByTestId('approve-impact').innerText()).resolves.toMatch(/120 人（教师 6、学生 114、成人 0）[\s\S]*通过不改变名额/)
  await shot(ops.page, 'console-approve-1280x800')
  await ops.page.getByRole('button', { name: '通过（120 人）' }).click()
  await ops.page.getByText(`已通过「${ORG}」`).waitFor()
  const requestId = await ops.page.locator('[data-testid^=group-status-]').first().getAttribute('data-testid')
  await expect(ops.page.locator('[data-testid^=group-status-]').first().innerText()).resolves.toBe('已通过')
  await shot(ops.page, 'console-approved-1280x800')
  expect(ops.errors).toEqual([])

  // The leader's page shows the QR once approved.
  await page.reload()
  const approved = page.locator('[data-group-request][data-status=approved]:visible')
  await approved.waitFor()
  const code = await approved.locator('[data-ticket-code]').getAttribute('data-ticket-code')
  expect(code).toMatch(/^G1\./)
  await shot(page, 'leader-qr-390x844')
  expect(leader.errors).toEqual([])

  // The gate: scan (here: type) the leader's code, see the organisation and 120 approved, count in twice.
  const gate = await phonePage(browser)
  await gate.page.goto(pageUrl(server.url, 'staff/pages/checkin/index'))
  await input(gate.page, 'st-user-label').fill('gate')
  await input(gate.page, 'st-password-label').fill(PASSWORD)
  await gate.page.getByText('登录', { exact: true }).click()
  await gate.page.getByRole('heading', { name: '入馆核验' }).waitFor()
  await input(gate.page, 'st-code-label').fill(code!)
  await gate.page.getByText('核验入馆', { exact: true }).click()
  const group = gate.page.locator('[data-outcome=group]:visible')
  await group.waitFor()
  await expect(group.innerText()).resolves.toMatch(new RegExp(`${ORG} · 获批 120 人[\\s\\S]*已入馆 0 / 120 人`))
  await input(gate.page, 'st-group-count').fill('70')
  await gate.page.getByText('确认入馆 70 人').click()
  await gate.page.getByText('本次入馆 70 人，累计 70 / 120 人').waitFor()
  await input(gate.page, 'st-group-count').fill('50')
  await gate.page.getByText('确认入馆 50 人').click()
  await gate.page.getByText('本次入馆 50 人，累计 120 / 120 人').waitFor()
  await gate.page.getByText('全团已入馆').waitFor()
  // The day's counts show the group apart from individuals.
  await gate.page.getByText('团体 已入馆 120 / 获批 120').waitFor()
  await shot(gate.page, 'gate-counted-390x844')
  expect(gate.errors).toEqual([])

  // Recorded with time and staff, and audited.
  const store = openSqliteStore(server.dbFile)
  const id = requestId!.replace('group-status-', '')
  const stored = await store.groups.get(id)
  expect(stored).toMatchObject({ status: 'approved', checkedIn: 120, decidedBy: 'ops' })
  expect(stored!.headCounts.map((c) => [c.count, c.by])).toEqual([[70, 'gate'], [50, 'gate']])
  const audit = await store.ops.listAudit({ limit: 20 } as never)
  expect(audit.map((a) => a.action).filter((a) => a.includes('Group') || a.startsWith('groups.'))).toEqual(['groups.countIn', 'groups.countIn', 'console.approveGroup'])
  await store.close()
})

test('in English the refused rows read in English; an operator cancels the approved group after a confirm naming it, and the leader sees Cancelled with the reason', async () => {
  const org = '大连高新区第二小学'
  const lines = schoolRoster(10, 1, 500)
  // Sheet row 5: a typing slip in the check digit; row 8: the same ID as row 3.
  const broken = lines.map((l, i) => (i + 2 === 5 ? { ...l, id: withWrongCheckChar(l.id) } : i + 2 === 8 ? { ...l, id: lines[1].id } : l))

  const leader = await phonePage(browser)
  const page = leader.page
  await page.goto(pageUrl(server.url, 'groups/index'))
  await page.evaluate(() => localStorage.setItem('gxq.lang', JSON.stringify({ data: 'en' })))
  await page.reload()
  await page.locator('[data-action=submit-group]:visible', { hasText: 'Submit group booking' }).waitFor()
  await page.locator(`[data-session="${SESSION}"]:visible`).click()
  await input(page, 'gp-organisation').fill(org)
  await input(page, 'gp-creditCode').fill('12100000400000624D')
  await input(page, 'gp-leaderName').fill('李老师')
  await input(page, 'gp-leaderPhone').fill('13900000001')
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[data-action=choose-roster]:visible').click()])
  await chooser.setFiles({ name: 'list.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await rosterXlsx(broken) })
  await page.getByText('Chosen: list.xlsx').waitFor()
  await page.locator('[data-action=submit-group]:visible').click()
  const table = page.locator('[data-row-errors]:visible')
  await table.waitFor()
  await expect(table.locator('[data-row]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row'))))).resolves.toEqual([5, 8])
  await expect(table.locator('[data-row="5"]').innerText()).resolves.toMatch(/Row 5\s*ID number\s*The ID number's last character \(its check digit\) does not match/)
  await expect(table.locator('[data-row="8"]').innerText()).resolves.toMatch(/Row 8\s*ID number\s*The same ID number as row 3\./)
  // No Chinese sentence is left in the rows a visitor reading English sees.
  for (const text of await table.locator('[data-row]').allInnerTexts()) expect(text).not.toMatch(/[\u4e00-\u9fff]/)
  await shot(page, 'roster-refused-en-390x844')

  const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[data-action=choose-roster]:visible').click()])
  await chooser2.setFiles({ name: 'list-fixed.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await rosterXlsx(lines) })
  await page.getByText('Chosen: list-fixed.xlsx').waitFor()
  await page.locator('[data-action=submit-group]:visible').click()
  await page.locator('[data-group-request][data-status=pending]:visible').waitFor()

  // The operator approves it, then cancels it: the confirm names the organisation, the session and the heads given back.
  const ops = await desktopPage(browser)
  await ops.page.goto(`${server.url}/admin/#/groups?day=2026-11-27`)
  await ops.page.getByLabel('账号').fill('ops')
  await ops.page.getByLabel('密码').fill(PASSWORD)
  await ops.page.getByRole('button', { name: /登\s*录/ }).click()
  await ops.page.getByTestId('groups-page').waitFor()
  await ops.page.getByRole('button', { name: `通过 ${org}`, exact: true }).click()
  await ops.page.getByRole('button', { name: '通过（11 人）' }).click()
  await ops.page.getByText(`已通过「${org}」`).waitFor()
  const takenBefore = Number(await ops.page.getByTestId(`group-taken-${SESSION}`).innerText())
  await ops.page.getByRole('button', { name: `取消 ${org}`, exact: true }).click()
  await expect(ops.page.getByTestId('cancel-impact').innerText()).resolves.toMatch(new RegExp(`「${org}」2026-11-27 下午场 13:00–16:30，已通过 11 人。取消后释放这 11 个团体名额`))
  await ops.page.getByLabel('取消原因').fill('展厅临时检修')
  await shot(ops.page, 'console-cancel-1280x800')
  await ops.page.getByRole('button', { name: '取消预约（释放 11 人）' }).click()
  await ops.page.getByText(`已取消「${org}」，释放 11 个团体名额`).waitFor()
  await expect(ops.page.getByTestId(`group-taken-${SESSION}`).innerText()).resolves.toBe(String(takenBefore - 11))
  expect(ops.errors).toEqual([])

  await page.reload()
  const cancelled = page.locator('[data-group-request][data-status=cancelled]:visible')
  await cancelled.waitFor()
  await expect(cancelled.innerText()).resolves.toMatch(/Cancelled[\s\S]*Reason: 展厅临时检修/)
  await expect(cancelled.locator('[data-ticket-code]').count()).resolves.toBe(0)
  expect(leader.errors).toEqual([])
})
