// The list of variables each function reads is generated from the code; these keep the generation
// honest (it finds what the code reads) and its users in step (the catalogue, the guide).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CLOUD_VARIABLES, SITE_VARIABLES } from '../../cloud/runtime/wxcloud/variables'
import { ROLE_SOURCES } from '../../cloud/runtime/wxcloud/roles'
import { buildCloud, ROOT, type BuiltFunction } from './build'
import { GUIDE, uncatalogued, variablesMarkdown, variablesReadIn, withVariables } from './variables'

jest.setTimeout(60_000)

describe('variables read by the code', () => {
  it('finds env.X, env?.X, env["X"] and process.env.X, and catalogued names quoted in tables', () => {
    const found = variablesReadIn(`
      const a = process.env.CLOSURE_TEMPLATE_ID ?? ''
      function f(env) { return env.SOMETHING_NEW || env?.OTHER_ONE || env['BRACKETED'] }
      const table = [{ env: 'STAFF_OPENIDS' }]
      const notAVariable = 'HELLO_WORLD'`)
    expect([...found].sort()).toEqual(['BRACKETED', 'CLOSURE_TEMPLATE_ID', 'OTHER_ONE', 'SOMETHING_NEW', 'STAFF_OPENIDS'])
    expect(uncatalogued([...found]).sort()).toEqual(['BRACKETED', 'OTHER_ONE', 'SOMETHING_NEW'])
  })

  it('the H5 site server\'s own variables (qr-verify.ts) are catalogued as site variables, never sent to functions', () => {
    const read = variablesReadIn(fs.readFileSync(path.join(ROOT, 'cloud/runtime/qr-verify.ts'), 'utf8'))
    expect([...read].sort()).toEqual(Object.keys(SITE_VARIABLES).sort())
    for (const name of read) expect(name in CLOUD_VARIABLES).toBe(false)
  })

  describe('in the built functions', () => {
    let out: string
    let built: BuiltFunction[]
    beforeAll(async () => {
      out = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-cloudvars-'))
      built = await buildCloud({ outDir: out })
    })
    afterAll(() => fs.rmSync(out, { recursive: true, force: true }))

    it('are all described in cloud/runtime/wxcloud/variables.ts (a new env.X without a description fails here)', () => {
      expect(uncatalogued([...new Set(built.flatMap((f) => f.variables))])).toEqual([])
    })

    it('include what the reviewers found missing from the old hand-kept list, on the functions that read them', () => {
      const of = (name: string) => built.find((f) => f.name === name)?.variables ?? []
      for (const name of ['console', 'accounts']) expect(of(name)).toContain('CONSOLE_ORIGIN')
      expect(of('console')).toEqual(expect.arrayContaining(['CLOSURE_TEMPLATE_ID', 'H5_ORIGIN']))
      expect(of('console')).toContain('TRANSFER_TEMPLATE_ID')
      expect(of('reminders')).toEqual(expect.arrayContaining(['REMINDER_TEMPLATE_ID', 'REMINDER_TEMPLATE_KEYS']))
      // roles.ts names its variables in a table, not as env.X: still found, on every function (the entry resolves roles).
      for (const f of built) expect(f.variables).toEqual(expect.arrayContaining(ROLE_SOURCES.map((s) => s.env)))
      // Local-only names never reach the cloud.
      for (const f of built) expect(f.variables).not.toEqual(expect.arrayContaining(['NODE_ENV']))
      for (const f of built) expect(f.variables).not.toContain('APP_KEYS_FILE')
    })

    it('docs/wechat-cloud.md carries the generated table and export line (npm run cloud:variables -- --write)', () => {
      const doc = fs.readFileSync(path.join(ROOT, GUIDE), 'utf8')
      expect(withVariables(doc, variablesMarkdown(built))).toBe(doc)
      for (const name of new Set(built.flatMap((f) => f.variables))) expect(doc).toContain(`| \`${name}\` |`)
      for (const name of Object.keys(SITE_VARIABLES)) expect(doc).toContain(`| \`${name}\` |`)
      expect(Object.keys(CLOUD_VARIABLES).length).toBeGreaterThan(0)
    })
  })
})
