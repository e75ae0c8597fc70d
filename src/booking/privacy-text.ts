import { ID_MASK_EXAMPLES } from '@cloud/contracts/booking'

// The text of the in-app 用户隐私保护指引 (H5, and weapp clients without openPrivacyContract). It says exactly
// what the booking collects; keep it in step with the guideline filed on mp.weixin.qq.com
// (docs/wechat-cloud.md lists what that one must declare).
export const PRIVACY_SECTIONS_ZH: Array<{ title: string; lines: string[] }> = [
  {
    title: '我们收集哪些信息',
    lines: [
      '参观人的姓名、证件类型和证件号码（居民身份证、护照、港澳居民来往内地通行证、台湾居民来往大陆通行证等）。',
      '微信为本小程序分配的用户标识（OpenID），用于区分您的预约和常用参观人。',
      '预约记录：参观日期、场次、人数，以及是否已入馆。',
    ],
  },
  {
    title: '用于什么',
    lines: ['实名预约与入馆核验；同一证件每天只能预约一次；您订阅后，参观前一天发送到访提醒。不用于其他目的。'],
  },
  {
    title: '如何保护',
    lines: [
      `证件号码不以明文保存：只保存无法还原的校验值和打码后的号码（身份证保留前4位和后4位，如 ${ID_MASK_EXAMPLES.resident}；护照和通行证保留首位和后3位，如 ${ID_MASK_EXAMPLES.passport}），页面上也只显示打码号码。`,
      '信息保存在微信云开发数据库中，不向第三方提供。',
    ],
  },
  {
    title: '您的权利',
    lines: ['您可以在「常用参观人」中随时删除参观人；未到场或已取消的预约不会再用于其他用途。如有疑问，请到馆服务台咨询。'],
  },
]

// The same notice in English; the Chinese one is the text filed with WeChat and governs.
export const PRIVACY_SECTIONS_EN: Array<{ title: string; lines: string[] }> = [
  {
    title: 'What we collect',
    lines: [
      'Each visitor\'s name, ID type and ID number (resident ID card, passport, Mainland Travel Permits for Hong Kong, Macao and Taiwan residents, and similar).',
      'The user identifier WeChat assigns to you in this mini-program (OpenID), to tell your bookings and saved visitors apart.',
      'Booking records: the date, session and number of people of each visit, and whether you checked in.',
    ],
  },
  {
    title: 'What it is used for',
    lines: ['Real-name booking and checking you in; each ID can be booked once a day; if you subscribe, a reminder the day before your visit. Nothing else.'],
  },
  {
    title: 'How it is protected',
    lines: [
      `ID numbers are not stored in plain text: only a one-way check value and a masked number are kept (the first 4 and last 4 characters of a resident ID, such as ${ID_MASK_EXAMPLES.resident}; the first and last 3 of a passport or permit, such as ${ID_MASK_EXAMPLES.passport}), and pages show only the masked number.`,
      'The information is kept in the WeChat cloud database and is not shared with third parties.',
    ],
  },
  {
    title: 'Your rights',
    lines: ['You can delete saved visitors at any time under Saved visitors; missed or cancelled bookings are not used for anything else. For questions, ask at the museum\'s service desk.'],
  },
]

