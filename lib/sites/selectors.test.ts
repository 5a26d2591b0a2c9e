// @vitest-environment happy-dom
/**
 * Meta-test: every selector constant of every adapter must match something on the page it was
 * written for (the demo console in its states, or the fixture pages). When a console changes and a
 * fixture is refreshed from a saved page, this is the test that says which constants went stale.
 *
 * Naming rules for selectors.ts exports (lib/sites/probe.ts): LABEL_* = a text label followed by a
 * colon; TEXT_* = exact text of some element; *_CLASS = a class name; *_ATTR = an attribute name;
 * everything else = a CSS selector. Non-string exports (RegExps for ids) are checked by the adapter tests.
 */
import { describe, expect, it } from 'vitest';
import { selectorFinds } from './probe';
import { bootDemo, loadFixture } from './testing';
import { ALL_ADAPTERS } from './index';
import * as demo from './demo/selectors';
import * as jd from './jd/selectors';
import * as jdOrders from './jd-orders/selectors';
import * as douyin from './douyin/selectors';
import * as kuaishou from './kuaishou/selectors';
import * as pdd from './pdd/selectors';
import * as taobao from './taobao/selectors';

interface Case {
  adapterId: string;
  selectors: Record<string, unknown>;
  pages: { name: string; load(): void }[];
  /**
   * Every selector must match on every page (not just on one of them): for consoles whose pages
   * are versions of one screen, e.g. Douyin before and after a class-hash rotation.
   */
  everyPage?: boolean;
}

const CASES: Case[] = [
  {
    adapterId: 'demo',
    selectors: demo,
    pages: [
      { name: 'demo /chat', load: () => bootDemo('/chat?auto=0') },
      { name: 'demo /orders', load: () => bootDemo('/orders?auto=0') },
      { name: 'demo /orders with the remark dialog open', load: () => bootDemo('/orders?auto=0').openRemark('3951842736019283746') },
    ],
  },
  { adapterId: 'pdd-chat', selectors: pdd, pages: [{ name: 'pdd-chat.html', load: () => loadFixture('pdd-chat.html') }] },
  {
    adapterId: 'taobao-orders',
    selectors: taobao,
    pages: [
      { name: 'taobao-sold.html', load: () => loadFixture('taobao-sold.html') },
      { name: 'taobao-memo.html', load: () => loadFixture('taobao-memo.html') },
      { name: 'taobao-detail.html', load: () => loadFixture('taobao-detail.html') },
    ],
  },
  { adapterId: 'jd-chat', selectors: jd, pages: [{ name: 'jd-dongdong.html', load: () => loadFixture('jd-dongdong.html') }] },
  { adapterId: 'jd-orders', selectors: jdOrders, pages: [{ name: 'jd-orders.html', load: () => loadFixture('jd-orders.html') }] },
  {
    adapterId: 'douyin-chat',
    selectors: douyin,
    // Both hash generations: a selector must match each version on its own (see below).
    pages: [
      { name: 'douyin-chat.html', load: () => loadFixture('douyin-chat.html') },
      { name: 'douyin-chat-v2.html', load: () => loadFixture('douyin-chat-v2.html') },
    ],
    everyPage: true,
  },
  { adapterId: 'kuaishou-chat', selectors: kuaishou, pages: [{ name: 'kuaishou-chat.html', load: () => loadFixture('kuaishou-chat.html') }] },
];

const matches = (name: string, value: string) => selectorFinds(document, name, value);

describe('every selector constant matches its page', () => {
  it('covers every registered adapter', () => {
    expect(CASES.map((c) => c.adapterId).sort()).toEqual(ALL_ADAPTERS.map((a) => a.id).sort());
  });

  for (const c of CASES) {
    it(`${c.adapterId}: all selectors match`, () => {
      const entries = Object.entries(c.selectors).filter((e): e is [string, string] => typeof e[1] === 'string');
      expect(entries.length).toBeGreaterThan(3);
      const matched = new Set<string>();
      for (const page of c.pages) {
        page.load();
        const here = entries.filter(([name, value]) => matches(name, value)).map(([name]) => name);
        for (const name of here) matched.add(name);
        if (c.everyPage) expect(entries.map(([n]) => n).filter((n) => !here.includes(n)), `selectors matching nothing on ${page.name}`).toEqual([]);
      }
      const unmatched = entries.map(([name]) => name).filter((n) => !matched.has(n));
      expect(unmatched, `selectors matching nothing on ${c.pages.map((p) => p.name).join(', ')}`).toEqual([]);
    });
  }
});
