// weapp: WeChat draws the navigation bar natively and shows its title as text; nothing to guard.
export function textOnlyTitleBar(): void {}
