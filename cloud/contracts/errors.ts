// The error codes every layer shares, with the message a person reads. Features add their own
// codes next to their rules; these are the ones the transport and router need.
export const CommonErrors = {
  BAD_REQUEST: '提交的信息有误，请检查后重试',
  UNKNOWN_FUNCTION: '服务不存在，请更新小程序后重试',
  UNKNOWN_ACTION: '操作不存在，请更新小程序后重试',
  UNAUTHENTICATED: '登录状态已失效，请重新进入小程序',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  RATE_LIMITED: '访问人数较多，请稍后再试',
  NETWORK: '网络不给力，请检查网络后重试',
  INTERNAL: '服务暂时不可用，请稍后重试',
  NOT_CONFIGURED: '服务尚未配置完成（缺少服务端密钥 APP_SECRET），请联系科技馆工作人员',
  // Refused at the door, before any function sees the request (cloud/runtime/json-bounds.ts, server.ts).
  PAYLOAD_TOO_LARGE: '提交的内容过大，请精简后重试',
  PAYLOAD_TOO_DEEP: '提交的内容层级过深，请检查后重试',
  REQUEST_TIMEOUT: '网络较慢，提交未能完成，请重试',
  RESTARTING: '服务正在重启，请稍后重试',
} as const

