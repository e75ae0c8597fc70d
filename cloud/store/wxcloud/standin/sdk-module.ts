// Bundled by tests as node_modules/wx-server-sdk/index.js beside a built cloud function, so the
// bundle's own `require('wx-server-sdk')` loads the stand-in exactly where WeChat loads the real one.
import { createStandinSdk } from './sdk'

module.exports = createStandinSdk()
