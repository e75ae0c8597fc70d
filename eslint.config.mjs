// ESLint (flat config): `npm run lint`, a step of `npm test`, zero warnings allowed.
// Kept pragmatic: the recommended sets of typescript-eslint and react-hooks (the classic two rules),
// plus the project's boundaries, each with a message saying what to do instead.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Domain features of the visitor app. Another feature's top-level modules (store, stamps) are its public face; its folders (components, pages, audio…) are internals. */
const FEATURES = ['booking', 'exhibits', 'guide', 'zone', 'staff', 'transfer']

/** src runs on the phone: of the cloud layer it may import only the contracts (types and pure rules). */
const onlyContracts = [
  { regex: '^@cloud/(?!contracts/)', message: 'src 只能引用 cloud/contracts（客户端与云函数的约定）。' },
  { regex: '(^|/)cloud/(?!contracts/)', message: 'src 只能引用 cloud/contracts（客户端与云函数的约定）。' },
]

/**
 * One page pattern: pages reach loading, error and care mode only through PageShell / Loaded, so care
 * mode can never be left outside a loading or error state again (src/ui itself is exempt).
 */
const onePagePattern = [
  { regex: '^(@/|(\\.\\./)+)ui/(LoadingView|ErrorView)$', message: '加载与出错状态请用 PageShell（整页）或 Loaded（页面的一部分），关怀模式才会包住它们。' },
  { regex: '^(@/|(\\.\\./)+)care/CareRoot$', message: '页面请用 PageShell：它已包含 CareRoot（关怀模式）。' },
]

/** Shared UI sits under the features: it may not import one (a feature plugs in through src/ui, e.g. page-footer.ts). */
const noFeatures = [
  { regex: `^(@/|(\\.\\./)+)(${FEATURES.join('|')}|notices)/`, message: 'src/ui 是各功能共用的界面，不能引用某个功能；请让功能在启动时把自己接入（如 src/ui/page-footer.ts）。' },
]

/** The cloud layer's inner rings — storage and the pure domain — never reach out to handlers, runtimes or scripts. */
const innerRing = [
  { regex: '^(\\.\\./)+(functions|runtime|jobs)(/|$)', message: '存储与领域逻辑不能引用云函数、运行时或定时任务；需要的类型请放进 cloud/contracts 或本层。' },
  { regex: '^(\\.\\./)+scripts/', message: '存储与领域逻辑不能引用 scripts/；共用的代码请移到 cloud/ 下。' },
]

/** The contracts are where the app, the console and the server meet: they import only each other,
 *  never the domain, store or handler code that depends on them. `up` leaves cloud/contracts. */
const contractsOnly = (up) => [...innerRing, { regex: `^${up}`, message: 'cloud/contracts 只能引用 cloud/contracts 内的文件：领域代码引用约定，约定不引用领域代码（共用的模式请移进 cloud/contracts）。' }]

/** The console is a separate app: of the cloud layer it may import only the contracts. */
const consoleOnlyContracts = [
  { regex: '(^|/)cloud/(?!contracts/)', message: '管理后台只能引用 cloud/contracts（各端共用的约定）。' },
]

/** The request schemas are zod at run time: the phone app, the console and the contracts they bundle
 *  may name them only in types (`import type`), so zod never enters the weapp or console bundle. */
const requestSchemasAsTypes = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: [{ regex: '(^|/)(contracts/)?requests/', allowTypeImports: true, message: '请求的 zod 模式只能用 import type 引用（z.input<typeof …>）：zod 不能进入小程序与管理后台的包。' }] },
  ],
}

const featureInternals = (feature) =>
  FEATURES.filter((f) => f !== feature).map((other) => ({
    regex: `^(@/|(\\.\\./)+)${other}/[^/]+/`,
    message: `「${feature}」不应引用「${other}」内部的文件夹；请使用 ${other} 顶层模块（如 store），或把共用部分移到 src/components、src/services。`,
  }))

/**
 * One file-naming style: React component files are PascalCase (.tsx), hooks useSomething.ts, and
 * every other file kebab-case — with platform and kind suffixes (.weapp, .test, .config, .gen, .d).
 */
const fileNaming = {
  meta: { type: 'suggestion', schema: [], messages: { name: '文件名「{{name}}」不符合命名约定：组件用 PascalCase.tsx，hook 用 useX.ts，其余用 kebab-case。' } },
  create(context) {
    return {
      Program(node) {
        const base = context.filename.split(/[\\/]/).pop()
        const stem = base.replace(/(\.(weapp|h5|test|property|config|gen|d))*\.(tsx?|mjs|js)$/, '')
        const ok = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(stem) || (base.endsWith('.tsx') && /^[A-Z][A-Za-z0-9]*$/.test(stem)) || /^use[A-Z][A-Za-z0-9]*$/.test(stem)
        if (!ok) context.report({ node, messageId: 'name', data: { name: base } })
      },
    }
  },
}

/**
 * Text stays text: what operators and visitors type reaches the DOM only as text (React children,
 * textContent). Markup sinks are not used at all in the app and the console, and titles go through
 * the one wrapper that makes the H5 router's title bar take text (src/services/page-title.ts).
 */
