/**
 * The chat panel on a shop with a year of data against the same panel on an empty profile, in the
 * same run (QA E, defect 5: the panel came ~1.5× later with the data). The year: 2,000 replies in 40
 * groups, 3,000 buyers with notes, 5,000 learned picks and 500 open follow-ups, imported through
 * 全部数据 (importAllData, the verb behind 导入全部数据 → 合并). Two Chromiums, one with the data and one
 * without; page loads alternate between them so both see the same machine load. Per load, from
 * navigation start: the panel visible (as panel-visible.ts times it, in the page), the panel ready
 * (its suggestions for the open buyer's message shown), the buyer card ready. The demo buyer is not
 * one of the 3,000, so what grows is what the page load itself waits on, not the buyer lookup.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from '../e2e/harness';
import { callFromExtensionPage, cardFrame, evaluateInPanel } from '../e2e/pages';
import { ratio } from './floor';
import { visibleAt, watchedPage } from './panel-visible';
import { percentile, round } from './stats';
import { SCENARIO_IDS } from '../../lib/domain/scenarios';
import { STARTER_LIBRARY } from '../../lib/domain/templates/starter';
import type { Template } from '../../lib/domain/templates/types';
import { buildTemplateIndex, packTemplateIndex, unpackTemplateIndex } from '../../lib/domain/suggest/template-index';
import { initialsFor } from '../../lib/domain/suggest/pinyin';
import { PINYIN_TABLE } from '../../lib/domain/suggest/pinyin-table.generated';
import { initialsInOrder } from '../../lib/domain/suggest/attach-initials';

const DAY = 86_400_000;
/** What a pick can teach ('other' is not learned). */
const LEARNABLE = SCENARIO_IDS.filter((id) => id !== 'other');

/** The all-data file of a shop a year on: `base` (this profile's own export) with the year's data in it. */
export function yearOfData(base: Record<string, any>, now: number): Record<string, unknown> {
  const groups = Array.from({ length: 40 }, (_, g) => `分组${String(g).padStart(2, '0')}`);
  const topics = ['尺码', '物流', '退款', '面料', '发票'];
  const templates = Array.from({ length: 2000 }, (_, i) => ({
    id: `y${String(i).padStart(4, '0')}`,
    title: `话术${String(i).padStart(4, '0')} ${topics[i % 5]}`,
    body: `亲，这是第${i}条话术，{买家}您好，关于${topics[(i * 7) % 5]}的问题我来为您解答～`,
    group: groups[i % 40],
    scenarios: [SCENARIO_IDS[i % SCENARIO_IDS.length]],
    code: `y${i}`,
  }));
  const customers = Array.from({ length: 3000 }, (_, i) => {
    const id = `y${String(i).padStart(4, '0')}`;
    const seen = now - (1 + (i % 365)) * DAY;
    return {
      v: 2, key: `demo#${id}`, platform: 'demo', buyerId: id, nickname: `买家${id}`,
      segment: ['new', 'returning', 'vip', 'difficult'][i % 4], tags: [['老客'], ['VIP'], [], ['需谨慎']][i % 4],
      sizes: {}, preferences: `偏好${i}：喜欢${['蓝色', '宽松', '纯棉'][i % 3]}`, addressNote: i % 3 === 0 ? `地址备注${i}` : '',
      note: `备注${i}：身高${150 + (i % 40)} 体重${90 + (i % 60)}`,
      createdAt: seen - DAY, updatedAt: seen, lastSeenAt: seen, history: [], droppedEvents: 0, orderIds: [], fieldAt: {},
    };
  });
  const kinds = ['delay', 'bad-review', 'promised-answer', 'refund-to-pay', 'postage-refund', 'return-pending', 'inquiry', 'manual'];
  const items = Array.from({ length: 500 }, (_, i) => ({
    v: 2, id: `year-${i}`, kind: kinds[i % kinds.length], title: `跟进 ${i}`, reason: `跟进 ${i}`, createdAt: now - 5 * DAY,
    dueAt: now + ((i % 168) - 72) * 3_600_000, status: 'open', source: 'manual', buyer: `买家y${String((i * 5) % 3000).padStart(4, '0')}`, platform: 'demo',
  }));
  const picks = Array.from({ length: 5000 }, (_, i) => {
    const scenario = LEARNABLE[i % LEARNABLE.length];
    return { id: `year-pick-${i}`, at: now - (5000 - i) * 60_000, text: `买家消息${i} 关于${scenario}的问题`, scenario, templateId: null, source: 'chip' };
  });
  return {
    ...base,
    exportedAt: now,
    library: { ...base.library, groups: [...base.library.groups, ...groups], templates: [...base.library.templates, ...templates] },
    customers: { ...base.customers, customers },
    buyerNames: { v: 1, entries: customers.map((c) => [`demo:${c.nickname}`, { v: 1, ids: [c.buyerId] }]) },
    followups: { v: 2, items },
    learned: { ...base.learned, picks },
  };
}

