// The 页面不存在 page's text (a subpackage keeps its strings beside its page, src/i18n/strings.ts).
import { defineStrings } from '@/i18n/strings'

export const missingText = defineStrings(
  {
    title: '页面不存在',
    text: '这个链接可能已失效或有误。可以回到首页，或查看全部展品。',
    home: '回到首页',
    exhibits: '查看全部展品',
  },
  {
    title: 'Page not found',
    text: 'This link may be out of date or mistyped. Go back to the home page, or see all exhibits.',
    home: 'Back to home',
    exhibits: 'All exhibits',
  },
)
