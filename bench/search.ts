// npm run bench:search — zone search and matching on the synthetic set (10,000 companies,
// 2,000 policies): p50/p95 in process (pure functions over the in-memory index) and through the
// local HTTP runtime (Fastify + SQLite, listening in this process, called over loopback).
import { ringFromSecret } from '../cloud/booking/keys'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { CompanyQuery, MatchProfile, PolicyQuery } from '../cloud/contracts/zone'
import { INDUSTRIES, QUALIFICATIONS } from '../cloud/contracts/zone'
import { loadConfig } from '../cloud/runtime/config'
import { buildServer } from '../cloud/runtime/server'
import { openSqliteStore } from '../cloud/store/sqlite'
import { seedIfEmpty } from '../cloud/store/seed'
import { searchCompanies } from '../cloud/zone/companies'
import { buildCatalog } from '../cloud/zone/catalog'
import { searchPolicies } from '../cloud/zone/policies'
import { matchPolicies } from '../cloud/zone/rules'
import { readCompanies, readPolicies } from '../cloud/zone/seed'
import { shanghaiDate } from '../cloud/zone/text'
import { rng, syntheticCompanies, syntheticPolicies } from './synthetic'

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 400)
const TODAY = shanghaiDate(new Date())

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] }
}

const row = (name: string, samples: number[], target?: number) => {
  const { n, p50, p95, max } = stats(samples)
  const verdict = target === undefined ? '' : p95 <= target ? `  ≤ ${target} ms ✓` : `  > ${target} ms ✗`
  console.log(`${name.padEnd(34)} n=${String(n).padEnd(5)} p50 ${p50.toFixed(3).padStart(7)} ms   p95 ${p95.toFixed(3).padStart(7)} ms   max ${max.toFixed(2).padStart(7)} ms${verdict}`)
  return p95 <= (target ?? Infinity)
}

const r = rng(2024)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
const COMPANY_QUERIES = ['融科', 'rkcn', '储能', '大连华海', 'hhrj', '液流电池', '机器人', '智能装备', 'zhineng', '生物医疗', '融科能', 'dlxx', '测控设备', '云平台', '光伏', '']
const POLICY_QUERIES = ['科技银行', '贴息', '人才', 'kjyh', '研发投入', '专精特新', '高新区', '人才补贴', '']

const companyQuery = (): CompanyQuery => ({
  q: pick(COMPANY_QUERIES),
  ...(r() < 0.3 ? { industry: pick(INDUSTRIES) } : {}),
  ...(r() < 0.3 ? { qualification: pick(QUALIFICATIONS.slice(0, 5)) } : {}),
  page: 1 + Math.floor(r() * 3),
})
const policyQuery = (): PolicyQuery => ({
  q: pick(POLICY_QUERIES),
  ...(r() < 0.3 ? { level: pick(['国家', '省', '市', '区'] as const) } : {}),
  ...(r() < 0.3 ? { status: pick(['open', 'closing', 'closed'] as const) } : {}),
})
const profile = (): MatchProfile => ({
  inZone: r() < 0.8,
  founded: `${2010 + Math.floor(r() * 16)}-03-01`,
  employees: Math.floor(r() * 600),
  revenue: Math.floor(r() * 30000),
  rdShare: Math.round(r() * 100) / 10,
  qualifications: QUALIFICATIONS.filter(() => r() < 0.25),
  talent: r() < 0.2 ? ['海外高层次人才'] : [],
  inventionPatents: Math.floor(r() * 5),
  otherIp: Math.floor(r() * 10),
  financingNeed: r() < 0.5,
})

function time(fn: () => unknown): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}

async function main() {
  const companies = [...readCompanies(), ...syntheticCompanies(10_000)]
  const policies = [...readPolicies(), ...syntheticPolicies(2_000, 7, TODAY)]
  console.log(`区情查询基准：企业 ${companies.length} 家，政策 ${policies.length} 条，每项 ${ITERATIONS} 次（${os.cpus().length} 核 ${os.cpus()[0]?.model ?? ''}）\n`)

  const t0 = performance.now()
  const catalog = buildCatalog('bench', companies, policies)
  const buildMs = performance.now() - t0
  console.log(`索引构建（含拼音）                  ${buildMs.toFixed(0)} ms（数据变化时才重建）${buildMs <= 1000 ? '  ≤ 1000 ms ✓' : '  > 1000 ms ✗'}\n`)

  console.log('— 进程内（纯函数，内存索引）')
  for (let i = 0; i < 50; i++) searchCompanies(catalog.companies, companyQuery()) // warm up the JIT
  let pass = buildMs <= 1000
  const cs: number[] = []
  const ps: number[] = []
  const ms: number[] = []
  for (let i = 0; i < ITERATIONS; i++) {
    const cq = companyQuery()
    cs.push(time(() => searchCompanies(catalog.companies, cq)))
    const pq = policyQuery()
    ps.push(time(() => searchPolicies(catalog.policies, pq, TODAY)))
    const pr = profile()
    ms.push(time(() => matchPolicies(catalog.policyList, pr, TODAY, catalog.dayView(TODAY))))
  }
  pass = row('企业搜索 searchCompanies', cs, 2) && pass
  pass = row('政策搜索 searchPolicies', ps, 5) && pass
  pass = row('政策匹配 match', ms, 10) && pass

  console.log('\n— 经本地 HTTP 运行时（Fastify + SQLite，回环地址）')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-bench-'))
  const store = openSqliteStore(path.join(dir, 'bench.sqlite'))
  await seedIfEmpty(store)
  await store.zone.replaceCompanies(companies)
  await store.zone.replacePolicies(policies)
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', STATIC_DIR: path.join(dir, 'none') }, { dbFile: path.join(dir, 'bench.sqlite'), keys: ringFromSecret('bench') })
  const app = await buildServer({ config, store })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const post = async (body: object) => {
    const res = await fetch(`${base}/api/zone`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const json = (await res.json()) as { ok: boolean }
    if (!json.ok) throw new Error(JSON.stringify(json))
  }
  const timed = async (body: object) => {
    const t = performance.now()
    await post(body)
    return performance.now() - t
  }
  const tb = performance.now()
  await post({ action: 'searchCompanies', q: '融科' }) // first call builds the index
  console.log(`首次请求（读取 ${companies.length + policies.length} 条记录并建索引） ${(performance.now() - tb).toFixed(0)} ms`)
  for (let i = 0; i < 50; i++) await post({ action: 'searchCompanies', ...companyQuery() })
  const hc: number[] = []
  const hp: number[] = []
  const hm: number[] = []
  for (let i = 0; i < ITERATIONS; i++) {
    hc.push(await timed({ action: 'searchCompanies', ...companyQuery() }))
    hp.push(await timed({ action: 'searchPolicies', ...policyQuery() }))
    hm.push(await timed({ action: 'match', profile: profile() }))
  }
  pass = row('HTTP 企业搜索', hc, 25) && pass
  pass = row('HTTP 政策搜索', hp, 25) && pass
  pass = row('HTTP 政策匹配', hm, 25) && pass
  await app.close()
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
  console.log(pass ? '\n全部达到目标。' : '\n有项目未达到目标。')
  process.exitCode = pass ? 0 : 1
}

void main()
