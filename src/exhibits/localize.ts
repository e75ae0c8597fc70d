// The exhibit as shown in the chosen language. An exhibit without English is shown in Chinese
// with a line saying so, never as an empty page.
import { hasEnglish, type Exhibit, type ExhibitFigure, type GuideLang } from '@cloud/contracts/exhibit'

export interface ExhibitText {
  lang: GuideLang
  name: string
  /** The name in the other language, shown small under the title. */
  altName?: string
  hall: string
  summary: string
  figures: ExhibitFigure[]
  company: string
  origin?: string
  imageAlt: string
  /** English was asked for but the exhibit has none. */
  missingEnglish: boolean
  machineTranslated: boolean
}

export function localizeExhibit(e: Exhibit, lang: GuideLang): ExhibitText {
  if (lang === 'en' && hasEnglish(e)) {
    return {
      lang: 'en',
      name: e.nameEn!,
      altName: e.name,
      hall: e.hallEn ?? e.hall,
      summary: e.summaryEn!,
      figures: e.figuresEn?.length === e.figures.length ? e.figuresEn : e.figures,
      company: e.companyEn ?? e.company.name,
      origin: e.originEn ?? e.origin,
      imageAlt: e.imageAltEn ?? e.imageAlt,
      missingEnglish: false,
      machineTranslated: e.translationEn === 'machine',
    }
  }
  return {
    lang: 'zh',
    name: e.name,
    altName: e.nameEn,
    hall: e.hall,
    summary: e.summary,
    figures: e.figures,
    company: e.company.name,
    origin: e.origin,
    imageAlt: e.imageAlt,
    missingEnglish: lang === 'en',
    machineTranslated: false,
  }
}
