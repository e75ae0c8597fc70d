// The weapp transport calls exactly the functions and actions the cloud layer has. Three views
// must agree: the `Api` catalogue (types the client is checked against), the `functions` registry
// (what gets deployed), and the calls the client actually makes (found in src/).
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { functions } from '../../cloud/functions'

const ROOT = path.resolve(__dirname, '..', '..')

/** Actions that no client page calls on purpose (operators run them from DevTools / the console). */
// The accounts actions are the operator console's (issue 10 builds its page on them).
const OPERATOR_ONLY = new Set(['system.ping', 'admin.exhibitCodes', 'accounts.me', 'accounts.list', 'accounts.create', 'accounts.update', 'accounts.resetPassword'])

function catalogue(): Set<string> {
  const file = path.join(ROOT, 'cloud/contracts/api.ts')
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true)
  const out = new Set<string>()
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'Api') return
    for (const fn of node.members) {
      if (!ts.isPropertySignature(fn) || !fn.type || !ts.isTypeLiteralNode(fn.type)) throw new Error('Api members must be { action: { req; res } } literals')
      for (const action of fn.type.members) out.add(`${(fn.name as ts.Identifier).text}.${(action.name as ts.Identifier).text}`)
    }
  })
  return out
}

function registry(): Set<string> {
  return new Set(Object.entries(functions).flatMap(([fn, def]) => Object.keys(def.actions).map((a) => `${fn}.${a}`)))
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(p)
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : []
  })
}

function clientCalls(): { calls: Set<string>; dynamic: string[] } {
  const calls = new Set<string>()
  const dynamic: string[] = []
  // The app (src/) and the operator console (admin/src/) are both clients of the same functions.
  for (const file of [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'admin', 'src'))]) {
    const text = fs.readFileSync(file, 'utf8')
    // callCloud('fn', 'action', …) and the injected form call('fn', 'action', …) used by feature stores.
    for (const m of text.matchAll(/\b(?:callCloud|call)\(\s*(['"`])([\w-]+)\1\s*,\s*(['"`])([\w-]+)\3/g)) calls.add(`${m[2]}.${m[4]}`)
    for (const m of text.matchAll(/\bcallCloud\(\s*(?!['"`])/g)) dynamic.push(`${path.relative(ROOT, file)}:${text.slice(0, m.index).split('\n').length}`)
  }
  return { calls, dynamic }
}

describe('client calls ⇄ cloud actions', () => {
  it('the Api catalogue and the deployed functions registry list the same actions', () => {
    expect([...registry()].sort()).toEqual([...catalogue()].sort())
  })

  it('every action the client calls exists in the cloud layer', () => {
    const { calls } = clientCalls()
    expect(calls.size).toBeGreaterThan(0)
    const known = registry()
    expect([...calls].filter((c) => !known.has(c))).toEqual([])
  })

  it('every cloud action is called by the client, or is listed as operator-only', () => {
    const { calls } = clientCalls()
    expect([...registry()].filter((a) => !calls.has(a) && !OPERATOR_ONLY.has(a))).toEqual([])
    expect([...OPERATOR_ONLY].filter((a) => !registry().has(a))).toEqual([]) // no stale entries
  })

  it('the client never calls a function with a computed name (the checks above could not see it)', () => {
    expect(clientCalls().dynamic).toEqual([])
  })
})
