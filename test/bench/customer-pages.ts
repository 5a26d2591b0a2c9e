/**
 * Options → 客户档案 and the popup at shop scale (qaQ #2 and #4), in Chromium with the built
 * extension: two profiles, `big` buyers and 3,000 follow-ups over a year (100 open, the rest done)
 * against `small` buyers and the same 100 open follow-ups only, both imported through 全部数据
 * (importAllData, merged: the real import path; done items past the 30 days it keeps are dropped
 * there as by the hourly job). Calls alternate between the profiles sample by sample and are timed
 * in the options page, from the send to the answer (the DevTools round trip not included).
 * - a continued page (`after` a key, 100 buyers read and sent) — what paging costs;
 * - the first page (the list's first call, which also counts the buyers);
 * - a rare search as the list runs it (calls continued until 100 matches or the end of the store);
 * - the popup's list call (listFollowups as the popup's first call asks it), worker warm and stopped
 *   first (a popup opened after the worker slept reads the follow-ups from IndexedDB).
 * Ratio first (big ÷ small, p50s); the floor is the same call on the small profile.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from '../e2e/harness';
import { callFromExtensionPage } from '../e2e/pages';
import { ratio, workerWaker } from './floor';

const DAY = 86_400_000;
const PAGE = 100;
const POPUP_CALL = { kf: 'listFollowups', payload: { perGroup: 20, sections: ['handover', 'overdue', 'today'] } };

const buyerKey = (i: number) => `z${String(i).padStart(6, '0')}`;

function buyers(n: number, now: number) {
  return Array.from({ length: n }, (_, i) => {
    const id = buyerKey(i);
    const seen = now - (1 + (i % 170)) * DAY;
    return {
      v: 2, key: `demo#${id}`, platform: 'demo', buyerId: id, nickname: `买家${id}`,
      segment: ['new', 'returning', 'vip', 'difficult'][i % 4], tags: [['老客'], ['VIP'], [], ['需谨慎']][i % 4],
      sizes: {}, preferences: `偏好${i}：喜欢${['蓝色', '宽松', '纯棉'][i % 3]}`, addressNote: i % 3 === 0 ? `地址备注${i}` : '',
      note: `记录${i}：身高${150 + (i % 40)} 体重${90 + (i % 60)} `.repeat(4),
      createdAt: seen - DAY, updatedAt: seen, lastSeenAt: seen, history: [], droppedEvents: 0, orderIds: [], fieldAt: {},
    };
  });
}

/** `total` follow-ups, the last 100 open (due around now), the others done a day after they were made, spread over a year. */
function followups(total: number, now: number) {
  const open = 100;
  return Array.from({ length: total }, (_, i) => {
    const isOpen = i >= total - open;
    const created = isOpen ? now - 3_600_000 : now - Math.floor((i / total) * 365) * DAY;
    return {
      v: 2, id: `manual:bench-${i}`, kind: 'manual', title: `回访 ${i}`, reason: `回访 ${i}`, createdAt: created,
      dueAt: isOpen ? now + 3_600_000 * ((i % 5) - 2) : created + DAY, status: isOpen ? 'open' : 'done',
      ...(isOpen ? {} : { closedAt: Math.min(now - 60_000, created + DAY) }), source: 'manual', buyer: `买家${buyerKey(i)}`, platform: 'demo',
    };
  });
}

async function seed(h: Harness, nBuyers: number, nFollowups: number, now: number): Promise<Page> {
  const page = await h.openExtensionPage('options.html#import');
  await page.locator('[data-kf="import-export"]').waitFor();
  const base = await callFromExtensionPage<Record<string, any>>(page, 'exportAllData');
  const customers = buyers(nBuyers, now);
  const file = {
    ...base,
    exportedAt: now,
    customers: { ...base.customers, customers },
    buyerNames: { v: 1, entries: customers.map((c) => [`demo:${c.nickname}`, { v: 1, ids: [c.buyerId] }]) },
    followups: { v: 2, items: followups(nFollowups, now) },
  };
  const r = await callFromExtensionPage<{ ok: boolean; errors?: string[] }>(page, 'importAllData', { json: file, merge: true });
  if (!r.ok) throw new Error(`customer-pages bench: import failed: ${r.errors?.join('; ')}`);
  const total = (await callFromExtensionPage<{ total: number }>(page, 'listCustomers', { limit: 1 })).total;
  if (total !== nBuyers) throw new Error(`customer-pages bench: ${total} buyers stored, expected ${nBuyers}`);
  return page;
}

