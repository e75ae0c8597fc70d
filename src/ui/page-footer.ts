// What every page shows below its content besides the page itself: the audio mini-player, which
// follows the visitor across pages. The app sets it at start (src/app.ts), so shared UI never
// imports a feature.
import { createElement, type ComponentType } from 'react'

let footer: ComponentType | null = null

export function setPageFooter(component: ComponentType): void {
  footer = component
}

export function PageFooter() {
  return footer ? createElement(footer) : null
}
