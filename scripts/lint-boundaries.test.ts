// The boundaries `npm run lint` keeps, shown by planting a violation of each into a file at the place
// it is forbidden and running ESLint, as `npm run lint` does, on those files. The planted files are
// removed afterwards whatever happens.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const PLANT = `planted-${process.pid}`

/** Lints the planted files in one ESLint run: its exit status and each file's errors. */
function lintPlanted(files: Record<string, string>): { status: number | null; errors: Record<string, string[]> } {
  const paths = Object.keys(files).map((f) => path.join(ROOT, f.replace('planted', PLANT)))
  try {
    Object.values(files).forEach((code, i) => fs.writeFileSync(paths[i], code.replaceAll('PLANT', PLANT)))
    const run = spawnSync(path.join(ROOT, 'node_modules/.bin/eslint'), ['--max-warnings', '0', '--format', 'json', ...paths], { cwd: ROOT, encoding: 'utf8' })
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; severity: number; message: string }> }>
    const errors = Object.fromEntries(Object.keys(files).map((f, i) => [f, results.find((r) => r.filePath === paths[i])!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`)]))
    return { status: run.status, errors }
  } finally {
    for (const p of paths) fs.rmSync(p, { force: true })
  }
}

const planted: Array<[string, string, string, RegExp]> = [
  ['storage imports a handler', 'cloud/store/planted.ts', "import type { CallContext } from '../functions/types'\nexport type X = CallContext\n", /云函数、运行时/],
  ['domain imports the runtime', 'cloud/booking/planted.ts', "import { LISTEN_BACKLOG } from '../runtime/server'\nexport const x = LISTEN_BACKLOG\n", /云函数、运行时/],
  ['domain imports a script', 'cloud/zone/planted.ts', "import { readSheet } from '../../scripts/spreadsheet'\nexport const x = readSheet\n", /scripts\//],
  ['the account rules import a handler', 'cloud/accounts/planted.ts', "import { ROLES } from '../functions/types'\nexport const x = ROLES\n", /云函数、运行时/],
  ['the account rules import the runtime', 'cloud/accounts/planted-runtime.ts', "import { LISTEN_BACKLOG } from '../runtime/server'\nexport const x = LISTEN_BACKLOG\n", /云函数、运行时/],
  ['a contract imports a handler', 'cloud/contracts/planted.ts', "import type { Role } from '../functions/types'\nexport type X = Role\n", /云函数、运行时/],
  ['a contract imports domain code', 'cloud/contracts/planted-domain.ts', "import { IndustrySchema } from '../zone/schema'\nexport const x = IndustrySchema\n", /只能引用 cloud\/contracts/],
  ['a request schema imports domain code', 'cloud/contracts/requests/planted.ts', "import { scoreResultForNeed } from '../../transfer/matching'\nexport const x = scoreResultForNeed\n", /只能引用 cloud\/contracts/],
  ['the console imports a handler', 'admin/src/planted.ts', "import { consoleFn } from '../../cloud/functions/console'\nexport const x = consoleFn\n", /cloud\/contracts/],
  ['shared UI imports a feature', 'src/ui/planted.tsx', "import { MiniPlayer } from '@/guide/components/MiniPlayer'\nexport const x = MiniPlayer\n", /不能引用某个功能/],
  ['the app imports server code', 'src/booking/planted.ts', "import { sessionRef } from '@cloud/booking/calendar'\nexport const x = sessionRef\n", /cloud\/contracts/],
  ['the app bundles a request schema', 'src/booking/planted-schema.ts', "import { BookingRequests } from '@cloud/contracts/requests/booking'\nexport const x = BookingRequests\n", /import type/],
  ['the console bundles a request schema', 'admin/src/planted-schema.ts', "import { ConsoleRequests } from '../../cloud/contracts/requests/console'\nexport const x = ConsoleRequests\n", /import type/],
  ['a contract the clients bundle imports a request schema', 'cloud/contracts/planted-schema.ts', "import { ZoneRequests } from './requests/zone'\nexport const x = ZoneRequests\n", /import type/],
  ['a feature reaches into another', 'src/zone/planted.ts', "import { BookingCard } from '@/booking/components/BookingCard'\nexport const x = BookingCard\n", /内部的文件夹/],
]

/** Two planted modules that import each other at run time. */
const cycle: Record<string, string> = {
  'cloud/zone/planted-a.ts': "import { b } from './PLANT-b'\nexport const a = () => b\n",
  'cloud/zone/planted-b.ts': "import { a } from './PLANT-a'\nexport const b = () => a\n",
}

/** A handler file of 451 lines (over the 450 a function file may have), and a test file as long (allowed). */
const longHandler = Array.from({ length: 451 }, (_, i) => `export const line${i} = ${i}`).join('\n') + '\n'

test('npm run lint refuses a planted violation of each boundary, and allows the same imports where they belong', () => {
  const allowed: Record<string, string> = {
    'cloud/functions/planted.ts': "import type { CallContext } from './types'\nexport type X = CallContext\n",
    'admin/src/pages/planted.ts': "import type { Role } from '../../../cloud/contracts/accounts'\nexport type X = Role\n",
    'src/booking/planted-type.ts': "import type { BookingRequests } from '@cloud/contracts/requests/booking'\nexport type X = keyof typeof BookingRequests\n",
    'src/ui/planted-ok.ts': "import { setPageFooter } from './page-footer'\nexport const x = setPageFooter\n",
    'cloud/contracts/requests/planted-ok.ts': "import { INDUSTRIES } from '../zone'\nexport const x = INDUSTRIES\n",
  }
  const { status, errors } = lintPlanted({
    ...Object.fromEntries(planted.map(([, file, code]) => [file, code])),
    ...cycle,
    ...allowed,
    'cloud/functions/console/planted-long.ts': longHandler,
    'cloud/functions/planted-long.test.ts': longHandler,
  })
  expect(status).toBe(1)
  for (const file of Object.keys(cycle)) expect({ file, cycle: errors[file].some((p) => p.startsWith('import-x/no-cycle')) }).toEqual({ file, cycle: true })
  for (const [what, file, , message] of planted) {
    expect({ what, refused: errors[file].some((p) => /^(@typescript-eslint\/)?no-restricted-imports/.test(p) && message.test(p)) }).toEqual({ what, refused: true })
  }
  expect(errors['cloud/functions/console/planted-long.ts'].filter((p) => p.startsWith('max-lines'))).toHaveLength(1)
  expect(errors['cloud/functions/planted-long.test.ts']).toEqual([])
  for (const file of Object.keys(allowed)) expect({ file, errors: errors[file] }).toEqual({ file, errors: [] })
}, 120_000)
