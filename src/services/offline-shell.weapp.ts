// weapp: the mini-program package is already on the phone; nothing to cache for the shell.
export function registerOfflineShell(): void {}
