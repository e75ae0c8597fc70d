// `npm run cloud:init` — prepares a cloud environment: creates the collections and the indexes the
// queries need, and loads the seed content. Dry-run by default (prints the plan); `--apply` does it
// against the environment in TCB_ENV_ID with TCB_SECRET_ID/TCB_SECRET_KEY. Idempotent: what exists
// is left as it is, and content is seeded only into an environment that was never seeded
// (`--reseed` replaces the content with data/*.json).
import { seedContent, seedIfEmpty, readExhibitFile } from '../../cloud/store/seed'
import { COLLECTIONS } from '../../cloud/store/wxcloud/collections'
import { collectionNames, openWxCloudStore } from '../../cloud/store/wxcloud'
import { ensureCollection } from '../../cloud/store/wxcloud/helpers'
import { createStandinDatabase } from '../../cloud/store/wxcloud/standin/database'
import { connectLive, liveCredentials, MISSING_CREDENTIALS, type InitTarget } from './live'

export interface InitPlanStep {
  kind: 'collection' | 'index' | 'seed'
  description: string
}

export function initPlan(prefix = ''): InitPlanStep[] {
  const names = collectionNames(prefix)
  const file = readExhibitFile()
  const steps: InitPlanStep[] = []
  for (const c of COLLECTIONS) {
    const name = names[c.name as keyof typeof names]
    steps.push({ kind: 'collection', description: `集合 ${name} — ${c.purpose}` })
    for (const index of c.indexes) {
      const keys = Object.entries(index.keys).map(([k, d]) => `${k} ${d === 1 ? '升序' : '降序'}`).join(', ')
      steps.push({ kind: 'index', description: `索引 ${name}.${index.name}（${keys}${index.unique ? '，唯一' : ''}）` })
    }
  }
  steps.push({ kind: 'seed', description: `种子内容（仅首次）：${file.halls.length} 个展区，${file.exhibits.length} 件展品（data/exhibits.json）` })
  return steps
}

export interface InitResult {
  collectionsCreated: string[]
  indexesCreated: string[]
  seeded: boolean
}

export async function applyInit(target: InitTarget, options: { prefix?: string; reseed?: boolean } = {}): Promise<InitResult> {
  const names = collectionNames(options.prefix)
  const result: InitResult = { collectionsCreated: [], indexesCreated: [], seeded: false }
  for (const c of COLLECTIONS) {
    const name = names[c.name as keyof typeof names]
    if (await target.ensureCollection(name)) result.collectionsCreated.push(name)
    for (const index of c.indexes) if (await target.ensureIndex(name, index)) result.indexesCreated.push(`${name}.${index.name}`)
  }
  const store = openWxCloudStore(target.db, { prefix: options.prefix })
  if (options.reseed) {
    await seedContent(store)
    await store.meta.set('seeded_at', new Date().toISOString())
    result.seeded = true
  } else {
    result.seeded = await seedIfEmpty(store)
  }
  return result
}

/**
 * The dry run's sample: init applied to an in-memory stand-in through the same adapter, then the
 * first document of every collection it wrote — exactly the shape the functions will read
 * (fields at the top level, `_id` = the domain key), so a wrong shape shows before --apply.
 */
export async function previewDocuments(): Promise<Array<{ collection: string; count: number; sample: Record<string, unknown> }>> {
  const db = createStandinDatabase({ interleave: false })
  await applyInit({ db, ensureCollection: (name) => ensureCollection(db, name), ensureIndex: async () => true })
  return db
    .collectionNames()
    .map((collection) => ({ collection, docs: db.dump(collection) }))
    .filter((c) => c.docs.length > 0)
    .map(({ collection, docs }) => ({ collection, count: docs.length, sample: docs[0] }))
}

async function cli(argv: string[]) {
  const apply = argv.includes('--apply')
  const reseed = argv.includes('--reseed')
  const creds = liveCredentials()
  console.log(apply ? '云环境初始化（执行）：' : '云环境初始化（演练，不做任何修改；加 --apply 执行）：')
  console.log(`  环境：${creds?.envId ?? '（未设置 TCB_ENV_ID）'}`)
  for (const step of initPlan()) console.log(`  - ${step.description}`)
  if (reseed) console.log('  - --reseed：用 data/*.json 覆盖现有展品内容')
  if (!apply) {
    console.log('\n将写入的文档（每个集合第一条，即云函数读取的形状）：')
    for (const p of await previewDocuments()) {
      console.log(`\n# ${p.collection}（${p.count} 条）\n${JSON.stringify(p.sample, null, 2)}`)
    }
    return
  }
  if (!creds) {
    console.error(`\n${MISSING_CREDENTIALS}`)
    process.exit(2)
  }
  const result = await applyInit(connectLive(creds), { reseed })
  console.log(`\n完成：新建集合 ${result.collectionsCreated.length} 个，新建索引 ${result.indexesCreated.length} 个，${result.seeded ? '已写入种子内容' : '内容已存在，未改动'}。`)
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error('初始化失败:', error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
