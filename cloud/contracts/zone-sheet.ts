// The zone spreadsheet's contract: its columns (name, field, note) and how a company or policy is
// written as one row. The import (cloud/zone/import.ts) reads rows with these columns; the console's
// edit form is one such row, saved through the import's own parser. No Node APIs, no zod: the console
// bundles this file.
import type { Company, EnglishSource, Policy } from './zone'

export type Row = Record<string, string>

/** Columns and what they mean, in order: the template and the docs are written from this. */
export const COMPANY_COLUMNS = [
  ['企业编号', 'id', '必填。小写字母、数字、连字符，如 rongke；与展品中的企业编号一致'],
  ['企业名称', 'name', '必填'],
  ['英文名称', 'nameEn', '可选；留空时英文页面显示中文并注明“暂无英文”'],
  ['简称', 'shortName', '可选'],
  ['英文简称', 'shortNameEn', '可选'],
  ['行业', 'industry', '必填。信息技术、车联网、洁净能源、生命健康、智能制造、新材料、航空航天、教育科技、其他'],
  ['技术领域', 'fields', '可选，多个用“、”分隔'],
  ['英文技术领域', 'fieldsEn', '可选，英文，每项一行或用“;”分隔，与中文逐项对应'],
  ['主要产品', 'products', '可选，多个用“、”分隔'],
  ['英文主要产品', 'productsEn', '可选，英文，每项一行或用“;”分隔，与中文逐项对应'],
  ['资质', 'qualifications', '可选，多个用“、”分隔：科技型中小企业、高新技术企业、雏鹰企业、瞪羚企业、潜在独角兽企业、专精特新产品、专精特新中小企业、专精特新小巨人、国家专精特新小巨人'],
  ['企业简介', 'profile', '必填'],
  ['英文简介', 'profileEn', '可选'],
  ['成立日期', 'founded', '可选，YYYY-MM-DD'],
  ['联系电话', 'contact.phone', '可选'],
  ['地址', 'contact.address', '可选'],
  ['英文地址', 'contact.addressEn', '可选'],
  ['网址', 'contact.website', '可选'],
  ['展品编号', 'exhibits', '可选，多个用“、”分隔；必须是已有展品'],
  ['来源', 'source', '必填：文章、文件或示意'],
  ['来源说明', 'sourceNote', '可选'],
  ['英文来源说明', 'sourceNoteEn', '可选'],
  ['示意字段', 'illustrative', '可选：来源为文章/文件时，哪些字段是示意（如 qualifications、contact）'],
  ['英文译文', 'translationEn', '可选：机器翻译（页面注明未经园区办审核）或人工撰写；填写了英文而此列留空时按机器翻译'],
] as const

export const POLICY_COLUMNS = [
  ['政策编号', 'id', '必填。小写字母、数字、连字符'],
  ['政策名称', 'title', '必填'],
  ['英文名称', 'titleEn', '可选；留空时英文页面显示中文并注明“暂无英文”'],
  ['简称', 'shortTitle', '可选'],
  ['层级', 'level', '必填：国家、省、市、区'],
  ['政策类别', 'kinds', '必填，多个用“、”分隔：资金补贴、人才、融资、税收、成果转化、知识产权、载体平台、企业培育'],
  ['适用对象', 'audiences', '必填，多个用“、”分隔：初创企业、科技型中小企业、高新技术企业、专精特新企业、雏鹰瞪羚企业、海外人才、高校院所、各类企业'],
  ['政策摘要', 'summary', '必填'],
  ['英文摘要', 'summaryEn', '可选'],
  ['申报条件', 'conditions', '可选，每条一行或用“；”分隔'],
  ['英文申报条件', 'conditionsEn', '可选，英文，每项一行或用“;”分隔，与中文逐项对应'],
  ['支持内容', 'benefit.text', '必填，如 最高补助50万元'],
  ['英文支持内容', 'benefit.textEn', '可选'],
  ['最高金额（万元）', 'benefit.maxAmount', '可选，数字，用于政策计算器的估算'],
  ['生效日期', 'validFrom', '可选，YYYY-MM-DD'],
  ['失效日期', 'validTo', '可选，YYYY-MM-DD'],
  ['申报开始', 'window.opens', '可选，YYYY-MM-DD；空=常年受理'],
  ['申报截止', 'window.closes', '可选，YYYY-MM-DD'],
  ['申报说明', 'window.note', '可选，如 常年受理'],
  ['英文申报说明', 'window.noteEn', '可选，如 year-round'],
  ['申报材料', 'materials', '可选，每条一行或用“；”分隔'],
  ['英文申报材料', 'materialsEn', '可选，英文，每项一行或用“;”分隔，与中文逐项对应'],
  ['申报方式', 'howToApply', '必填'],
  ['英文申报方式', 'howToApplyEn', '可选'],
  ['受理地点', 'where', '必填'],
  ['英文受理地点', 'whereEn', '可选'],
  ['发文单位', 'issuer', '必填'],
  ['英文发文单位', 'issuerEn', '可选'],
  ['文号', 'docNumber', '可选'],
  ['来源', 'source', '必填：文章、文件或示意'],
  ['来源说明', 'sourceNote', '必填：文件标题、链接或报道'],
  ['英文来源说明', 'sourceNoteEn', '可选'],
  ['示意字段', 'illustrative', '可选，如 benefit、window'],
  ['英文译文', 'translationEn', '可选：机器翻译（页面注明未经园区办审核）或人工撰写；填写了英文而此列留空时按机器翻译'],
  ['匹配规则', 'rules', '可选，JSON 数组，格式见 data/templates/README.md（每条可加英文 labelEn、missingEn）；空=不参与政策计算器'],
] as const

