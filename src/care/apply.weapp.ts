// weapp: a mini-program has no shared root element to put a class on; each page picks care mode
// up through <CareRoot /> (CareRoot.weapp.tsx: a wrapper View carrying the `care` class and the care
// tokens), which reads the store. Nothing to apply app-wide.
export function applyCareMode(_on: boolean): void {}
