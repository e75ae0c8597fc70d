// Marks bookings whose session has ended without a check-in as 未到场 and applies the no-show
// suspension rule. The local runtime does this on a timer; this is the same job by hand:
//   npm run job:no-show            (uses DB_FILE or .data/gxq.sqlite)
import { runNoShowJob } from '../cloud/booking/noshow'
import { loadConfig } from '../cloud/runtime/config'
import { openSqliteStore } from '../cloud/store/sqlite'

async function main() {
  const config = loadConfig()
  const store = openSqliteStore(config.dbFile)
  try {
    const report = await runNoShowJob(store, new Date())
    console.log(`未到场处理完成：标记 ${report.marked} 条预约为未到场，${report.suspended.length} 个账号因多次未到场暂停预约。`)
  } finally {
    await store.close()
  }
}

main().catch((error) => {
  console.error('未到场处理失败:', error)
  process.exit(1)
})
