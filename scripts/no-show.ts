// Marks bookings whose session has ended without a check-in as 未到场 and applies the no-show
// suspension rule; also settles bookings abandoned half-way (still pending past the grace period)
// and gives back their places. The local runtime does this on a timer; this is the same job by hand:
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
    const s = report.swept
    console.log(`中断预约清理：${s.settled} 条未完成的预约已作废，释放名额 ${s.placesReleased} 个、证件占用 ${s.claimsReleased} 个。`)
  } finally {
    await store.close()
  }
}

main().catch((error) => {
  console.error('未到场处理失败:', error)
  process.exit(1)
})
