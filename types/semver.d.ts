// semver ships no types and @types/semver is not installed; only what scripts/cloud/engines.ts uses.
declare module 'semver' {
  export function satisfies(version: string, range: string): boolean
  const semver: { satisfies: typeof satisfies }
  export default semver
}
