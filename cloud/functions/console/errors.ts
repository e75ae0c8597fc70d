// The console's refusals, one list for every feature file (the runtime maps codes to HTTP statuses).
import { MAX_CLOSE_DAYS } from '../../contracts/requests/console'
import { AudioErrors } from '../../ops/audio'
import { PhotoErrors } from '../../ops/photos'
import { SheetErrors } from '../../zone/spreadsheet'

export const ConsoleErrors = {
  EXHIBIT_NOT_FOUND: '没有找到这件展品',
  HALL_NOT_FOUND: '没有这个展区，请从列表中选择',
  HALL_ID_TAKEN: '这个展区编号已被使用，请换一个',
  EXHIBIT_CODE_TAKEN: '这个展品编号已被使用，请换一个',
  EXHIBIT_NO_PHOTO: '请先上传展品照片再发布（可先保存为下架）',
  AUDIO_NOT_FOUND: '这个语言的讲解录音已不存在，请刷新后再试',
  NOTICE_NOT_FOUND: '没有找到这条公告，可能已被删除',
  NOTICE_WINDOW: '结束时间须晚于开始时间',
  NOTICE_PAST: '结束时间已过，观众不会看到这条公告；请把结束时间改到将来，或保存为不发布',
  DAY_PAST: '不能关闭已经过去的日期',
  RANGE_INVALID: `结束日期不能早于开始日期，一次最多 ${MAX_CLOSE_DAYS} 天`,
  NOT_CLOSED: '这一天（或场次）没有关闭，无需重新开放',
  MEDIA_UNAVAILABLE: '当前环境未配置图片存储，无法上传',
  SHEET_KIND: '无法识别表格类型：企业表需有“企业名称”列，政策表需有“政策名称”列',
  SHEET_ROWS: '表格有问题，未导入任何数据，请按行修改后重新上传',
  IMPORT_STALE: '预览之后数据已被修改，未导入。请重新上传预览后再确认',
  IMPORT_LINKED: '整体替换会删除仍被引用的数据，未导入。请在表格中保留这些行，或改用“合并”方式',
  SESSION_NOT_FOUND: '这一天没有这个场次',
  SESSION_TEMPLATES: '场次设置有误，请检查后再保存',
  SESSION_HAS_BOOKINGS: '这次修改会删掉仍有有效预约的场次，未保存',
  CAPACITY_BELOW_BOOKED: '容量不能少于已预约人数，未保存',
  HOLIDAY_RANGE: '假日的结束日期不能早于开始日期',
  ZONE_ROW_INVALID: '填写有误，请按提示修改后再保存',
  ZONE_ID_TAKEN: '编号已被使用，请换一个编号',
  COMPANY_NOT_FOUND: '没有找到这家企业，可能已被删除',
  COMPANY_LINKED: '该企业仍关联展品，请先在展品管理中改为其他企业',
  POLICY_NOT_FOUND: '没有找到这项政策，可能已被删除',
  COMPANY_STALE: '这家企业已被他人修改，请刷新后再改',
  POLICY_STALE: '这项政策已被他人修改，请刷新后再改',
  RULES_INVALID: '匹配规则有误，请检查后再试',
  CHART_NOT_FOUND: '没有找到这张图表',
  ...PhotoErrors,
  ...AudioErrors,
  ...SheetErrors,
} as const