async function withYearOfData(h: Harness): Promise<void> {
  const options = await h.openExtensionPage('options.html#import');
  await callFromExtensionPage(options, 'patchSettings', { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '16:00' } });
  const base = await callFromExtensionPage<Record<string, any>>(options, 'exportAllData');
  const r = await callFromExtensionPage<{ ok: boolean; errors?: string[] }>(options, 'importAllData', { json: yearOfData(base, Date.now()), merge: true });
  if (!r.ok) throw new Error(`the year of data was not imported: ${r.errors?.join('; ')}`);
  await options.close();
}

async function emptyShop(h: Harness): Promise<void> {
  const options = await h.openExtensionPage('options.html#import');
  await callFromExtensionPage(options, 'patchSettings', { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '16:00' } });
  await options.close();
}

/** Polls `done` every few ms; the milliseconds from `t0` (epoch) to the first true. */
async function until(t0: number, done: () => Promise<boolean>): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (!(await done().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - t0;
}

async function load(page: Page, url: string): Promise<{ visible: number; ready: number; card: number }> {
  const t0 = Date.now();
  const visible = await visibleAt(page, url);
  // Watched side by side: the card does not wait for the suggestions, nor they for the card.
  const [ready, card] = await Promise.all([
    until(t0, () => evaluateInPanel(page, (roots) => roots.some((r) => !!r.querySelector('[data-kf="suggestions"][data-engine="ready"] [data-kf="template"]')))),
    until(t0, async () => (await cardFrame(page)?.evaluate(() => document.querySelector('[data-kf="customer-card"]')?.getAttribute('data-state') === 'ready')) ?? false),
  ]);
  return { visible, ready, card };
}

/**
 * The panel's index of the year's library in Node, median of `runs`: built from the replies (what
 * each page load did before the worker packed it), and unpacked from the worker's table (what a page
 * load does now; the worker builds and packs once per library version).
 */
export function indexFigures(runs = 9): Record<string, number> {
  const templates = (yearOfData({ library: STARTER_LIBRARY, customers: {}, learned: {} }, Date.now()).library as { templates: Template[] }).templates;
  const packed = JSON.parse(JSON.stringify(packTemplateIndex(buildTemplateIndex(templates))));
  const time = (f: () => unknown) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      f();
      ms.push(performance.now() - t0);
    }
    return round(percentile(ms, 50), 1);
  };
  // The page's two messages, as JSON bytes: the library with its packed table, and the initials after.
  const kb = (v: unknown) => round(Buffer.byteLength(JSON.stringify(v)) / 1000, 1);
  const initials = initialsFor(templates, PINYIN_TABLE);
  return {
    panel_index_build_ms_year: time(() => buildTemplateIndex(templates)),
    panel_index_unpack_ms_year: time(() => unpackTemplateIndex(templates, packed)),
    panel_library_message_kb_year: kb({ library: { v: 2, groups: [], templates, updatedAt: 0 }, index: packed }),
    panel_index_packed_kb_year: kb(packed),
    panel_initials_message_kb_year: kb({ updatedAt: 0, initials: initialsInOrder(templates, initials) }),
  };
}

export async function benchYearOfData(loads = 10): Promise<Record<string, number>> {
  const year = await launchWithExtension();
  const empty = await launchWithExtension();
  try {
    await withYearOfData(year);
    await emptyShop(empty);
    const yearPage = await watchedPage(year.context.newPage());
    const emptyPage = await watchedPage(empty.context.newPage());
    const y = { visible: [] as number[], ready: [] as number[], card: [] as number[] };
    const e = { visible: [] as number[], ready: [] as number[], card: [] as number[] };
    // The first load of each warms the worker and the caches; it is not counted.
    for (let i = 0; i <= loads; i++) {
      const a = await load(yearPage, `${year.demoUrl}/chat`);
      const b = await load(emptyPage, `${empty.demoUrl}/chat`);
      if (i === 0) continue;
      for (const k of ['visible', 'ready', 'card'] as const) {
        y[k].push(a[k]);
        e[k].push(b[k]);
      }
    }
    const ready = ratio(y.ready, e.ready);
    const visible = ratio(y.visible, e.visible);
    const card = ratio(y.card, e.card);
    return {
      panel_ready_ratio_year_to_empty: ready.ratio,
      panel_visible_ratio_year_to_empty: visible.ratio,
      card_ready_ratio_year_to_empty: card.ratio,
      panel_ready_ms_p50_year: ready.ours,
      panel_ready_ms_p50_empty: ready.floor,
      panel_ready_ms_p95_year: round(percentile(y.ready, 95), 1),
      panel_visible_ms_p50_year: visible.ours,
      panel_visible_ms_p50_empty: visible.floor,
      card_ready_ms_p50_year: card.ours,
      card_ready_ms_p50_empty: card.floor,
      ...indexFigures(),
    };
  } finally {
    await year.close();
    await empty.close();
  }
}

if (process.argv[1]?.endsWith('year-data.ts')) {
  benchYearOfData().then((r) => console.log(r), (e) => { console.error(e); process.exit(1); });
}
