// Compile-time constants that Taro's webpack build would inline.
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: false,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: false,
  DEPRECATED_ADAPTER_COMPONENT: false,
  MEDIA_BASE: '',
  H5_ORIGIN: 'http://127.0.0.1:8787',
  CLOUD_ENV: '',
  REMINDER_TEMPLATE_ID: '',
  CLOSURE_TEMPLATE_ID: '',
})
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
