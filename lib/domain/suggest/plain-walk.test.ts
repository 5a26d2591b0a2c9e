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
import {
  BIGGER_ONE, CLOSINGS, CLEAR_NEED, COLLAR, DETAILS_WRONG, FAULT_HOW, FEWER_CAME, SWAP_NOT_RETURN, THANKS_BAOBAO, THANKS_UNPAID, GREETINGS, INVOICE_ONLY, LATE_CLOSINGS, MULTI_NEED, REVIEW_THREATS, SHIP_DAY, SHORT_AFTER_WRONG, SWAP_FOR_FIT, SWAP_NEIGHBOURS, WALK_FOUND, GIFT_AT_FAULT, PART_CAME_OFF, SENT_WRONG_NO_ADDRESS, REST_MISSING, STOCK_ONLY, ONE_FAULT, GREETING_THEN_NEED, FEW_WORDS, ADDRESS_SENT_WRONG, OTHER_DEFECT, THANKS_NOT_BOUGHT, NO_MORE_CHIPS, SHORT_BY, RETURN_MISSENT, WHETHER_HAPPENED, COURIER_MISDELIVERED, SHORT_NOT_BROKEN, GENUINE_ASKED, DEFECT_WHETHER, POSTAGE_TO_PLACE, BARGAIN_AND_SIZE, GIFT_WRAP, COURIER_EXTRA, ABOUT_TO_BUY, PRE_SALE_ONE_NEED, PACKING_ASKED, FAR_FREE_SHIPPING, WORRY_BEFORE_BUYING, FAR_POSTAGE_PRICE, SHORT_ON_WAY, type WalkCase,
} from './plain-walk.cases';

const asset = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/suggest-model.json');
const engine = new SuggestEngine(decodeModel(JSON.parse(readFileSync(asset, 'utf8')) as ModelAsset));
const index = buildTemplateIndex(STARTER_LIBRARY.templates);
/** Beijing wall time on 2026-12-07 (h may pass 24). */
const bj = (h: number) => Date.UTC(2026, 11, 7, h - 8, 10);
const shop = { cutoff: '16:00', zone: 480, dayShift: { start: '08:00', end: '20:00' } };

/** The buyer's turns since the shop's last reply go to the cues, and to the ranking as `earlier` (controller.ts). */
function cardsFor(c: WalkCase): { chips: string[]; cards: string[] } {
  const turns = [...(c.before ?? []), c.text];
  const cls = combineSignals(classify(turns), engine.signals(c.text, { learning: false }));
  const input = { classification: cls, text: c.text, earlier: turns, orderStatuses: c.orders, now: bj(c.at ?? 14), shop };
  const cards = cls.top.length ? rankTemplates(index, input, 3).map((r) => r.template.id) : [];
  return { chips: cls.top, cards };
}

function check(c: WalkCase): void {
  const { chips, cards } = cardsFor(c);
  const where = `${c.text} (${c.orders.join(',') || 'no order'}, ${c.at ?? 14}:10) → [${chips.join(', ')}] ${cards.join(', ')}`;
  if (c.first) expect(c.first, where).toContain(cards[0]);
  for (const group of c.top3 ?? []) expect(cards.some((id) => group.includes(id)), `${where}: one of ${group.join('/')}`).toBe(true);
  for (const id of c.never ?? []) expect(cards, where).not.toContain(id);
  for (const id of c.chipsNever ?? []) expect(chips, where).not.toContain(id);
  for (const id of c.chips ?? []) expect(chips, where).toContain(id);
  if (c.second) expect(c.second, where).toContain(cards[1]);
  if (c.maxChips !== undefined) expect(chips.length, where).toBeLessThanOrEqual(c.maxChips);
}

const name = '$text ($orders, at $at)';

describe('the three messages the keyboard walk found wrong', () => {
  it.each(WALK_FOUND)(name, check);
});

describe('several needs in one message: a card for each, the stock question one too', () => {
  it('holds at least 15 messages', () => expect(MULTI_NEED.length).toBeGreaterThanOrEqual(15));
  it.each(MULTI_NEED)(name, check);
  it.each(SHIP_DAY)(name, check);
});

