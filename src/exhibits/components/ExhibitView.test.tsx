import { render, screen } from '@testing-library/react'
import type { Exhibit } from '@cloud/contracts/exhibit'
import { ExhibitView } from './ExhibitView'

const exhibit: Exhibit = {
  code: 'helmet',
  name: '航天同源轻量化头盔',
  hall: '先进材料展区',
  hallId: 'materials',
  floor: '1F',
  image: '/media/exhibits/helmet.svg',
  imageAlt: '轻量化头盔示意图',
  summary: '刚度提高4倍',
  figures: [{ label: '重量', value: '约700克' }],
  company: { name: '大连铭云科技有限公司' },
  origin: '大连理工大学',
  sort: 1,
  source: 'illustrative',
}

describe('ExhibitView', () => {
  it('shows name, hall, figures, company, origin — and marks illustrative content', () => {
    render(<ExhibitView exhibit={exhibit} />)
    expect(screen.getByText('航天同源轻量化头盔')).toBeTruthy()
    expect(screen.getByText('先进材料展区 · 1F')).toBeTruthy()
    expect(screen.getByText('约700克')).toBeTruthy()
    expect(screen.getByText('大连铭云科技有限公司')).toBeTruthy()
    expect(screen.getByText('本展品介绍为示意内容')).toBeTruthy()
  })

  it('does not mark article content as illustrative', () => {
    render(<ExhibitView exhibit={{ ...exhibit, source: 'article' }} />)
    expect(screen.queryByText('本展品介绍为示意内容')).toBeNull()
  })
})
