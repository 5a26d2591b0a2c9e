/**
 * 退款已完成 ("退款已经操作好了，…原路退回") states what only the order page can show. A closed order
 * (交易关闭) is no sign of a refund: the consoles show the same status for an order cancelled before
 * payment and for one closed after a full refund, and no adapter reads a refund state beside it. So
 * without a refund on the page (退款中) the reply is never Alt+1 — neither in today's starter nor in a
 * library stored before 退款进度（先查订单）existed and 退款已完成 had its order condition (QA pass N,
 * defect 3). Messages written for this test.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { combineSignals } from './combine';
import { SuggestEngine } from './engine';
import { decodeModel, type ModelAsset } from './model';
import { rankTemplates } from './rank';
import { buildTemplateIndex, type TemplateIndex } from './template-index';
import { STARTER_LIBRARY } from '../templates/starter';

const asset = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/suggest-model.json');
const engine = new SuggestEngine(decodeModel(JSON.parse(readFileSync(asset, 'utf8')) as ModelAsset));
const today = buildTemplateIndex(STARTER_LIBRARY.templates);
// A library stored before 2026-12-05: no 退款进度（先查订单）, 退款已完成 without its order condition.
const stored = buildTemplateIndex(
  STARTER_LIBRARY.templates.filter((t) => t.id !== 'refund-check').map((t) => (t.id === 'refund-done' ? { ...t, orders: undefined } : t)),
);

function cards(index: TemplateIndex, text: string, orders: string[]): string[] {
  const cls = combineSignals(classify([text]), engine.signals(text, { learning: false }));
  return rankTemplates(index, { classification: cls, text, orderStatuses: orders, now: Date.UTC(2026, 11, 5, 2) }, 3).map((r) => r.template.id);
}

const ASKS = ['退款了吗', '我的钱退了没有', '退款处理好了吗', '退款同意了吗', '钱退了吗，订单都关了', '退了没有啊', '那笔退款处理了吗'];
const NO_SIGN: [string, string[]][] = [
  ['only closed orders', ['closed']],
  ['two closed orders', ['closed', 'closed']],
  ['no order shown', []],
];

describe('退款已完成 leads only with a refund on the page', () => {
  for (const [name, lib] of [['today’s starter', today], ['a library stored before it', stored]] as const) {
    for (const [what, orders] of NO_SIGN) {
      it.each(ASKS)(`${name}, ${what}: %s → not 退款已完成 at Alt+1`, (text) => {
        const got = cards(lib, text, orders);
        expect(got[0]).toBeDefined();
        expect(got[0]).not.toBe('refund-done');
      });
    }
  }

  it('with a refund on the page (退款中) it still answers 退款了吗 first, and stays on the cards without one', () => {
    expect(cards(today, '退款了吗', ['refunding'])[0]).toBe('refund-done');
    expect(cards(stored, '退款了吗', ['closed', 'refunding'])[0]).toBe('refund-done');
    expect(cards(stored, '退款处理好了吗', ['closed'])).toContain('refund-done');
  });
});
