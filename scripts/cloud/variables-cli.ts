// `npm run cloud:variables [-- --write]`: the variables each cloud function reads, from a fresh build;
// `--write` puts the table and export line into the guide. Apart from variables.ts, which build.ts uses.
import fs from 'node:fs'
import path from 'node:path'
import { buildCloud, ROOT } from './build'
import { GUIDE, uncatalogued, variablesMarkdown, withVariables } from './variables'

async function cli(argv: string[]) {
  const built = await buildCloud()
  const markdown = variablesMarkdown(built)
  const missing = uncatalogued([...new Set(built.flatMap((f) => f.variables))])
  if (missing.length > 0) {
    console.error(`代码读取了未登记的环境变量：${missing.join('、')}。请在 cloud/runtime/wxcloud/variables.ts 中说明它们。`)
    process.exitCode = 1
  }
  if (argv.includes('--write')) {
    const file = path.join(ROOT, GUIDE)
    fs.writeFileSync(file, withVariables(fs.readFileSync(file, 'utf8'), markdown))
    console.log(`已更新 ${GUIDE} 中的变量表。`)
  } else {
    for (const f of built) console.log(`${f.name.padEnd(10)} ${f.variables.join(' ')}`)
  }
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((error) => {
    console.error('生成变量清单失败:', error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
