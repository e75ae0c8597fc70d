// H5: care mode is a class on <html> (care/apply.ts), so pages need nothing here.
export function CareRoot() {
  return null
}
