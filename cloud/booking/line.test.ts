// The published skip rule as a pure walk: who is proposed, who is passed over, when the line blocks.
import type { WaitlistEntry } from '../store/port'
import { walkLine, type CandidateOutcome } from './line'

const entry = (id: string, places: number, skips = 0, status: WaitlistEntry['status'] = 'waiting') =>
  ({ id, places, skips, status }) as WaitlistEntry

/** Drives the walk, answering each proposal with `answer(id)` (default: offered). */
function run(line: WaitlistEntry[], free: number, maxSkips: number, answer: (id: string) => CandidateOutcome = () => 'offered') {
  const proposed: string[] = []
  const walk = walkLine(line, free, maxSkips)
  let step = walk.next()
  while (!step.done) {
    proposed.push(step.value.id)
    step = walk.next(answer(step.value.id))
  }
  return { proposed, ...step.value, skips: Object.fromEntries(step.value.skips) }
}

test('in order while places are free; offered entries ahead are left alone', () => {
  expect(run([entry('a', 2), entry('o', 3, 0, 'offered'), entry('b', 1), entry('c', 2)], 3, 3)).toMatchObject({ proposed: ['a', 'b'], offered: ['a', 'b'], skips: {} })
})

test('an entry that does not fit keeps its place while smaller ones behind are served, one skip per offer behind it', () => {
  expect(run([entry('big', 4), entry('s1', 1), entry('s2', 1)], 2, 3)).toMatchObject({ offered: ['s1', 's2'], skips: { big: 2 } })
})

test('after K skips it blocks the line: nobody behind it is served', () => {
  expect(run([entry('big', 4, 2), entry('s1', 1), entry('s2', 1)], 2, 3)).toMatchObject({ offered: ['s1'], skips: { big: 1 }, blockedBy: 'big' })
  expect(run([entry('big', 4, 3), entry('s1', 1)], 2, 3)).toMatchObject({ proposed: [], offered: [], blockedBy: 'big' })
  // Once enough places are free it is served like anyone else.
  expect(run([entry('big', 4, 3), entry('s1', 1)], 5, 3)).toMatchObject({ offered: ['big', 's1'] })
})

test('K = 0: strict order, no entry is ever passed over', () => {
  expect(run([entry('big', 4), entry('s1', 1)], 3, 0)).toMatchObject({ proposed: [], blockedBy: 'big' })
})

test('an ineligible entry is passed without a skip and without using places; a lost reserve stops the pass', () => {
  expect(run([entry('x', 2), entry('y', 2)], 2, 3, (id) => (id === 'x' ? 'ineligible' : 'offered'))).toMatchObject({ offered: ['y'], skips: {} })
  expect(run([entry('x', 1), entry('y', 1)], 2, 3, () => 'stop')).toMatchObject({ proposed: ['x'], offered: [] })
})
