// The harness itself: a page that is broken in the ways WeChat would punish — a throw in onLoad or a
// timer, an oversized setData, a tap that needs too many setData calls — fails it,
// and a healthy page passes. Each case is a tiny mini-program written to a temporary folder in the
// shape Taro builds (app.js, app.json, base.wxml, pages/*/index.js), so no build is needed.
// (A promise rejection nobody handles is recorded by the harness too, but under jest it also fails
// the test through jest's own handler, so it cannot be shown passing here.)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launchMiniProgram, MAX_SETDATA_BYTES, setByPath } from './mini-program'
import { findNodes } from './tree'

const PAGES: Record<string, string> = {
  healthy: `Page({ data: {}, onLoad(q) { this.setData({ root: { cn: [{ sid: '_1', nn: '1', cn: [{ sid: '_2', nn: '8', v: 'hello ' + q.name }] }] } }) },
    eh(e) { if (e.currentTarget.dataset.sid === '_1') this.setData({ 'root.cn.[0].cn.[0].v': 'tapped' }) } })`,
  throwsOnLoad: `Page({ onLoad() { throw new Error('onLoad exploded') } })`,
  oversized: `Page({ onLoad() { this.setData({ root: { cn: [{ sid: '_1', nn: '8', v: 'x'.repeat(${MAX_SETDATA_BYTES + 1024}) }] } }) } })`,
  chatty: `Page({ onLoad() { this.setData({ root: { cn: [{ sid: '_1', nn: '1', cn: [{ sid: '_2', nn: '8', v: 'tap me' }] }] } }) },
    eh() { for (let i = 0; i < 40; i++) this.setData({ ['root.cn.[0].cn.[0].v']: 'step ' + i }) } })`,
  // nn '3' has no template in this base.wxml: WeChat would draw the node as nothing.
  untemplated: `Page({ onLoad() { this.setData({ root: { cn: [{ sid: '_1', nn: '3', cn: [{ sid: '_2', nn: '8', v: 'invisible' }] }] } }) } })`,
  throwsInTimer: `Page({ onLoad() { this.setData({ root: { cn: [{ sid: '_1', nn: '8', v: 'soon' }] } }); setTimeout(() => { throw new Error('timer exploded') }, 5) } })`,
}

let dist: string
beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-weapp-broken-'))
  const pages = Object.keys(PAGES).map((name) => `pages/${name}/index`)
  fs.writeFileSync(path.join(dist, 'app.json'), JSON.stringify({ pages }))
  fs.writeFileSync(path.join(dist, 'app.js'), 'App({ onLaunch() {} })')
  // nn '1' is a view that binds tap, nn '8' plain text — as in Taro's base.wxml.
  fs.writeFileSync(path.join(dist, 'base.wxml'), '<template name="tmpl_0_1">\n  <view bindtap="eh" class="{{i.cl}}"></view>\n</template>\n<template name="tmpl_0_8">\n  <block>{{i.v}}</block>\n</template>\n')
  for (const [name, code] of Object.entries(PAGES)) {
    fs.mkdirSync(path.join(dist, 'pages', name), { recursive: true })
    fs.writeFileSync(path.join(dist, 'pages', name, 'index.js'), code)
  }
})
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }))

const launch = () => launchMiniProgram({ dist, serverUrl: 'http://127.0.0.1:9', identity: async () => 'unused' })

test('a healthy page passes: data applied by path, a tap reaches its handler', async () => {
  const mp = await launch()
  const page = await mp.open('pages/healthy/index', { name: 'world' })
  expect(page.text()).toBe('hello world')
  await page.tap({ text: 'hello world' })
  expect(page.text()).toBe('tapped')
  expect(() => mp.assertHealthy()).not.toThrow()
  mp.close()
})

test.each([
  ['a throw in onLoad', 'throwsOnLoad', /onLoad exploded/],
  ['a throw in a timer', 'throwsInTimer', /timer exploded/],
  ['a setData above 256 KB', 'oversized', /setData of 257\.\d KB .* exceeds 256 KB/],
  ['a node of a kind base.wxml has no template for', 'untemplated', /renders a node of kind 3, which base.wxml has no template for/],
])('%s fails the harness', async (_case, name, message) => {
  const mp = await launch()
  await mp.open(`pages/${name}/index`)
  expect(() => mp.assertHealthy()).toThrow(message)
  mp.close()
})

test('a tap that needs more setData calls than the limit fails the harness', async () => {
  const mp = await launch()
  const page = await mp.open('pages/chatty/index')
  expect(() => mp.assertHealthy()).not.toThrow()
  await page.tap({ text: 'tap me' })
  expect(() => mp.assertHealthy()).toThrow(/made 40 setData calls \(limit \d+\)/)
  mp.close()
})

test('setData paths are applied the way WeChat applies them', () => {
  const data: Record<string, unknown> = { root: { cn: [{ v: 'a' }] } }
  setByPath(data, 'root.cn.[0].v', 'b')
  setByPath(data, 'root.cn[1]', { v: 'c' })
  setByPath(data, 'list[2].name', 'x')
  expect(data).toEqual({ root: { cn: [{ v: 'b' }, { v: 'c' }] }, list: [undefined, undefined, { name: 'x' }] })
})

test('elements are found by text, class or property, innermost first', () => {
  const root = { cn: [{ sid: 'a', cl: 'card', cn: [{ sid: 'b', cl: 'btn big', 'aria-label': '预约', cn: [{ v: '提交' }] }] }] }
  expect(findNodes(root, { text: '提交' }).map((n) => n.sid)).toEqual(['b'])
  expect(findNodes(root, { cls: 'card' }).map((n) => n.sid)).toEqual(['a'])
  expect(findNodes(root, { contains: '提', cls: 'big' }).map((n) => n.sid)).toEqual(['b'])
  expect(findNodes(root, { prop: '预约' }).map((n) => n.sid)).toEqual(['b'])
})
