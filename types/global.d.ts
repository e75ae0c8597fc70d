/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5'
    TARO_APP_ID: string
  }
}

/** Where exhibit pictures and other media are served (defineConstants; '' on H5 = same origin). */
declare const MEDIA_BASE: string
/** The H5 site's public origin, used in shareable links and plain QR codes. */
declare const H5_ORIGIN: string
/** The WeChat cloud environment id used by Taro.cloud.init on weapp. */
declare const CLOUD_ENV: string
/** The subscription-message template for visit reminders (mini-program admin console); '' = none. */
declare const REMINDER_TEMPLATE_ID: string
/** The closure-notice subscribe template id (defineConstants; empty = never asked). */
declare const CLOSURE_TEMPLATE_ID: string
/** The 对接 status subscribe template id (defineConstants; empty = never asked). */
declare const TRANSFER_TEMPLATE_ID: string
declare const POLICY_ALERT_TEMPLATE_ID: string
