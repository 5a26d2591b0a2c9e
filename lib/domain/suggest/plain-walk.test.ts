/**
 * Plain messages of every hour (plain-walk.cases.ts) through the panel's path: the cue trie and the
 * shipped model combined (combineSignals), then rankTemplates on the starter library with the orders
 * beside the chat and the shop's cut-off and day shift, as lib/panel/controller.ts calls them.
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
import { buildTemplateIndex } from './template-index';
import { STARTER_LIBRARY } from '../templates/starter';
import { WALK_FOUND, type WalkCase } from './plain-walk.cases';

const asset = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/suggest-model.json');
const engine = new SuggestEngine(decodeModel(JSON.parse(readFileSync(asset, 'utf8')) as ModelAsset));
const index = buildTemplateIndex(STARTER_LIBRARY.templates);
/** Beijing wall time on 2026-12-07 (h may pass 24). */
const bj = (h: number) => Date.UTC(2026, 11, 7, h - 8, 10);
const shop = { cutoff: '16:00', zone: 480, dayShift: { start: '08:00', end: '20:00' } };

export function cardsFor(c: Pick<WalkCase, 'text' | 'orders' | 'at'>): { chips: string[]; cards: string[] } {
  const cls = combineSignals(classify([c.text]), engine.signals(c.text, { learning: false }));
  const cards = cls.top.length
    ? rankTemplates(index, { classification: cls, text: c.text, orderStatuses: c.orders, now: bj(c.at ?? 14), shop }, 3).map((r) => r.template.id)
    : [];
  return { chips: cls.top, cards };
}

function check(c: WalkCase): void {
  const { chips, cards } = cardsFor(c);
  const where = `${c.text} (${c.orders.join(',') || 'no order'}, ${c.at ?? 14}:10) → [${chips.join(', ')}] ${cards.join(', ')}`;
  if (c.first) expect(c.first, where).toContain(cards[0]);
  for (const group of c.top3 ?? []) expect(cards.some((id) => group.includes(id)), `${where}: one of ${group.join('/')}`).toBe(true);
  for (const id of c.never ?? []) expect(cards, where).not.toContain(id);
}

describe('the three messages the keyboard walk found wrong', () => {
  it.each(WALK_FOUND)('$text ($orders, $at)', check);
});
