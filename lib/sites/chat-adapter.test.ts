// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from './testing';
import { douyinAdapter, jdAdapter, kuaishouAdapter, pddAdapter } from './index';
import { probePage } from './probe';
import { SiteElementMissing, type SiteAdapter } from './types';
import * as PDD from './pdd/selectors';
import * as JD from './jd/selectors';
import * as DOUYIN from './douyin/selectors';
import * as KS from './kuaishou/selectors';

/** A console's new build, as the QA pass served it: one class (or tag) renamed throughout the page. */
const rename = (pairs: [string, string][]) => (html: string) => pairs.reduce((h, [from, to]) => h.split(from).join(to), html);

interface Drift {
  name: string;
  adapter: SiteAdapter;
  fixture: string;
  change: [string, string][];
  /** The selector constant the page check names. */
  missing: string;
}

const DRIFTS: Drift[] = [
  { name: 'Pinduoduo, buyer side renamed', adapter: pddAdapter, fixture: 'pdd-chat.html', change: [['class="buyer-item"', 'class="buyer-item-v2"']], missing: 'BUYER_SIDE' },
  { name: 'Pinduoduo, text holder renamed', adapter: pddAdapter, fixture: 'pdd-chat.html', change: [['class="msg-content-box"', 'class="msg-text"']], missing: 'MESSAGE_TEXT' },
  { name: 'JD 咚咚, buyer side renamed', adapter: jdAdapter, fixture: 'jd-dongdong.html', change: [['class="message_left"', 'class="message-left"']], missing: 'BUYER_SIDE' },
  { name: 'JD 咚咚, text holder renamed', adapter: jdAdapter, fixture: 'jd-dongdong.html', change: [['class="message__content"', 'class="message-content"']], missing: 'MESSAGE_TEXT' },
  { name: 'Douyin, buyer bubble renamed', adapter: douyinAdapter, fixture: 'douyin-chat.html', change: [['messageNotMe', 'messageNotMine']], missing: 'BUYER_BUBBLE' },
  { name: 'Douyin, <pre> became <div>', adapter: douyinAdapter, fixture: 'douyin-chat.html', change: [['<pre>', '<div class="t">'], ['</pre>', '</div>']], missing: 'MESSAGE_TEXT' },
  { name: 'Kuaishou, buyer side renamed', adapter: kuaishouAdapter, fixture: 'kuaishou-chat.html', change: [['__notMe', '__notMine']], missing: 'BUYER_SIDE' },
];

describe('a chat console whose message rows can no longer be read (layout changed)', () => {
  for (const d of DRIFTS) {
    it(`${d.name}: says it could not read (${d.missing}) instead of "the shop answered" or "nobody wrote"`, () => {
      loadFixture(d.fixture, undefined, rename(d.change));
      let thrown: unknown;
      try {
        d.adapter.readMessages(document, 50);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(SiteElementMissing);
      expect((thrown as SiteElementMissing).element).toBe(d.missing);
      // The page check shows the messages read as failed, not a green line with a count beside a missing selector.
      const line = probePage(d.adapter, document).find((l) => l.what === 'messages')!;
      expect(line.ok).toBe(false);
      expect(line.missing).toContain(d.missing);
    });
  }

  it('a conversation the shop began (only the shop has written, e.g. a 催付 reminder) reads as the shop speaking last, not as a changed layout', () => {
    const consoles = [
      [pddAdapter, 'pdd-chat.html', PDD.MESSAGE_ROW, PDD.BUYER_SIDE],
      [jdAdapter, 'jd-dongdong.html', JD.MESSAGE, JD.BUYER_SIDE],
      [douyinAdapter, 'douyin-chat.html', DOUYIN.MESSAGE, DOUYIN.BUYER_BUBBLE],
      [kuaishouAdapter, 'kuaishou-chat.html', KS.MESSAGE_ROW, KS.BUYER_SIDE],
    ] as const;
    for (const [adapter, fixture, rows, buyer] of consoles) {
      loadFixture(fixture);
      for (const row of Array.from(document.querySelectorAll(rows))) if (row.querySelector(buyer) || row.matches(buyer)) row.remove();
      const read = adapter.readMessages(document, 50);
      expect(read.length, fixture).toBeGreaterThan(0);
      expect(read.every((m) => m.from === 'agent'), fixture).toBe(true);
    }
  });

  it('the unchanged pages still read, and a conversation of only system notices is not a failure', () => {
    for (const [adapter, fixture] of [[pddAdapter, 'pdd-chat.html'], [jdAdapter, 'jd-dongdong.html'], [douyinAdapter, 'douyin-chat.html'], [kuaishouAdapter, 'kuaishou-chat.html']] as const) {
      loadFixture(fixture);
      expect(adapter.readMessages(document, 50).some((m) => m.from === 'buyer'), fixture).toBe(true);
    }
    loadFixture('pdd-chat.html');
    for (const row of Array.from(document.querySelectorAll('#msgListContainer li.onemsg'))) if (!row.querySelector('[class*="system-msg"]')) row.remove();
    expect(pddAdapter.readMessages(document, 50)).toEqual([]);
  });
});
