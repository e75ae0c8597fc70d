// The spreadsheet reader's worker thread (started by cloud/zone/spreadsheet.ts, which has already
// refused what the file declares too large): inflates an .xlsx entry by entry no further than each
// entry claims, counts its rows, and only then lets exceljs parse it — off the thread that answers
// calls, under the caller's heap limit and time limit. Answers one message: { sheet } or { refused }, as JSON.
// Plain JavaScript needing only Node and exceljs, so the same file runs from the sources (jest,
// tsx), beside the server bundle and beside a cloud function's bundle (each build copies it there).
'use strict'
const zlib = require('node:zlib')
const { Readable } = require('node:stream')
const { parentPort, workerData } = require('node:worker_threads')

// Linux keeps a nice value per thread: this lowers only this thread's, so on a busy machine the
// threads answering visitors get most of the CPU (10: about a tenth of a core against each busy
// one — not 19, under which a legitimate 20,000-row sheet starves past its time limit). Elsewhere
// it would lower the whole process, so it is not done there.
if (process.platform === 'linux') {
  try {
    require('node:os').setPriority(10)
  } catch {
    // Not permitted: the parse runs at normal priority.
  }
}

const { kind, entries, maxRows } = workerData
const file = Buffer.from(workerData.file.buffer, workerData.file.byteOffset, workerData.file.byteLength)

/** `<row` elements in a worksheet's XML: its rows, counted without parsing it. */
function countRows(xml) {
  let rows = 0
  for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
    const next = xml[at + 4]
    // <row r="1">, <row>, <row/>, not <rowBreaks>.
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x0a || next === 0x0d || next === 0x09) rows++
  }
  return rows
}

/** Records in a CSV: line breaks outside quotes (a doubled quote toggles twice), plus a last line without one. */
function csvRecords(bytes) {
  let records = 0
  let quoted = false
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b === 0x22) quoted = !quoted
    else if (b === 0x0a && !quoted) records++
  }
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? records + 1 : records
}

/** Holds every entry to its declared size while inflating it (a lying header is refused before it can inflate further), and counts worksheet rows. */
function checkXlsx() {
  let rows = 0
  let sheets = 0
  for (const entry of entries) {
    const packed = file.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize)
    let xml
    try {
      xml = entry.method === 0 ? packed : zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.declaredSize) })
    } catch (error) {
      return error && error.code === 'ERR_BUFFER_TOO_LARGE' ? 'lying' : 'unreadable'
    }
    if (xml.length > entry.declaredSize) return 'lying'
    if (entry.worksheet) {
      sheets++
      rows += countRows(xml)
      // Each sheet may have its header row besides the data rows.
      if (rows > maxRows + sheets) return 'rows'
    }
  }
  return null
}

function text(value) {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return text(value.result)
    return ''
  }
  return String(value)
}

/** The first sheet as header → cell text rows. */
async function parse() {
  // The workbook alone: exceljs's entry also loads its streaming writer and reader (archiver …),
  // which roughly doubles the load every import pays in a fresh thread.
  const Workbook = require('exceljs/lib/doc/workbook')
  const workbook = new Workbook()
  let sheet
  if (kind === 'csv') {
    // Keep every cell as the operator typed it: no automatic dates or numbers.
    sheet = await workbook.csv.read(Readable.from([file]), { map: (v) => v, parserOptions: { trim: false } })
  } else {
    await workbook.xlsx.load(file)
    sheet = workbook.worksheets[0]
  }
  if (!sheet) return { refused: 'unreadable' }
  if (sheet.rowCount > maxRows + 1) return { refused: 'rows' }
  const all = []
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = text(cell.value)
    })
    all[n - 1] = Array.from(cells, (c) => c ?? '')
  })
  const [head = [], ...body] = Array.from(all, (r) => r ?? [])
  const headers = head.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, '') : h).trim())
  // Trailing empty rows are not data; empty rows in the middle are reported as rows.
  while (body.length && body[body.length - 1].every((c) => !c.trim())) body.pop()
  const rows = body.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])))
  return { sheet: { headers, rows } }
}

async function read() {
  if (kind === 'csv') {
    if (csvRecords(file) > maxRows + 1) return { refused: 'rows' }
  } else {
    const refused = checkXlsx()
    if (refused) return { refused }
  }
  return parse()
}

// As JSON text: parsed on the caller's side, its arrays and objects are the caller's own (a
// structured clone makes them in the thread's main realm, which a vm context — jest — does not share).
read().then(
  (answer) => parentPort.postMessage(JSON.stringify(answer)),
  () => parentPort.postMessage(JSON.stringify({ refused: 'unreadable' })),
)
