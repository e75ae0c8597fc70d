// The console's roles, labels and pages are contracts (cloud/contracts/accounts.ts, console.ts): the
// header, the accounts page and the server name and allow them from the same tables.
export { ROLE_LABELS } from '../../cloud/contracts/accounts'
export { CONSOLE_PAGES as PAGES, consolePagesFor as pagesFor, type ConsolePageKey as PageKey } from '../../cloud/contracts/console'
