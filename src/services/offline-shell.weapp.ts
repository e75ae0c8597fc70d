// weapp: the mini-program package is already on the phone; nothing to cache for the shell.
export function registerOfflineShell(): void {}

/** weapp: a scan opens the exhibit page itself (scene / q), there is no landing path to route. */
export function routeScanLanding(): void {}

/** weapp: pictures are not kept (the pack's text and figures are); the page shows the picture's place. */
export function keepForOffline(_urls: string[]): void {}

/** Long enough for a cold scan's first call and paint to go first. */
const SETTLE_MS = 1000

export function whenSettled(run: () => void): void {
  setTimeout(run, SETTLE_MS)
}