describe('another size or colour for goods that do not fit or please: an exchange, no defect', () => {
  it('holds at least 15 messages', () => expect(SWAP_FOR_FIT.length).toBeGreaterThanOrEqual(15));
  it.each(SWAP_FOR_FIT)(name, check);
  it.each(SWAP_NEIGHBOURS)(name, check);
});

describe('a closing at any hour gets a goodbye, a greeting the welcome of its hour', () => {
  it('holds at least 15 closings', () => expect(CLOSINGS.length).toBeGreaterThanOrEqual(15));
  it.each(CLOSINGS)(name, check);
  it.each(GREETINGS)(name, check);
});

describe('the after-sales walk of 2026-12-07', () => {
  it('holds at least 8 messages of each kind', () => {
    for (const group of [COLLAR, SHORT_AFTER_WRONG, INVOICE_ONLY, BIGGER_ONE, LATE_CLOSINGS, REVIEW_THREATS]) expect(group.length).toBeGreaterThanOrEqual(9);
  });
  it.each(COLLAR)(`a collar is no coupon: ${name}`, check);
  it.each(SHORT_AFTER_WRONG)(`the latest words lead: ${name}`, check);
  it.each(INVOICE_ONLY)(`an invoice title is no payment: ${name}`, check);
  it.each(BIGGER_ONE)(`a bigger one is no haggling: ${name}`, check);
  it.each(LATE_CLOSINGS)(`a closing is no payment confirmation: ${name}`, check);
  it.each(REVIEW_THREATS)(`a bad review threatened gets the reply aimed at it: ${name}`, check);
});

describe('the walks of 2026-12-07, second round', () => {
  it('holds at least 6 messages of each kind', () => {
    for (const group of [FAULT_HOW, THANKS_BAOBAO, FEWER_CAME, THANKS_UNPAID, CLEAR_NEED, SWAP_NOT_RETURN, DETAILS_WRONG]) expect(group.length).toBeGreaterThanOrEqual(6);
  });
  it.each(FAULT_HOW)(`a fault in hand is after the purchase: ${name}`, check);
  it.each(THANKS_BAOBAO)(`a thanks to 宝宝 is a thanks: ${name}`, check);
  it.each(FEWER_CAME)(`fewer came than bought: ${name}`, check);
  it.each(THANKS_UNPAID)(`a thanks beside an unpaid order is answered as a thanks: ${name}`, check);
  it.each(CLEAR_NEED)(`no chip for a word that brushes a situation beside a clear need: ${name}`, check);
  it.each(SWAP_NOT_RETURN)(`a swap is no return to talk down: ${name}`, check);
  it.each(DETAILS_WRONG)(`the buyer's details said wrong are an address change: ${name}`, check);
});

describe('the walks of 2026-12-07, third round', () => {
  it('holds at least 6 messages of each kind', () => {
    for (const group of [GIFT_AT_FAULT, PART_CAME_OFF, SENT_WRONG_NO_ADDRESS, REST_MISSING, STOCK_ONLY]) expect(group.length).toBeGreaterThanOrEqual(6);
  });
  it.each(GIFT_AT_FAULT)(`a gift at fault is after-sales: ${name}`, check);
  it.each(PART_CAME_OFF)(`a part come off is a defect: ${name}`, check);
  it.each(SENT_WRONG_NO_ADDRESS)(`goods sent wrong are no address change: ${name}`, check);
  it.each(REST_MISSING)(`the rest asked after is missing or on its way: ${name}`, check);
  it.each(STOCK_ONLY)(`a plain stock question gets the stock replies alone: ${name}`, check);
});

describe('the walks of 2026-12-07, fourth round', () => {
  it('holds at least 8 messages of each kind', () => {
    for (const group of [ONE_FAULT, GREETING_THEN_NEED, FEW_WORDS, ADDRESS_SENT_WRONG, OTHER_DEFECT, THANKS_NOT_BOUGHT]) expect(group.length).toBeGreaterThanOrEqual(8);
  });
  it.each(ONE_FAULT)(`a fault named is that fault, no second reading: ${name}`, check);
  it.each(GREETING_THEN_NEED)(`a greeting in front of a need is no need: ${name}`, check);
  it.each(FEW_WORDS)(`a fault or a short delivery in a few words: ${name}`, check);
  it.each(ADDRESS_SENT_WRONG)(`the address got wrong is no goods sent wrong: ${name}`, check);
  it.each(OTHER_DEFECT)(`a reply for one kind of defect is no answer to another: ${name}`, check);
  it.each(THANKS_NOT_BOUGHT)(`no five stars asked before the goods are bought: ${name}`, check);
});

