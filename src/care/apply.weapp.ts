// weapp: a mini-program has no shared root element to put a class on; each page picks care mode
// up through <CareRoot /> (page-meta), which reads the store.
export const CARE_CLASS = 'care'

export function applyCareMode(_on: boolean): void {}