/** One timed action in the page: ms from the first send to the last answer; throws on a refused call. */
function timedInPage(page: Page, action: 'page' | 'first' | 'search' | 'popup', after: string): Promise<number> {
  return page.evaluate(
    async ([action, after, limit, popupCall]) => {
      const send = async (kf: string, payload: unknown) => {
        const r = await (globalThis as any).chrome.runtime.sendMessage({ kf, payload });
        if (!r?.ok) throw new Error(`${kf}: ${JSON.stringify(r)}`);
        return r.value;
      };
      const t0 = performance.now();
      if (action === 'page') {
        const p = await send('listCustomers', { limit, after });
        if (p.items.length !== limit) throw new Error(`a page of ${p.items.length}`);
      } else if (action === 'first') {
        await send('listCustomers', { limit });
      } else if (action === 'popup') {
        await send(popupCall.kf, popupCall.payload);
      } else {
        // As the 客户档案 list runs a search: continued until a page of matches or the end.
        let cursor: string | null = null;
        let found = 0;
        do {
          const p: { items: unknown[]; next: string | null } = await send('searchCustomers', { query: '记录42：', limit, ...(cursor ? { after: cursor } : {}) });
          found += p.items.length;
          cursor = p.next;
        } while (found < limit && cursor !== null);
        if (found < 1) throw new Error('the rare search found nothing');
      }
      return performance.now() - t0;
    },
    [action, after, PAGE, POPUP_CALL] as const,
  );
}

export async function benchCustomerPages(opts: { big?: number; small?: number; samples?: number } = {}): Promise<Record<string, number>> {
  const big = opts.big ?? 10_000;
  const small = opts.small ?? 100;
  const samples = opts.samples ?? 15;
  const hBig = await launchWithExtension();
  const hSmall = await launchWithExtension();
  try {
    const now = Date.now();
    const pBig = await seed(hBig, big, 3000, now);
    const pSmall = await seed(hSmall, small, 100, now);
    // A page of 100 from the middle of the big store; the small store's whole 100 from its start.
    const afterBig = `demo#${buyerKey(Math.floor(big / 2))}`;
    const afterSmall = 'demo#';
    const series = async (action: 'page' | 'first' | 'search' | 'popup') => {
      const b: number[] = [];
      const s: number[] = [];
      // The first of each warms up; the order alternates so both see the same machine.
      for (let i = 0; i <= samples; i++) {
        const pair = i % 2 ? ([[pBig, afterBig, b], [pSmall, afterSmall, s]] as const) : ([[pSmall, afterSmall, s], [pBig, afterBig, b]] as const);
        for (const [page, after, out] of pair) {
          const ms = await timedInPage(page, action, after);
          if (i > 0) out.push(ms);
        }
      }
      return ratio(b, s);
    };
    const page = await series('page');
    const first = await series('first');
    const search = await series('search');
    const popupWarm = await series('popup');
    const wakeBig = await workerWaker(hBig, pBig, POPUP_CALL);
    const wakeSmall = await workerWaker(hSmall, pSmall, POPUP_CALL);
    const coldB: number[] = [];
    const coldS: number[] = [];
    for (let i = 0; i < Math.max(5, Math.ceil(samples / 2)); i++) {
      if (i % 2) {
        coldB.push(await wakeBig.sample());
        coldS.push(await wakeSmall.sample());
      } else {
        coldS.push(await wakeSmall.sample());
        coldB.push(await wakeBig.sample());
      }
    }
    await wakeBig.close();
    await wakeSmall.close();
    const popupCold = ratio(coldB, coldS);
    const followupsStored = await pBig.evaluate(async () => (await (globalThis as any).chrome.runtime.sendMessage({ kf: 'listFollowups', payload: { perGroup: 1 } })).value.counts);
    if (process.env.KF_BENCH_DEBUG) console.log('big profile follow-up counts', followupsStored);
    return {
      [`customers_page_ratio_${big}_to_${small}`]: page.ratio,
      [`customers_page_ms_${big}`]: page.ours,
      [`customers_page_ms_${small}`]: page.floor,
      [`customers_first_page_ratio_${big}_to_${small}`]: first.ratio,
      [`customers_first_page_ms_${big}`]: first.ours,
      [`customers_first_page_ms_${small}`]: first.floor,
      [`customers_rare_search_ratio_${big}_to_${small}`]: search.ratio,
      [`customers_rare_search_ms_${big}`]: search.ours,
      [`customers_rare_search_ms_${small}`]: search.floor,
      popup_list_ratio_year_to_open: popupWarm.ratio,
      popup_list_ms_year: popupWarm.ours,
      popup_list_ms_open_only: popupWarm.floor,
      popup_list_cold_ratio_year_to_open: popupCold.ratio,
      popup_list_cold_ms_year: popupCold.ours,
      popup_list_cold_ms_open_only: popupCold.floor,
    };
  } finally {
    await hBig.close();
    await hSmall.close();
  }
}

if (process.argv[1]?.endsWith('customer-pages.ts')) {
  benchCustomerPages().then(
    (r) => {
      for (const [k, v] of Object.entries(r)) console.log(k.padEnd(44), v);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
