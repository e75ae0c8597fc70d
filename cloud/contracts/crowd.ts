// How full the halls are, as the home page shows it: an ESTIMATE from gate check-ins and an
// average stay, never a head count (nobody is counted on the way out).
export type CrowdLevel = 'comfortable' | 'moderate' | 'crowded'

export const CROWD_LEVEL_LABEL: Record<CrowdLevel, string> = { comfortable: '舒适', moderate: '适中', crowded: '拥挤' }
export const CROWD_LEVEL_EN: Record<CrowdLevel, string> = { comfortable: 'Comfortable', moderate: 'Moderate', crowded: 'Crowded' }

export interface CrowdView {
  level: CrowdLevel
  /** People estimated inside: those checked in within the last `averageStayMinutes`. */
  inside: number
  /** The hall capacity the thresholds are fractions of. */
  capacity: number
  averageStayMinutes: number
  /** When the estimate was made (ISO) and the Beijing clock time shown beside it. */
  at: string
  atText: string
}
