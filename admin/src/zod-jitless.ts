// Imported first (main.tsx), before any schema is built: zod v4 compiles object schemas with
// `new Function` when it may, and probes for that at the first parse. The console runs under a CSP
// without 'unsafe-eval' (cloud/runtime/security-headers.ts), where the probe is a reported
// violation; its interpreted path is fast enough for forms.
import { config } from 'zod'

config({ jitless: true })
