// `npm test` step after the weapp build: the mini-program WeChat DevTools opens from the repository
// root is complete, and its scripts are ES5 (project.config.json leaves ES6→ES5 off, so old WeChat
// clients run exactly what we ship).
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'acorn'

const root = path.resolve(__dirname, '..')
const problems: string[] = []

// The test build (npm test builds dist/weapp; the upload build, dist/weapp-release, is made the same way).
const dist = path.join(root, process.env.WEAPP_DIR ?? 'dist/weapp')
const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string; iconPath?: string; selectedIconPath?: string }[] }
}

const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
for (const page of pages) {
  for (const ext of ['.js', '.json', '.wxml']) {
    if (!fs.existsSync(path.join(dist, page + ext))) problems.push(`page ${page} has no ${ext}`)
  }
}
for (const item of app.tabBar?.list ?? []) {
  for (const icon of [item.iconPath, item.selectedIconPath]) if (icon && !fs.existsSync(path.join(dist, icon))) problems.push(`tab bar icon ${icon} is missing`)
}

function scripts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name)
    return d.isDirectory() ? scripts(full) : d.name.endsWith('.js') ? [full] : []
  })
}
const files = scripts(dist)
for (const file of files) {
  try {
    parse(fs.readFileSync(file, 'utf8'), { ecmaVersion: 5, sourceType: 'script' })
  } catch (error) {
    problems.push(`${path.relative(root, file)} is not ES5: ${(error as Error).message}`)
  }
}

console.log(`weapp check: ${pages.length} pages, ${files.length} scripts in ${path.relative(root, dist)}`)
if (problems.length) {
  console.error(`weapp check failed:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log('weapp check: every page complete, every script ES5')
