// What an .xlsx (a zip) says about itself, read without inflating it: the central directory's
// entries with their declared sizes, and the <dimension> a worksheet declares near its start.
// Enough to refuse a spreadsheet bomb before any parser sees it; the sizes are only claims, so
// the sheet worker (sheet-worker.js) holds each entry to its claim while inflating.
// Written here rather than taken from a zip library because the libraries inflate on read, or
// sum sizes only after inflating; this reads the directory and nothing else.
import zlib from 'node:zlib'

export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated: nothing else occurs in .xlsx files. */
  method: 0 | 8
  /** Where the entry's data starts in the file, and its length there. */
  dataOffset: number
  compressedSize: number
  /** What the central directory claims the entry inflates to. */
  declaredSize: number
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
/** A workbook has a dozen or so parts, a few hundred with many sheets or pictures. */
const MAX_ENTRIES = 2_000

/** The entries of a zip, or null when it is not one (or a zip64 / multi-disk one, which no sheet needs). */
export function zipEntries(file: Buffer): ZipEntry[] | null {
  // The end record sits in the last 22 bytes plus at most a 64 KB comment.
  let end = -1
  if (file.length < 22) return null
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i--) {
    if (file.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) return null
  const count = file.readUInt16LE(end + 10)
  const directorySize = file.readUInt32LE(end + 12)
  const directoryOffset = file.readUInt32LE(end + 16)
  if (count === 0xffff || directoryOffset === 0xffffffff || count > MAX_ENTRIES || directoryOffset + directorySize > end) return null
  const entries: ZipEntry[] = []
  let at = directoryOffset
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || file.readUInt32LE(at) !== DIRECTORY_ENTRY) return null
    const method = file.readUInt16LE(at + 10)
    const compressedSize = file.readUInt32LE(at + 20)
    const declaredSize = file.readUInt32LE(at + 24)
    const nameLength = file.readUInt16LE(at + 28)
    const next = at + 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32)
    const local = file.readUInt32LE(at + 42)
    if ((method !== 0 && method !== 8) || next > end || local + 30 > file.length || file.readUInt32LE(local) !== LOCAL_HEADER) return null
    const dataOffset = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28)
    if (dataOffset + compressedSize > file.length) return null
    entries.push({ name: file.toString('utf8', at + 46, at + 46 + nameLength), method, dataOffset, compressedSize, declaredSize })
    at = next
  }
  return entries
}

export const isWorksheet = (entry: Pick<ZipEntry, 'name'>): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)

/** How many compressed bytes of a sheet are read for its <dimension>: at most ~1 MB of XML (deflate's ratio is at most ~1032:1). */
const HEAD_BYTES = 1024

/** The start of an entry's text, from a bounded slice of its compressed bytes. */
function headOf(file: Buffer, entry: ZipEntry): string {
  const slice = file.subarray(entry.dataOffset, entry.dataOffset + Math.min(entry.compressedSize, HEAD_BYTES))
  if (entry.method === 0) return slice.toString('utf8')
  try {
    // A truncated stream: flush what it gives instead of failing for want of its end.
    return zlib.inflateRawSync(slice, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('utf8')
  } catch {
    return ''
  }
}

/**
 * The rows a worksheet declares (<dimension ref="A1:F120"> → 120), or null when it declares none
 * in its first part (the row count in the worker still applies).
 */
export function declaredRows(file: Buffer, entry: ZipEntry): number | null {
  const ref = /<(?:[\w.-]+:)?dimension\s[^>]*?ref\s*=\s*["']([^"']+)["']/.exec(headOf(file, entry))?.[1]
  if (!ref) return null
  const rows = ref.split(':').map((cell) => Number(/\d+$/.exec(cell)?.[0] ?? NaN))
  if (rows.some((r) => !Number.isFinite(r))) return null
  return Math.max(...rows) - Math.min(...rows) + 1
}
