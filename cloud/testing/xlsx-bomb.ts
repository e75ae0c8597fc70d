// Hostile spreadsheets for the import's tests and benchmark: a real .xlsx (one sheet, inline
// strings, so exceljs reads it like any other) whose sheet XML is written by hand, so a test can
// say how many rows it holds, what <dimension> it declares, and what sizes its zip headers claim.
// A zip writer of its own because a library would not write lying headers. 1.5 million tiny rows
// deflate to about 7 MB with their row numbers, to tens of KB without.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

export interface BombOptions {
  /** Data rows under the header row. */
  rows: number
  /** The <dimension ref> the sheet declares: 'honest' (the real extent), none at all, or any ref. */
  dimension?: 'honest' | 'none' | string
  /** Each zip entry claims to inflate to this many bytes (a lying header); absent: the truth. */
  claimedEntryBytes?: number
  /**
   * Whether rows and cells say where they are (r="…"). Without, every data row is the same bytes
   * and 1.5 million of them deflate to tens of KB — the shape of the bombs that stalled the
   * service: exceljs reads all of them, then gives up on the missing row numbers. Default true.
   */
  refs?: boolean
  /** The header row; the companies template's first column by default, so the kind is recognised. */
  headers?: string[]
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const column = (i: number) => String.fromCharCode(65 + i)

function sheetXml({ rows, dimension = 'honest', refs = true, headers = ['企业名称', '行业'] }: BombOptions): Buffer {
  const ref = dimension === 'honest' ? `A1:${column(headers.length - 1)}${rows + 1}` : dimension === 'none' ? null : dimension
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    ref ? `<dimension ref="${ref}"/>` : '',
    '<sheetData><row r="1">',
    ...headers.map((h, i) => `<c r="${column(i)}1" t="inlineStr"><is><t>${esc(h)}</t></is></c>`),
    '</row>',
  ]
  const body = refs ? rowsXml(rows) : Buffer.from('<row><c><v>1</v></c></row>'.repeat(rows))
  return Buffer.concat([Buffer.from(parts.join('')), body, Buffer.from('</sheetData></worksheet>')])
}

/** The data rows' XML, kept per row count: tests build several bombs of the same rows. */
const rowsByCount = new Map<number, Buffer>()
function rowsXml(rows: number): Buffer {
  let xml = rowsByCount.get(rows)
  if (!xml) {
    const chunks: Buffer[] = []
    // Rows and cells keep their r="" (exceljs needs them), so the file is a sheet it can read.
    for (let start = 2; start <= rows + 1; start += 50_000) {
      const batch: string[] = []
      for (let r = start; r < Math.min(start + 50_000, rows + 2); r++) batch.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`)
      chunks.push(Buffer.from(batch.join('')))
    }
    xml = Buffer.concat(chunks)
    rowsByCount.set(rows, xml)
  }
  return xml
}

const PACKAGE_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}

/** A zip of `entries` (deflated), every header claiming `claimed` bytes uncompressed when given. */
export function zip(entries: Array<{ name: string; data: Buffer }>, claimed?: number): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8')
    const packed = zlib.deflateRawSync(data)
    const crc = zlib.crc32(data)
    const size = claimed ?? data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // names are UTF-8
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt16LE(0, 10)
    local.writeUInt16LE(0x21, 12) // 1980-01-01
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt16LE(0, 12)
    central.writeUInt16LE(0x21, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, packed)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** An .xlsx of `rows` tiny rows, as described by `options`. */
export function xlsxBomb(options: BombOptions): Buffer {
  const entries = [...Object.entries(PACKAGE_PARTS).map(([name, xml]) => ({ name, data: Buffer.from(xml) })), { name: 'xl/worksheets/sheet1.xml', data: sheetXml(options) }]
  return zip(entries, options.claimedEntryBytes)
}

/** Writes the bomb into a fresh folder under the system temp folder; the caller removes `dir`. */
export function writeXlsxBomb(options: BombOptions, fileName = 'bomb.xlsx'): { dir: string; file: string; bytes: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-bomb-'))
  const file = path.join(dir, fileName)
  const data = xlsxBomb(options)
  fs.writeFileSync(file, data)
  return { dir, file, bytes: data.length }
}