const SOURCE_WORD: Record<Company['source'], string> = { article: '文章', document: '文件', illustrative: '示意' }
/** The 英文译文 cell's words; the import reads these (and machine/written). */
export const TRANSLATION_WORD: Record<EnglishSource, string> = { machine: '机器翻译', written: '人工撰写' }
const joined = (items: readonly string[] | undefined, sep = '、') => (items ?? []).join(sep)
// English lists are one item a line: English items may hold commas.
const joinedEn = (items: readonly string[] | undefined) => joined(items, '\n')
const translationCell = (t: EnglishSource | undefined) => (t ? TRANSLATION_WORD[t] : '')

/** A company as one spreadsheet row: the console's edit form is this row, and it is saved through
 *  `parseCompanyRows` — the same validation as an import, not a second one. */
export function companyToRow(c: Company): Row {
  return {
    企业编号: c.id,
    企业名称: c.name,
    英文名称: c.nameEn ?? '',
    简称: c.shortName ?? '',
    英文简称: c.shortNameEn ?? '',
    行业: c.industry,
    技术领域: joined(c.fields),
    英文技术领域: joinedEn(c.fieldsEn),
    主要产品: joined(c.products),
    英文主要产品: joinedEn(c.productsEn),
    资质: joined(c.qualifications),
    企业简介: c.profile,
    英文简介: c.profileEn ?? '',
    成立日期: c.founded ?? '',
    联系电话: c.contact?.phone ?? '',
    地址: c.contact?.address ?? '',
    英文地址: c.contact?.addressEn ?? '',
    网址: c.contact?.website ?? '',
    展品编号: joined(c.exhibits.map((e) => e.code)),
    来源: SOURCE_WORD[c.source],
    来源说明: c.sourceNote ?? '',
    英文来源说明: c.sourceNoteEn ?? '',
    示意字段: joined(c.illustrative),
    英文译文: translationCell(c.translationEn),
  }
}

/** A policy as one spreadsheet row (see companyToRow); the rules are the 匹配规则 JSON cell. */
export function policyToRow(p: Policy): Row {
  return {
    政策编号: p.id,
    政策名称: p.title,
    英文名称: p.titleEn ?? '',
    简称: p.shortTitle ?? '',
    层级: p.level,
    政策类别: joined(p.kinds),
    适用对象: joined(p.audiences),
    政策摘要: p.summary,
    英文摘要: p.summaryEn ?? '',
    申报条件: joined(p.conditions, '\n'),
    英文申报条件: joinedEn(p.conditionsEn),
    支持内容: p.benefit.text,
    英文支持内容: p.benefit.textEn ?? '',
    '最高金额（万元）': p.benefit.maxAmount === undefined ? '' : String(p.benefit.maxAmount),
    生效日期: p.validFrom ?? '',
    失效日期: p.validTo ?? '',
    申报开始: p.window?.opens ?? '',
    申报截止: p.window?.closes ?? '',
    申报说明: p.window?.note ?? '',
    英文申报说明: p.window?.noteEn ?? '',
    申报材料: joined(p.materials, '\n'),
    英文申报材料: joinedEn(p.materialsEn),
    申报方式: p.howToApply,
    英文申报方式: p.howToApplyEn ?? '',
    受理地点: p.where,
    英文受理地点: p.whereEn ?? '',
    发文单位: p.issuer,
    英文发文单位: p.issuerEn ?? '',
    文号: p.docNumber ?? '',
    来源: SOURCE_WORD[p.source],
    来源说明: p.sourceNote,
    英文来源说明: p.sourceNoteEn ?? '',
    示意字段: joined(p.illustrative),
    英文译文: translationCell(p.translationEn),
    匹配规则: p.rules?.length ? JSON.stringify(p.rules) : '',
  }
}

export const COMPANY_HEADERS = COMPANY_COLUMNS.map(([name]) => name)
export const POLICY_HEADERS = POLICY_COLUMNS.map(([name]) => name)
