// Builds the local runtime (cloud/runtime/main.ts) into one JavaScript file, dist/server/main.js,
// so `npm start` / `npm run serve` run plain node: one process, no TypeScript compiler at start.
// better-sqlite3 stays outside (a native module, loaded from node_modules). The bundle sits two
// folders below the repository like the sources do, so paths built from __dirname (data/, .data/,
// dist/h5) resolve the same.
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(__dirname, '..')
export const SERVER_BUNDLE = path.join(root, 'dist', 'server', 'main.js')

export async function buildServerBundle(): Promise<void> {
  await build({
    entryPoints: [path.join(root, 'cloud', 'runtime', 'main.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  })
}

if (require.main === module) {
  const started = Date.now()
  buildServerBundle()
    .then(() => console.log(`服务端已打包: ${path.relative(root, SERVER_BUNDLE)}（${Date.now() - started} ms）`))
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
