// A refused roster's rows as a table: the server names each problem as the field `rows.<row>.<column>`.
export interface RowProblem {
  row: number
  column: string
  message: string
}

export function rowProblems(fields: Record<string, string> | undefined): RowProblem[] {
  return Object.entries(fields ?? {})
    .map(([key, message]) => {
      const m = /^rows\.(\d+)\.(.+)$/.exec(key)
      return m ? { row: Number(m[1]), column: m[2], message } : null
    })
    .filter((p): p is RowProblem => p !== null)
    .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
}
