// The last line behind "no request ends the process". Request paths answer their own errors
// (Fastify routes every throw in a handler or hook to the error handler; dispatch never throws;
// the call thread answers a failed call as INTERNAL). An error that still escapes — a callback of
// some library outside any request, a promise nobody awaited — is logged and the server serves on:
// bookings live in SQLite transactions, so nothing half-done stays in memory. Only errors that keep
// coming (a broken state rather than one bad request) end the process, for the supervisor to start
// a fresh one (docs/operations.md: systemd's Restart=always).
export interface GuardLog {
  error(o: unknown, msg: string): void
}

/** More stray errors than this within a minute means the process is broken, not one request. */
export const STRAY_ERRORS_PER_MINUTE = 20

export function keepServingOnStrayErrors(log: GuardLog, exit: (code: number) => void = (code) => process.exit(code)): void {
  let recent: number[] = []
  const stray = (error: unknown, kind: string) => {
    const now = Date.now()
    recent = recent.filter((t) => now - t < 60_000)
    recent.push(now)
    log.error(error, `${kind}: logged, serving on`)
    if (recent.length > STRAY_ERRORS_PER_MINUTE) {
      log.error({ errors: recent.length }, `${recent.length} stray errors within a minute: exiting for a clean restart`)
      exit(1)
    }
  }
  process.on('uncaughtException', (error) => stray(error, 'uncaught exception'))
  process.on('unhandledRejection', (reason) => stray(reason, 'unhandled rejection'))
}
