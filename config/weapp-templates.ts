// A Taro plugin (mini-program builds): base.wxml, in the main package, declares one template per element
// kind per DOM level (8 levels, `baseLevel`). Taro declares some kinds by default whether or not the app
// ever renders them; this app renders neither of these, and they are 14 KB of the main package
// (docs/performance.md, "Main package under 1.2× the floor"):
//   - `scroll-view` (2.4 KB a level, 4 levels). Importing ScrollView from @tarojs/components puts it
//     back: Taro adds every component a module imports while it compiles, after this hook has run.
//   - `catch-view`, the View Taro renders for `catchMove` (0.6 KB a level, 7 levels). Nothing adds it
//     back, so eslint.config.mjs refuses `catchMove` in src.
// The runtime numbers element kinds from its full list, not from these templates, so the other
// templates keep their names.
export const UNRENDERED_TEMPLATES = ['scroll-view', 'catch-view'] as const

interface ComponentConfig {
  includes: Set<string>
}

// Taro's plugin context declares no type for this hook (@tarojs/cli registers it as
// `modifyComponentConfig`); only the part used here is typed.
interface TemplatePluginContext {
  modifyComponentConfig: (fn: (args: { componentConfig: ComponentConfig }) => void) => void
}

export function dropUnrenderedTemplates(componentConfig: ComponentConfig): void {
  for (const name of UNRENDERED_TEMPLATES) componentConfig.includes.delete(name)
}

export default (ctx: TemplatePluginContext) => {
  ctx.modifyComponentConfig(({ componentConfig }) => dropUnrenderedTemplates(componentConfig))
}
