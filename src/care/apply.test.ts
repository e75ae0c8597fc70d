import { applyCareMode, CARE_CLASS } from './apply'

test('H5 care mode is a class on the root element', () => {
  applyCareMode(true)
  expect(document.documentElement.classList.contains(CARE_CLASS)).toBe(true)
  applyCareMode(false)
  expect(document.documentElement.classList.contains(CARE_CLASS)).toBe(false)
})
