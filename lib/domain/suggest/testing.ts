/**
 * Tests only (never imported by the product): a buyer's message read as the in-page panel reads it on
 * the starter library — the cue phrases and the shipped model combined, then the ranking whose first three
 * are Alt+1…3. The walk tests (jd-walk, douyin-walk, live-room) assert what an agent sees.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from './classify';
import { combineSignals } from './combine';
import { SuggestEngine } from './engine';
import { decodeModel, type ModelAsset } from './model';
import { rankTemplates } from './rank';
import { buildTemplateIndex } from './template-index';
import { STARTER_LIBRARY } from '../templates/starter';

type OrderStatuses = Parameters<typeof rankTemplates>[1]['orderStatuses'];

let loaded: { engine: SuggestEngine; index: ReturnType<typeof buildTemplateIndex> } | undefined;
function parts() {
  const asset = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/suggest-model.json');
  return (loaded ??= {
    engine: new SuggestEngine(decodeModel(JSON.parse(readFileSync(asset, 'utf8')) as ModelAsset)),
    index: buildTemplateIndex(STARTER_LIBRARY.templates),
  });
}

/** The situation chips and the first three cards (template ids) for `text`, at `now`, beside orders in these statuses. */
export function starterPanel(text: string, now: number, orders: OrderStatuses = []): { chips: string[]; cards: string[] } {
  const { engine, index } = parts();
  const cls = combineSignals(classify([text]), engine.signals(text, { learning: false }));
  const cards = cls.top.length ? rankTemplates(index, { classification: cls, text, orderStatuses: orders, now }, 3).map((r) => r.template.id) : [];
  return { chips: cls.top, cards };
}
