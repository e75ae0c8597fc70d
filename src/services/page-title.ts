// The one way a page sets its title (lint forbids Taro.setNavigationBarTitle elsewhere). Titles
// carry operator text (exhibit and company names); on H5 the router's title bar is first made to
// take text only (./title-bar), and the router then also sets document.title, which is text.
import { useEffect } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { textOnlyTitleBar } from './title-bar'

export function setPageTitle(title: string): void {
  textOnlyTitleBar()
  void Taro.setNavigationBarTitle({ title })
}

/**
 * Sets the page's title whenever it changes, and again when the visitor comes back to the page
 * (H5 has one document title for every page). Nothing while there is no title yet (loading).
 */
export function usePageTitle(title: string | null | undefined): void {
  const apply = () => {
    if (title) setPageTitle(title)
  }
  useEffect(apply, [title])
  useDidShow(apply)
}
