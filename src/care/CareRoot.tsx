import type { PropsWithChildren } from 'react'

// H5: care mode is a class on <html> (care/apply.ts) that every page picks up, so the page needs
// no wrapper here. weapp has no shared root: see CareRoot.weapp.tsx.
export function CareRoot({ children }: PropsWithChildren) {
  return <>{children}</>
}
