/**
 * The chat panel's index comes from the table the worker packed for the library (getPanelLibrary)
 * instead of being built on the page: the agent must get exactly the suggestions and search hits the
 * built index gives, on a library the size of a shop's year (2,400 replies).
 */
import { describe, expect, it } from 'vitest';
import { STARTER_LIBRARY } from '../templates/starter';
import type { Template } from '../templates/types';
import { SCENARIO_IDS } from '../scenarios';
import { classify } from './classify';
import { rankTemplates, type RankInput } from './rank';
import { searchTemplates } from './search';
import { initialsFor } from './pinyin';
import { PINYIN_TABLE } from './pinyin-table.generated';
import { buildTemplateIndex, packTemplateIndex, unpackTemplateIndex, type TemplateIndex } from './template-index';
import { libraryIndex } from './library-index';

/**
 * The starter replies, then variants of them as a shop writes its own: other openers, products,
 * traditional characters, slang, full-width text, variables, codes, order conditions, warm and calm
 * groups, extra situations.
 */
function bigLibrary(n: number): Template[] {
  // Spread over the lists with strides prime to their lengths: every combination turns up.
  const pick = <T,>(a: readonly T[], i: number, stride: number) => a[(i * stride) % a.length]!;
  const openers = ['亲，', '您好，', '親，', '宝宝～', '', '不好意思哈，', '感谢耐心等待！'];
  const extras = ['（連衣裙）', '啥时候都可以问我', '[微笑]', 'ＶＩＰ专享', '{买家}您好', '发货時間{发货日}', '3Q～', '顺丰包邮'];
  const groups = ['老客专享', '安抚致歉', '售后', '常用', '发货物流'];
  const orders = [undefined, ['unpaid'], ['paid', 'shipped'], ['completed']] as const;
  const base = STARTER_LIBRARY.templates;
  const out: Template[] = [...base];
  for (let i = base.length; i < n; i++) {
    const s = base[i % base.length]!;
    const t: Template = {
      id: `${s.id}-v${i}`,
      title: `${s.title}${pick(['', '·老客', '（新）', ' 安抚'], i, 3)}${i % 13}`,
      body: `${pick(openers, i, 5)}${s.body}${pick(extras, i, 11)}`,
      group: i % 10 < 3 ? pick(groups, i, 7) : s.group,
      scenarios: i % 5 === 0 ? [...s.scenarios, pick(SCENARIO_IDS, i, 29)] : s.scenarios,
    };
    const o = pick(orders, i, 9);
    if (o) t.orders = [...o];
    if (i % 4 === 0) t.code = `${s.code ?? 'k'}${i}`;
    out.push(t);
  }
  return out;
}

const library = bigLibrary(2400);
const initials = initialsFor(library, PINYIN_TABLE);
const built = buildTemplateIndex(library);
/** As the page receives it: packed by the worker and passed as JSON. */
const packed = JSON.parse(JSON.stringify(packTemplateIndex(buildTemplateIndex(library))));

const MESSAGES = [
  '几时发货呀', '快递到哪了，怎么还没到', '能便宜点吗', '可以包邮吗', '衣服不合适想退掉', '请问哪天给我寄出来呢', '東西壞了怎麼辦',
  '尺码怎么选 身高165 体重110', '发票怎么开', '在吗', '亲 还有货吗', '改一下地址', '退款什么时候到账', '质量太差了，要投诉',
  '能用优惠卷吗', '谢谢', '好的我看看', '多钱', '拍错了能改吗', '颜色有色差', '运费险怎么用', '给个好评返现吗', '顺丰能发吗',
  '我是老客了，再便宜点', '怎么还不发货，太慢了！！', '[微笑]', '这个面料起球吗', '发错货了', '还没付款，等下拍',
];

const ranked = (index: TemplateIndex, input: RankInput) =>
  rankTemplates(index, input, 5).map((r) => ({ id: r.template.id, score: r.score, reason: r.reason, reasons: r.reasons }));

