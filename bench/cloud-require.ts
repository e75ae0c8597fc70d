// npm run bench:cloud — cold `require` time of each built cloud function (median of RUNS fresh Node
// processes, wx-server-sdk stubbed: our bundle only, not the SDK's own load). A benchmark, not a
// gate: under load the same bundle measured 155–482 ms in five runs, so a budget inside build:cloud
// failed builds for the machine's sake. The figure to watch is the median on a quiet machine.
import path from 'node:path'
import { buildCloud, measureRequireMs } from '../scripts/cloud/build'

const RUNS = Math.max(1, Number(process.env.CLOUD_REQUIRE_RUNS ?? 9))
/** What a cold start should stay under on a quiet machine (a reference line, not a failure). */
const REFERENCE_MS = 150

async function main() {
  const built = await buildCloud()
  console.log(`函数           大小(KB)  require 中位数(ms, ${RUNS} 次冷启动)`)
  for (const f of built) {
    const ms = measureRequireMs(path.join(f.dir, 'index.js'), RUNS)
    console.log(`${f.name.padEnd(14)} ${(f.bytes / 1024).toFixed(1).padStart(8)}  ${ms.toFixed(1).padStart(10)}${ms > REFERENCE_MS ? `  （高于参考值 ${REFERENCE_MS} ms：机器繁忙时重测）` : ''}`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
