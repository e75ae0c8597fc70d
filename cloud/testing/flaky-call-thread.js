// A stand-in call thread for cloud/runtime/calls.test.ts: speaks the call thread's protocol
// (batches of calls in, batches of answers out), answers every call with its function name, dies
// (exit code 3) on a call to `crash` — the answers still owed then come from the main side — and
// counts its starts in workerData.startsFile.
'use strict'
const fs = require('node:fs')
const { parentPort, workerData } = require('node:worker_threads')

const startsFile = workerData.callThread.config.startsFile
fs.appendFileSync(startsFile, 'start\n')
parentPort.on('message', (m) => {
  if (m.stop) return parentPort.close()
  const answers = []
  for (const { id, call } of m.calls) {
    if (call.fn === 'crash') process.exit(3)
    if (call.fn === 'slow') {
      setTimeout(() => parentPort.postMessage({ answers: [{ id, status: 200, json: JSON.stringify({ ok: true, data: { fn: 'slow' } }) }] }), 200)
      continue
    }
    answers.push({ id, status: 200, json: JSON.stringify({ ok: true, data: { fn: call.fn } }) })
  }
  if (answers.length) parentPort.postMessage({ answers })
})
