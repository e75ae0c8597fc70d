// Every environment variable the cloud functions may read, with what an operator must know to set
// it. WHICH function reads WHICH variable is not written here: scripts/cloud/variables.ts reads it
// off the source files each function's bundle is built from, so a new `env.X` in the code shows up
// in the build, the deploy, the docs and the preflight without anyone remembering to list it —
// and a variable read by the code but missing here fails scripts/cloud/variables.test.ts.

export interface CloudVariable {
  /** What it does and what to put in it, in words an operator can act on. */
  description: string
  /** Must be non-empty for a release (the preflight and the deploy refuse otherwise). */
  required?: boolean
  /** Never printed (dry runs show ***). */
  secret?: boolean
  /** A value that may appear in the guide's export line. */
  example: string
}

const catalogue = {
  APP_KEYS: {
    description: '密钥环（JSON，见 README → Keys）；与 APP_SECRET 至少设一个，且与已部署的值相同，否则已签发的电子票和已保存的参观人全部失效',
    secret: true,
    example: '',
  },
  APP_SECRET: {
    description: '旧式单一密钥（APP_KEYS 未设时使用）；所有函数必须相同',
    secret: true,
    example: '<openssl rand -hex 32 生成，之后永不更改>',
  },
  CONSOLE_ORIGIN: {
    description: '运营后台的静态托管域名（https://<环境>.tcloudbaseapp.com，多个用逗号分隔）；为空时后台的每个浏览器请求都被拒绝（403 FORBIDDEN_ORIGIN）',
    example: 'https://<环境 ID>-<账号>.tcloudbaseapp.com',
  },
  H5_ORIGIN: {
    description: 'H5 访客站点的域名，后台打印的展品二维码指向它（未设则指向本机地址）',
    example: 'https://<H5 域名>',
  },
  WXACODE_ENV_VERSION: {
    description: '生成小程序码所指向的版本：release | trial | develop',
    example: 'release',
  },
  MINIPROGRAM_STATE: {
    description: '订阅消息跳转的小程序版本：formal（正式版）| trial（体验版）| developer（开发版）；在体验版上测试提醒时设为 trial，否则发送失败（41030）',
    example: 'formal',
  },
  ADMIN_OPENIDS: { description: '管理员的 OPENID（逗号分隔；也可写在 config 集合的 roles 文档里）', example: 'o-…' },
  BOOKING_OPERATOR_OPENIDS: { description: '预约管理员的 OPENID（逗号分隔）', example: '' },
  CONTENT_EDITOR_OPENIDS: { description: '内容编辑的 OPENID（逗号分隔）', example: '' },
  ZONE_EDITOR_OPENIDS: { description: '园区信息编辑的 OPENID（逗号分隔）', example: '' },
  STAFF_OPENIDS: { description: '入口核验工作人员的 OPENID（逗号分隔）', example: '' },
  TRANSFER_OFFICER_OPENIDS: { description: '成果转化中心专员（处理对接申请）的 OPENID（逗号分隔；也可写在 roles 文档的 transferOfficers 里）', example: '' },
  REMINDER_TEMPLATE_ID: {
    description: '到访提醒的订阅消息模板 ID（公众平台 → 订阅消息）；必须与构建小程序时的 REMINDER_TEMPLATE_ID 相同',
    required: true,
    example: '<到访提醒模板 ID>',
  },
  REMINDER_TEMPLATE_KEYS: {
    description: '可选：到访提醒模板的字段名映射 JSON，例如 {"place":"thing1","date":"date2","time":"time3","note":"thing4"}',
    example: '',
  },
  PLACES_PER_ADDRESS_PER_SESSION: {
    description: '可选：同一网络（IPv4 地址或 IPv6 /64）每个场次最多预约的人数；为空用默认（云端 60），0 为不限（docs/security.md）',
    example: '',
  },
  NEW_IDS_PER_ADDRESS_PER_DAY: {
    description: '可选：同一网络每天最多新登记的证件号数；为空用默认（云端 100），0 为不限',
    example: '',
  },
  IMPORT_MAX_ROWS: {
    description: '可选：运营后台导入表格的最多行数；为空用默认 20000',
    example: '',
  },
  IMPORT_HEAP_MB: {
    description: '可选：解析导入表格的工作线程内存上限（MB）；默认 512 超过云函数默认的 256 MB 内存，云端建议 160',
    example: '160',
  },
  CLOSURE_TEMPLATE_ID: {
    description: '闭馆/场次取消通知的订阅消息模板 ID；必须与构建小程序时的 CLOSURE_TEMPLATE_ID 相同',
    required: true,
    example: '<闭馆通知模板 ID>',
  },
  TRANSFER_TEMPLATE_ID: {
    description: '可选：对接申请状态变更的订阅消息模板 ID；必须与构建小程序时的 TRANSFER_TEMPLATE_ID 相同；为空则不排队状态通知（申请人仍可在「我的」看到状态）',
    example: '<对接进度模板 ID>',
  },
  WAITLIST_TEMPLATE_ID: {
    description: '可选：候补名额到位的订阅消息模板 ID（加入候补时请求一次性订阅）；为空则不排队到位通知（访客仍可在「我的候补」看到并确认）',
    example: '',
  },
  POLICY_ALERT_TEMPLATE_ID: {
    description: '可选：政策提醒的订阅消息模板 ID（一次性订阅）；必须与构建小程序时的 POLICY_ALERT_TEMPLATE_ID 相同；为空则每日任务不排队政策提醒（访客仍可在「我的」看到）',
    example: '<政策提醒模板 ID>',
  },
} satisfies Record<string, CloudVariable>

export type CloudVariableName = keyof typeof catalogue
export const CLOUD_VARIABLES: Record<CloudVariableName, CloudVariable> = catalogue

/**
 * Read by the H5 site's server (the local runtime serving the visitor site), not by any cloud
 * function: never sent by deploy:cloud, listed in the guide beside the functions' table.
 */
export const SITE_VARIABLES: Record<string, CloudVariable> = {
  WECHAT_QR_VERIFY_FILE: {
    description: '可选：「扫普通链接二维码打开小程序」的校验文件名（小程序后台给出，如 Ab3dE9fGhQ.txt）；H5 服务在 /e/<文件名> 和 /<文件名> 返回它（静态托管：npm run qr:verify-file）',
    example: '<校验文件名>.txt',
  },
  WECHAT_QR_VERIFY_CONTENT: {
    description: '可选：该校验文件的内容（原样返回，text/plain）',
    example: '<校验文件内容>',
  },
}

/** Read by modules that are also bundled into the functions, but meaningless there: never sent. */
export const NOT_FOR_THE_CLOUD: Record<string, string> = {
  NODE_ENV: 'build:cloud 在打包时固定为 production',
  APP_KEYS_FILE: '本地运行时的密钥文件路径；云函数没有这个文件，用 APP_KEYS',
  PORT: '本地运行时的端口；云函数不监听端口',
  SCF_FUNCTIONNAME: '由云函数运行环境自动设置（当前函数名），不由部署发送',
}

/** At least one of these must be non-empty: the key ring (or the legacy single secret). */
export const KEY_VARIABLES: CloudVariableName[] = ['APP_KEYS', 'APP_SECRET']

export const isCloudVariable = (name: string): name is CloudVariableName => Object.prototype.hasOwnProperty.call(CLOUD_VARIABLES, name)

export const cloudVariable = (name: CloudVariableName): CloudVariable => CLOUD_VARIABLES[name]