describe('the walks of 2026-12-07, fifth round', () => {
  it('holds at least 6 messages of each kind', () => {
    for (const group of [NO_MORE_CHIPS, SHORT_BY, RETURN_MISSENT, WHETHER_HAPPENED, COURIER_MISDELIVERED]) expect(group.length).toBeGreaterThanOrEqual(6);
  });
  it.each(NO_MORE_CHIPS)(`no more chips than cards: ${name}`, check);
  it.each(SHORT_BY)(`差 and an amount is short by, not poor: ${name}`, check);
  it.each(RETURN_MISSENT)(`a return sent to the wrong address is no goods sent wrong: ${name}`, check);
  it.each(WHETHER_HAPPENED)(`是不是 asking whether it happened is no product question: ${name}`, check);
  it.each(COURIER_MISDELIVERED)(`the courier delivering to the wrong place is tracking: ${name}`, check);
});

describe('the walks of 2026-12-07, sixth round: before buying', () => {
  it('holds at least 8 messages of each kind', () => {
    for (const group of [SHORT_NOT_BROKEN, GENUINE_ASKED, DEFECT_WHETHER, POSTAGE_TO_PLACE, BARGAIN_AND_SIZE, GIFT_WRAP, COURIER_EXTRA, ABOUT_TO_BUY, PRE_SALE_ONE_NEED]) expect(group.length).toBeGreaterThanOrEqual(8);
  });
  it.each(SHORT_NOT_BROKEN)(`goods short named are no broken goods: ${name}`, check);
  it.each(GENUINE_ASKED)(`whether it is genuine, asked before buying: ${name}`, check);
  it.each(DEFECT_WHETHER)(`会不会 and a defect is asked before buying: ${name}`, check);
  it.each(POSTAGE_TO_PLACE)(`postage to a place is the courier's, no return's: ${name}`, check);
  it.each(BARGAIN_AND_SIZE)(`haggling and a size: a card for each: ${name}`, check);
  it.each(GIFT_WRAP)(`wrapping for a present is no damage: ${name}`, check);
  it.each(COURIER_EXTRA)(`paying extra for a courier is no price protection: ${name}`, check);
  it.each(ABOUT_TO_BUY)(`a purchase announced calls nothing off: ${name}`, check);
  it.each(PRE_SALE_ONE_NEED)(`one need, no product question beside it: ${name}`, check);
});

describe('the walks of 2026-12-07, seventh round: before buying', () => {
  it('holds at least 8 messages of each kind', () => {
    for (const group of [PACKING_ASKED, FAR_FREE_SHIPPING]) expect(group.length).toBeGreaterThanOrEqual(8);
  });
  it.each(PACKING_ASKED)(`whether the packing survives the trip gets the 破损 chip: ${name}`, check);
  it.each(FAR_FREE_SHIPPING)(`包邮 to a far place: the promotion first, the far place's postage second: ${name}`, check);
});

describe('the walks of 2026-12-07, eighth round: before buying, and goods short on their way', () => {
  it('holds at least 8 messages of each kind', () => {
    for (const group of [WORRY_BEFORE_BUYING, FAR_POSTAGE_PRICE, SHORT_ON_WAY]) expect(group.length).toBeGreaterThanOrEqual(8);
  });
  it.each(WORRY_BEFORE_BUYING)(`a worry before buying is a question about the goods, no chip the model adds alone: ${name}`, check);
  it.each(FAR_POSTAGE_PRICE)(`寄 a far place 多少钱 is the postage there, no repair's: ${name}`, check);
  it.each(SHORT_ON_WAY)(`goods short on their way: 漏发少件 first, no 发错货: ${name}`, check);
});
