// Reads the first sheet of an uploaded .xlsx or .csv into header → cell-text rows, for the zone
// import (console and `npm run import`). A spreadsheet is a file a stranger may have crafted: a
// few hundred KB can declare or inflate to millions of rows, which exceljs would hold in memory
// for many seconds while nothing else ran. So, in order:
//   1. what the file declares — its zip directory's sizes, each sheet's <dimension> — is checked
//      here without inflating it;
//   2. a worker thread (sheet-worker.js) inflates each part no further than it claims, counts
//      the rows, and only then parses with exceljs, under a heap limit and a time limit;
//   3. whatever happens in the worker (a crash, out of memory, too slow) is a refusal, never the
//      caller's problem: the thread that answers every other call only waits.
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { fail, ok, type Result } from '../contracts/result'
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from './sheet-limits'
import { isWorksheet, zipEntries, declaredRows, type ZipEntry } from './xlsx-zip'

export interface Sheet {
  headers: string[]
  rows: Array<Record<string, string>>
}

export const SheetErrors = {
  SHEET_UNREADABLE: '无法读取文件，请上传 .xlsx 或 .csv 表格',
  SHEET_TOO_LARGE: '表格过大',
  SHEET_BUSY: '另一份表格正在读取，请稍后再试',
} as const

const tooManyRows = (limits: SheetLimits) => fail('SHEET_TOO_LARGE', `${SheetErrors.SHEET_TOO_LARGE}：最多 ${limits.maxRows} 行`)
const tooManyBytes = (limits: SheetLimits) => fail('SHEET_TOO_LARGE', `${SheetErrors.SHEET_TOO_LARGE}：解压后最多 ${Math.floor(limits.maxBytes / 1024 / 1024)} MB`)

/** What the worker is given: sheet-worker.js reads these fields. */
interface SheetJob {
  kind: 'csv' | 'xlsx'
  file: Buffer
  entries: Array<ZipEntry & { worksheet: boolean }>
  maxRows: number
}

type Refusal = 'rows' | 'lying' | 'unreadable' | 'memory' | 'time'
type WorkerAnswer = { sheet: Sheet } | { refused: Refusal }

/**
 * Beside this module in the sources; beside the bundle (dist/server/main.js, a cloud function's
 * index.js) once built, where the builds copy it. Read through __dirname either way.
 */
export const SHEET_WORKER_FILE = 'sheet-worker.js'

/** One parse at a time per process: imports are rare, and each may take a core and hundreds of MB. */
let reading = false

export async function readSheet(upload: { name: string; data: Buffer }, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<Result<Sheet>> {
  const ext = path.extname(upload.name).toLowerCase()
  if (ext !== '.csv' && ext !== '.xlsx') return fail('SHEET_UNREADABLE', SheetErrors.SHEET_UNREADABLE)
  const { data } = upload
  let job: SheetJob
  if (ext === '.csv') {
    if (data.length > limits.maxBytes) return tooManyBytes(limits)
    job = { kind: 'csv', file: data, entries: [], maxRows: limits.maxRows }
  } else {
    const entries = zipEntries(data)
    if (!entries) return fail('SHEET_UNREADABLE', SheetErrors.SHEET_UNREADABLE)
    // Each sheet's header row is not a data row.
    const declared = entries.filter(isWorksheet).reduce((sum, e) => sum + Math.max(0, (declaredRows(data, e) ?? 0) - 1), 0)
    if (declared > limits.maxRows) return tooManyRows(limits)
    if (entries.reduce((sum, e) => sum + e.declaredSize, 0) > limits.maxBytes) return tooManyBytes(limits)
    job = { kind: 'xlsx', file: data, entries: entries.map((e) => ({ ...e, worksheet: isWorksheet(e) })), maxRows: limits.maxRows }
  }
  if (reading) return fail('SHEET_BUSY', SheetErrors.SHEET_BUSY)
  reading = true
  let answer: WorkerAnswer
  try {
    answer = await inWorker(job, limits)
  } finally {
    reading = false
  }
  if ('sheet' in answer) return ok(answer.sheet)
  switch (answer.refused) {
    case 'rows':
      return tooManyRows(limits)
    case 'memory':
    case 'time':
      return fail('SHEET_TOO_LARGE', `${SheetErrors.SHEET_TOO_LARGE}或过于复杂，无法读取：请拆分为每份不超过 ${limits.maxRows} 行后重试`)
    default:
      // A part inflating past its declared size is a damaged (or crafted) file.
      return fail('SHEET_UNREADABLE', SheetErrors.SHEET_UNREADABLE)
  }
}

function inWorker(job: SheetJob, limits: SheetLimits): Promise<WorkerAnswer> {
  return new Promise((resolve) => {
    const worker = new Worker(path.join(__dirname, SHEET_WORKER_FILE), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    })
    let settled = false
    const settle = (answer: WorkerAnswer) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      resolve(answer)
    }
    const timer = setTimeout(() => settle({ refused: 'time' }), limits.timeLimitMs)
    worker.once('message', (json: string) => settle(JSON.parse(json) as WorkerAnswer))
    worker.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return settle({ refused: 'memory' })
      // Not the file's doing (the worker file missing from a build, say): said where operators look.
      console.error('spreadsheet worker failed', error)
      settle({ refused: 'unreadable' })
    })
    worker.once('exit', () => settle({ refused: 'unreadable' }))
  })
}
