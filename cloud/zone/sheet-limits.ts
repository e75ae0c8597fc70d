// How large an imported spreadsheet may be (zone/spreadsheet.ts enforces them). Apart from the
// reader so every runtime can build them from its environment without bundling the reader.

export interface SheetLimits {
  /** Data rows under the header row (IMPORT_MAX_ROWS). */
  maxRows: number
  /** Bytes the whole file may inflate to. */
  maxBytes: number
  /** The worker's heap (IMPORT_HEAP_MB): where the function's memory is small (a WeChat cloud function has 256 MB), less. */
  heapMb: number
  /** How long the worker may take before it is stopped. */
  timeLimitMs: number
}

/** A fixed allowance for the workbook's other parts (styles, theme) plus this much a row: long company descriptions fit. */
const BASE_BYTES = 16 * 1024 * 1024
const BYTES_PER_ROW = 2_560

const limitsFor = (maxRows: number, heapMb: number): SheetLimits => ({ maxRows, maxBytes: BASE_BYTES + maxRows * BYTES_PER_ROW, heapMb, timeLimitMs: 20_000 })

/** 20,000 rows: a hundred times the zone's companies; about 66 MB inflated; exceljs needs a few hundred MB of heap for that. */
export const DEFAULT_SHEET_LIMITS: SheetLimits = limitsFor(20_000, 512)

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : fallback
}

/** The limits from the environment: IMPORT_MAX_ROWS, IMPORT_HEAP_MB. */
export function sheetLimitsFrom(env: Record<string, string | undefined>): SheetLimits {
  return limitsFor(positive(env.IMPORT_MAX_ROWS, DEFAULT_SHEET_LIMITS.maxRows), positive(env.IMPORT_HEAP_MB, DEFAULT_SHEET_LIMITS.heapMb))
}