describe('the panel index from the worker’s packed table', () => {
  it('ranks every message exactly as the index built on the page, with usage, learned picks, buyer and order state', () => {
    const unpacked = unpackTemplateIndex(library, packed);
    const usage = { [library[5]!.id]: { count: 12, lastUsed: 1_700_000_000_000, byScenario: {} }, [library[300]!.id]: { count: 3, lastUsed: 0 } };
    const learned = { [library[700]!.id]: 0.8 };
    let compared = 0;
    for (const text of MESSAGES) {
      const classification = classify([text]);
      const inputs: RankInput[] = [
        { classification, text, now: 1_700_000_000_000 },
        { classification, text, usage, learned, now: 1_700_000_000_000 },
        { classification, text, buyer: { segment: 'vip' }, orderStatuses: ['unpaid'], now: 1_700_000_000_000 },
        { classification, text, buyer: { segment: 'difficult' }, orderStatuses: ['shipped'], now: 1_700_000_000_000 },
      ];
      for (const input of inputs) {
        const expected = ranked(built, input);
        expect(ranked(unpacked, input), text).toEqual(expected);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(200);
    // Ranks every message twice over a 1,000-reply library: ~1 s alone, 7 s on a loaded machine.
  }, 60_000);

  it('finds the same replies for a typed search: words, codes and pinyin initials', () => {
    const fromPage = libraryIndex({ templates: library, initials }, null);
    const fromWorker = libraryIndex({ templates: library, initials }, packed);
    for (const q of ['发货', '退货流程', '/fh', 'fh12', 'zxgf', 'cf', '老客', '顺丰', '连衣裙', '便宜', 'x']) {
      const ids = (index: TemplateIndex) => searchTemplates(index, q, 30).map((h) => `${h.template.id}:${h.score}`);
      expect(ids(fromWorker), q).toEqual(ids(fromPage));
    }
  });

  it('normalises the titles and bodies only when the search first reads them, to the same text', () => {
    const unpacked = unpackTemplateIndex(library, packed);
    expect(Object.getOwnPropertyDescriptor(unpacked, 'titles')?.get).toBeTypeOf('function');
    expect(unpacked.titles).toEqual(built.titles);
    expect(unpacked.bodies).toEqual(built.bodies);
    expect(unpacked.titles).toBe(unpacked.titles);
  });

  it('passes the table as two strings, half the JSON of number arrays, that unpack to the very posting lists', () => {
    const table = packTemplateIndex(built);
    expect(typeof table.keys).toBe('string');
    expect(typeof table.pos).toBe('string');
    const unpacked = unpackTemplateIndex(library, packed);
    expect([...unpacked.postings.keys()]).toEqual([...built.postings.keys()]);
    for (const [k, list] of built.postings) expect([...unpacked.postings.get(k)!], k).toEqual([...list]);
    // What the message carried before: every key a JSON string, every length and step a JSON number.
    const lists = [...built.postings.values()];
    const arrays = { n: library.length, keys: [...built.postings.keys()], lens: lists.map((l) => l.length), pos: lists.flatMap((l) => [...l].map((p, i) => p - (i ? l[i - 1]! : 0))) };
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;
    expect(bytes(table)).toBeLessThan(bytes(arrays) * 0.55);
  });

  it('packs any list length and step a library can have, past the characters JSON escapes and the surrogates', () => {
    // 60,000 replies (more than a library may hold): steps and lengths up to 59,999 cross 0xD800.
    const n = 60_000;
    const many = Array.from({ length: n }, (_, i): Template => ({ id: `t${i}`, title: `${i}`, body: '', group: 'g', scenarios: [] }));
    const lists: Record<string, number[]> = {
      一二: [0, n - 1],
      三四: Array.from({ length: 0xd800 - 40 }, (_, i) => i * 2 + 1).filter((p) => p < n),
      五六: [44, 44 + 44, 44 + 44 + 0xd800 - 48, n - 2],
      七八: Array.from({ length: n }, (_, i) => i),
    };
    const index = { templates: many, postings: new Map(Object.entries(lists).map(([k, v]) => [k, Int32Array.from(v)])) } as unknown as TemplateIndex;
    const table = JSON.parse(JSON.stringify(packTemplateIndex(index)));
    const back = unpackTemplateIndex(many, table);
    for (const [k, v] of Object.entries(lists)) expect([...back.postings.get(k)!], k).toEqual(v);
  });

  it('builds on the page when the table is for another library (a different number of replies)', () => {
    const other = unpackTemplateIndex(library.slice(0, 100), packed);
    expect(other.templates).toHaveLength(100);
    expect([...other.postings.values()].every((p) => p.every((t) => t < 100))).toBe(true);
    expect(ranked(other, { classification: classify(['几时发货呀']), text: '几时发货呀' })).toEqual(
      ranked(buildTemplateIndex(library.slice(0, 100)), { classification: classify(['几时发货呀']), text: '几时发货呀' }),
    );
  });
});
