// `npm start` lands here after building the H5 app: open (and on first run seed) the database,
// then serve the app and the cloud functions on one port.
import fs from 'node:fs'
import { openSqliteStore } from '../store/sqlite'
import { seedIfEmpty } from '../store/seed'
import { callThreadEntry, clockOf, scheduleNoShows, serveCallsIfCallThread, startCallThread } from './calls'
import { loadConfig } from './config'
import { preloadFunctions } from './functions'
import { recoverPlacesOnStart } from './recover-places'
import { keepServingOnStrayErrors } from './process-guards'
import { buildServer, LISTEN_BACKLOG } from './server'

async function main() {
  // Before anything else may throw outside a request (process-guards.ts).
  keepServingOnStrayErrors({ error: (o, msg) => console.error(msg, o) })
  const config = loadConfig()
  const store = openSqliteStore(config.dbFile)
  const seeded = await seedIfEmpty(store)
  const clock = clockOf(config)
  // Before the call thread, the jobs and the port: nothing is in flight while counters are recounted.
  // A repair, not a precondition: if it fails (the recount rolls back whole) the server still starts.
  const log = { warn: (o: object, msg: string) => console.warn(msg, o), error: (o: object, msg: string) => console.error(msg, o) }
  await recoverPlacesOnStart(store, clock(), log).catch((error) => console.error('启动时名额核对失败（已照常启动）:', error))
  // Calls run on their own thread over the same file (calls.ts), started once the database is
  // migrated and seeded; an in-memory database cannot be shared, so it keeps them on this thread.
  const calls = config.callThread && config.dbFile !== ':memory:' ? startCallThread(config, callThreadEntry(__filename), { error: (o, msg) => console.error(msg, o) }) : null
  const app = await buildServer({ config, store, now: clock, calls: calls?.run })
  // The no-show job runs where the calls run.
  const noShows = calls ? null : scheduleNoShows(store, clock, config, app.log)
  const stop = async () => {
    noShows?.stop()
    // In-flight requests are answered first (their calls finish on the thread), then the thread
    // closes its database. A keep-alive connection whose request was in flight would otherwise stay
    // open for keepAliveTimeout (75 s) after its answer: it is closed as soon as it falls idle.
    const closeIdle = setInterval(() => app.server.closeIdleConnections(), 50)
    await app.close()
    clearInterval(closeIdle)
    await calls?.close()
    await store.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // A release-morning crowd opens thousands of connections at once: a deep accept queue (the
  // kernel caps it at net.core.somaxconn — raise that too, e.g. sysctl -w net.core.somaxconn=4096)
  // keeps them from SYN retries (~1 s each); keep-alive outlives a typical proxy's idle timeout.
  app.server.keepAliveTimeout = 75_000
  await app.listen({ host: config.host, port: config.port, backlog: LISTEN_BACKLOG })
  // Listening first, then the functions' modules (a call arriving meanwhile loads its own); the call thread loads its own.
  if (!calls) preloadFunctions().catch((error) => app.log.error(error, 'loading the cloud functions failed'))
  // The port actually bound: PORT=0 asks the system for a free one.
  const address = app.server.address()
  const where = `http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}`
  console.log(`\n高新区科技馆 本地运行中: ${where}`)
  console.log(`  数据库: ${config.dbFile}${seeded ? '（首次运行，已写入种子数据）' : ''}`)
  console.log(`  密钥: ${config.keysSource}（签发用 ${config.keys.signing[0].id}，共 ${config.keys.signing.length} 把可验证）`)
  if (!fs.existsSync(config.staticDir)) console.log('  提示: 未找到 dist/h5，请先运行 npm run build:h5')
  if (!calls) console.log(`  云函数调用: 主线程（${config.dbFile === ':memory:' ? '内存数据库' : 'CALL_THREAD=off'}）`)
  if (config.clockAt) console.log(`  时钟固定为 ${config.clockAt}（CLOCK_AT，仅用于测试与演示）`)
  const accounts = (await store.accounts.list()).filter((a) => !a.disabled).length
  console.log(`  管理后台: ${where}/admin/（首个管理员：npm run accounts -- add <用户名> --role admin --name 姓名）`)
  console.log(`  工作人员核验: ${where}/#/staff/pages/checkin/index（${accounts > 0 ? `${accounts} 个账号` : '尚无账号：npm run accounts -- add <用户名> --role staff --name 姓名'}）`)
  console.log(`  展品页示例: ${where}/e/helmet\n`)
}

// The same script is the call thread's entry: there it serves calls instead.
if (!serveCallsIfCallThread()) {
  main().catch((error) => {
    console.error('启动失败:', error)
    process.exit(1)
  })
}