const htmlSinks = [
  { selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]', message: '不要写 innerHTML/outerHTML：用 React 渲染文本或 textContent（文本即文本，见 docs/security.md）。' },
  { selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]', message: '不要把字符串当 HTML 插入：用 React 渲染文本或 textContent（见 docs/security.md）。' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: '不要用 document.write（见 docs/security.md）。' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: '不要用 dangerouslySetInnerHTML：运营或观众输入的文字须作为文本显示（见 docs/security.md）。' },
  { selector: "JSXOpeningElement[name.name='RichText']", message: '不要用 RichText（nodes 会被当作 HTML）：请用 Text/View 显示文本（见 docs/security.md）。' },
]
const titleOnlyThroughWrapper = [
  { selector: "MemberExpression[property.name='setNavigationBarTitle']", message: '页面标题请用 @/services/page-title 的 usePageTitle / setPageTitle：H5 路由器会把标题写进 innerHTML，只有它先把标题栏变成纯文本。' },
  { selector: "ImportSpecifier[imported.name='setNavigationBarTitle']", message: '页面标题请用 @/services/page-title 的 usePageTitle / setPageTitle。' },
]
// The weapp's base.wxml carries no catch-view template (config/weapp-templates.ts): a View with catchMove
// would render as nothing there. ScrollView needs no rule: importing it brings its template back.
const templatesTheWeappHas = [
  { selector: "JSXAttribute[name.name='catchMove']", message: '小程序的 base.wxml 不含 catch-view 模板（见 config/weapp-templates.ts）：带 catchMove 的 View 不会显示。确需使用请先从 UNRENDERED_TEMPLATES 里去掉 catch-view。' },
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'cloudfunctions/**', '.e2e-artifacts/**', 'coverage/**', '**/*.js', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, project: { rules: { 'file-naming': fileNaming } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'project/file-naming': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and scripts read untyped JSON and poke at adapters; `any` there is a choice, not drift.
      '@typescript-eslint/no-explicit-any': 'off',
      // Chinese copy uses the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipJSXText: true, skipStrings: true, skipTemplates: true }],
    },
  },
  // The client: strict about `any`, and about what it imports.
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/**/*.test.{ts,tsx}'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  { files: ['src/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [...onlyContracts, ...onePagePattern] }] } },
  { files: ['src/ui/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [...onlyContracts, ...noFeatures] }] } },
  ...FEATURES.map((feature) => ({
    files: [`src/${feature}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [...onlyContracts, ...onePagePattern, ...featureInternals(feature)] }] },
  })),
  // Storage and domain code (accounts and the rate-limit policy included) import neither handlers nor
  // runtimes nor scripts.
  {
    files: ['cloud/{store,booking,exhibits,zone,reminders,ops,accounts,limits,contracts}/**/*.ts'],
    ignores: ['cloud/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: innerRing }] },
  },
  { files: ['cloud/contracts/*.ts'], ignores: ['cloud/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: contractsOnly('\\.\\./') }] } },
  { files: ['cloud/contracts/requests/*.ts'], ignores: ['cloud/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: contractsOnly('\\.\\./\\.\\./') }] } },
  // The console imports the cloud layer's contracts only.
  { files: ['admin/src/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: consoleOnlyContracts }] } },
  // What the clients bundle names the request schemas in types only (see requestSchemasAsTypes).
  { files: ['src/**/*.{ts,tsx}', 'admin/src/**/*.{ts,tsx}', 'cloud/contracts/*.ts'], ignores: ['**/*.test.{ts,tsx}'], rules: requestSchemasAsTypes },
  // No import cycles (type-only imports are erased, so they do not count). Resolved as tsc does,
  // through tsconfig.json's paths (`@/`, `@cloud/`).
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      // Dependencies are read with the TypeScript parser too (without it no cycle through a .ts file is seen).
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // A handler file stays readable at a glance: a function that grows past this is split by feature
  // into a folder with one dispatch entry (as cloud/functions/console/).
  { files: ['cloud/functions/**/*.ts'], ignores: ['cloud/functions/**/*.test.ts'], rules: { 'max-lines': ['error', { max: 450 }] } },
  // The cloud layer's production code: no `any` outside tests.
  { files: ['cloud/**/*.ts'], ignores: ['cloud/**/*.test.ts', 'cloud/testing/**'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  // Packages the server bundle keeps outside (scripts/build-server.ts) are required, never import()ed:
  // the bundle runs as a vm script (its code cache), where node 20 refuses a dynamic import.
  {
    files: ['cloud/**/*.ts'],
    ignores: ['cloud/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportExpression[source.value=/^(better-sqlite3|sharp|exceljs)$/]", message: 'require() this package (the server bundle keeps it external, and its vm-script loader refuses import()).' },
      ],
    },
  },
  // Text stays text, in the visitor app and the console (see htmlSinks above).
  { files: ['src/**/*.{ts,tsx}', 'admin/src/**/*.{ts,tsx}'], ignores: ['**/*.test.{ts,tsx}'], rules: { 'no-restricted-syntax': ['error', ...htmlSinks, ...titleOnlyThroughWrapper, ...templatesTheWeappHas] } },
  { files: ['src/services/page-title.ts'], rules: { 'no-restricted-syntax': ['error', ...htmlSinks, ...templatesTheWeappHas] } },
)
