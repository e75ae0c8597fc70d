import type { Exhibit, Hall, HallWithExhibits } from '../contracts/exhibit'

/** Groups exhibits under their halls for the list page; halls without exhibits are left out. */
export function groupByHall(halls: Hall[], exhibits: Exhibit[]): HallWithExhibits[] {
  const byHall = new Map<string, HallWithExhibits>()
  for (const hall of halls) byHall.set(hall.id, { ...hall, exhibits: [] })
  for (const e of exhibits) {
    const hall = byHall.get(e.hallId) ?? { id: e.hallId, name: e.hall, exhibits: [] }
    byHall.set(e.hallId, hall)
    hall.exhibits.push({
      code: e.code,
      name: e.name,
      nameEn: e.nameEn,
      image: e.image,
      imageAlt: e.imageAlt,
      imageAltEn: e.imageAltEn,
      company: e.company,
      companyEn: e.companyEn,
      plan: e.plan,
    })
  }
  return [...byHall.values()].filter((h) => h.exhibits.length > 0)
}
