// 团体预约 in the built mini-program (dist/weapp), as e2e/groups.test.ts does it on H5: a school's
// leader picks Friday afternoon, fills in the form and picks the roster from a WeChat chat
// (wx.chooseMessageFile; the fake gives the .xlsx made here with exceljs, read back through
// wx.getFileSystemManager().readFileSync as the page does). A 120-row roster with 3 bad ID numbers
// is refused with exactly those rows named; the fixed sheet goes through and 我的团体预约 shows it
// 待审核. The server's clock is frozen at 08:00 Beijing on Friday 2026-11-27.
import ExcelJS from 'exceljs'
import { ROSTER_HEADERS } from '../../cloud/contracts/groups'
import { openSqliteStore } from '../../cloud/store/sqlite'
import { rosterXlsx, schoolRoster, withWrongCheckChar } from '../../cloud/testing/roster'
import { startServer, type RunningServer } from '../harness'
import { ensureWeappBuild, reportSetData } from './build'
import { USER_DATA_PATH } from './fake-wx'
import { visitorIdentity } from './identity'
import { launchMiniProgram, type MiniProgram, type PageHandle } from './mini-program'
import { findNodes, textOf } from './tree'

let server: RunningServer
const opened: MiniProgram[] = []
const SESSION = '2026-11-27.pm'
const ORG = '大连高新区第一小学'

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer({ CLOCK_AT: '2026-11-27T08:00:00+08:00', NO_SHOW_INTERVAL_MS: '0' }, { h5: false })
})
afterAll(async () => {
  for (const mp of opened) mp.close()
  reportSetData(opened.flatMap((mp) => mp.setData))
  await server?.stop()
})

/** The session chip of that day (as the page writes it, e.g. 11月27日) with that name. */
function chipOf(page: PageHandle, day: string, name: string) {
  const dayNode = findNodes(page.root(), { cls: 'gp-day' }).find((d) => findNodes(d, { cls: 'gp-day__date', contains: day }).length === 1)
  if (!dayNode) throw new Error(`no day ${day} among the group sessions:\n${page.text()}`)
  const chip = findNodes(dayNode, { cls: 'gp-session', contains: name })
  if (chip.length !== 1) throw new Error(`expected one ${name} on ${day}, found ${chip.length}`)
  return chip[0]
}

/** Taps that chip, as a person does. */
async function chooseSession(page: PageHandle, day: string, name: string) {
  const chip = chipOf(page, day, name)
  await page.tap({ cls: 'gp-session', nth: findNodes(page.root(), { cls: 'gp-session' }).indexOf(chip) })
}

test('a 120-row roster picked from a chat with 3 bad IDs is refused with those rows named; the fixed one is submitted and shows 待审核', async () => {
  const lines = schoolRoster(114, 6)
  const badRows = [13, 59, 105]
  const broken = lines.map((l, i) => (badRows.includes(i + 2) ? { ...l, id: withWrongCheckChar(l.id) } : l))

  const mp = await launchMiniProgram({ serverUrl: server.url, identity: visitorIdentity(server) })
  opened.push(mp)
  const page = await mp.open('groups/index')
  expect(page.text()).toContain('团体预约')
  expect(page.text()).not.toContain('我的团体预约') // no requests yet: only the form

  await chooseSession(page, '11月27日', '下午场')
  const chosen = findNodes(page.root(), { cls: 'gp-session--on' })
  expect(chosen.map(textOf)).toEqual([expect.stringContaining('下午场')])
  expect(textOf(chosen[0])).toContain('团体名额剩 150')

  // The template: written to the phone and opened (with its menu, to forward it to a computer).
  await page.tap({ text: '下载名单模板' })
  const template = `${USER_DATA_PATH}/团体预约名单模板.xlsx`
  expect(mp.wx.callsTo('openDocument')).toEqual([{ filePath: template, fileType: 'xlsx', showMenu: true }])
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(mp.wx.written.get(template)! as unknown as ArrayBuffer)
  expect((book.worksheets[0].getRow(1).values as unknown[]).filter(Boolean)).toEqual(ROSTER_HEADERS)

  await page.input({ prop: '单位或学校名称' }, ORG)
  await page.input({ prop: '18 位，见营业执照或事业单位法人证书' }, '12100000400000624D')
  await page.input({ prop: '领队姓名' }, '王老师')
  await page.input({ prop: '领队手机号' }, '13900000000')

  // The roster, sent to oneself from a computer, picked from the chat.
  mp.wx.messageFiles.push({ name: '三年级名单.xlsx', bytes: await rosterXlsx(broken) })
  await page.tap({ text: '选择名单表格（.xlsx）' })
  expect(mp.wx.callsTo('chooseMessageFile')).toEqual([{ count: 1, type: 'file', extension: ['xlsx', 'csv'] }])
  expect(page.text()).toContain('已选择：三年级名单.xlsx')

  await page.tap({ text: '提交团体预约' })
  expect(page.text()).toContain('名单有 3 行有误')
  // Exactly the three rows, each named with its sheet row and the reason.
  const rows = findNodes(page.root(), { cls: 'gp-rows__row' }).slice(1).map((r) => textOf(r))
  expect(rows).toEqual(badRows.map((row) => expect.stringMatching(new RegExp(`^第 ${row} 行\\s*身份证号\\s*身份证号校验位不符`))))
  // Nothing booked: still no request of this phone.
  expect(page.text()).not.toContain('待审核')

  // The fixed sheet: picked again (the button now names the chosen file), submitted.
  mp.wx.messageFiles.push({ name: '三年级名单-改.xlsx', bytes: await rosterXlsx(lines) })
  await page.tap({ text: '已选择：三年级名单.xlsx' })
  expect(page.text()).toContain('已选择：三年级名单-改.xlsx')
  await page.tap({ text: '提交团体预约' })
  expect(mp.wx.callsTo('showToast')).toContainEqual(expect.objectContaining({ title: '已提交，等待审核' }))
  expect(page.text()).toContain('我的团体预约')
  const mine = findNodes(page.root(), { cls: 'gp-field', contains: '待审核' }).map(textOf)
  expect(mine).toEqual([expect.stringMatching(new RegExp(`${ORG}\\s*待审核[\\s\\S]*120 人（教师 6、学生 114、成人 0）`))])
  expect(findNodes(page.root(), { cls: 'gp-rows__row' })).toHaveLength(0)
  expect(textOf(chipOf(page, '11月27日', '下午场'))).toContain('团体名额剩 30')

  // On the server: one pending request of 120 for that session.
  const store = openSqliteStore(server.dbFile)
  try {
    const day = await store.groups.listOn('2026-11-27')
    expect(day).toMatchObject([{ sessionId: SESSION, status: 'pending', people: 120, organisation: ORG }])
  } finally {
    await store.close()
  }
  mp.assertHealthy()
}, 120_000)
