// Copied to dist/server/start.js by scripts/build-server.ts; `npm start` / `npm run serve` run it.
// Loads the server bundle (main.js beside it) through V8's code cache: the first start writes
// main.js.v8cache a second after starting (the functions compiled by then included), later starts
// skip most of the parsing and compiling. V8 checks the cache against the source and flags, so
// after a rebuild it is refused and written anew; where the folder is read-only it is simply not kept.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const vm = require('node:vm')
const Module = require('node:module')

const file = path.join(__dirname, 'main.js')
const cacheFile = `${file}.v8cache`
let cachedData
try {
  cachedData = fs.readFileSync(cacheFile)
} catch {
  cachedData = undefined
}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData })
const bundle = new Module(file, module)
bundle.filename = file
bundle.paths = Module._nodeModulePaths(__dirname)
script.runInThisContext().call(bundle.exports, bundle.exports, (id) => bundle.require(id), bundle, file, __dirname)
if (!cachedData || script.cachedDataRejected) {
  setTimeout(() => {
    try {
      fs.writeFileSync(cacheFile, script.createCachedData())
    } catch {
      // Read-only install: start without the cache next time too.
    }
  }, 1000).unref()
}
