// Spreadsheet bombs against the built server as `npm start` runs it (calls on their own thread):
// each is refused with a code and a Chinese message, and meanwhile visitors' calls keep being
// answered promptly — the import's parse never holds the thread that answers them.
import fs from 'node:fs'
import path from 'node:path'
import { post, startBuiltServer } from '../testing/import-server'
import { readCompanies } from '../zone/seed'
import { xlsxBomb } from '../testing/xlsx-bomb'

jest.setTimeout(180_000)

/** Far above what a visitor would notice as a stall, far below what a parse of 200,000 rows holds the thread for. */
const CALENDAR_BOUND_MS = 1_000

const BOMBS = {
  'declares its 200,000 rows': xlsxBomb({ rows: 200_000 }),
  'is shaped like those that stalled the service (1.5 million unnumbered rows, ~100 KB)': xlsxBomb({ rows: 1_500_000, refs: false, dimension: 'none' }),
  'hides its 200,000 rows behind a small <dimension>': xlsxBomb({ rows: 200_000, dimension: 'A1:B2' }),
  'claims its parts inflate to 2 KB each': xlsxBomb({ rows: 200_000, dimension: 'none', claimedEntryBytes: 2_000 }),
}

test('every spreadsheet bomb is refused with a code, while booking.calendar keeps answering within bounds', async () => {
  const server = await startBuiltServer()
  try {
    const idle = await post(server.port, 'booking', { action: 'calendar' })
    expect(idle.body.ok).toBe(true)
    for (const [what, file] of Object.entries(BOMBS)) {
      let done = false
      const importing = post(server.port, 'console', { action: 'previewImport', mode: 'merge', fileName: 'companies.xlsx', data: file.toString('base64') }, server.editorToken).finally(() => (done = true))
      // A visitor keeps opening the calendar while the import runs (at least once more after it).
      const calendar: number[] = []
      do {
        const reply = await post(server.port, 'booking', { action: 'calendar' })
        expect(reply.body?.ok).toBe(true)
        calendar.push(reply.ms)
      } while (!done)
      const answer = await importing
      expect({ what, code: answer.body?.error?.code }).toEqual({ what, code: expect.stringMatching(/^SHEET_(TOO_LARGE|UNREADABLE)$/) })
      expect(answer.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
      // The slowest calendar answer, named by the bomb it ran beside.
      expect({ what, stalled: Math.max(...calendar) >= CALENDAR_BOUND_MS ? Math.max(...calendar) : false }).toEqual({ what, stalled: false })
    }
    // Honestly declared rows are refused by what the file says, with the limit in the message.
    const declared = await post(server.port, 'console', { action: 'previewImport', mode: 'merge', fileName: 'companies.xlsx', data: BOMBS['declares its 200,000 rows'].toString('base64') }, server.editorToken)
    expect(declared.body.error).toEqual({ code: 'SHEET_TOO_LARGE', message: '表格过大：最多 20000 行' })
    // Nothing was imported, and the process is still the one that started.
    const zone = await post(server.port, 'console', { action: 'zoneData' }, server.editorToken)
    expect(zone.body.data.companies).toHaveLength(readCompanies().length)
    expect(server.child.exitCode).toBeNull()
    // A real sheet still goes through the same worker, beside the bundle, and imports.
    const template = fs.readFileSync(path.resolve(__dirname, '..', '..', 'data', 'templates', 'companies.csv'))
    const sheet = { fileName: 'companies.csv', data: template.toString('base64'), mode: 'merge' }
    const preview = await post(server.port, 'console', { action: 'previewImport', ...sheet }, server.editorToken)
    expect(preview.body).toMatchObject({ ok: true, data: { kind: 'companies', errors: [] } })
    const good = await post(server.port, 'console', { action: 'importZone', ...sheet, baseline: preview.body.data.baseline }, server.editorToken)
    expect(good.body).toMatchObject({ ok: true, data: { kind: 'companies', removed: 0 } })
    expect(good.body.data.added + good.body.data.changed + good.body.data.unchanged).toBe(readCompanies().length)
  } finally {
    await server.stop()
  }
})
