// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store } from './store';
import type { PanelController, PanelState } from './controller';
import { act } from 'preact/test-utils';
import { DEFAULT_APP_SETTINGS } from '../storage/settings';

vi.mock('@/lib/browser', () => ({ browser: {} }));
vi.mock('../messaging/client', () => ({ call: () => Promise.resolve() }));
const { startClock } = await import('./clock-run');
const { jdAdapter } = await import('../sites/jd');
const { readWaiting: readJdWaiting } = await import('../sites/jd/read');
const { douyinAdapter } = await import('../sites/douyin');
const { loadFixture } = await import('../sites/testing');

let cleanup: () => void = () => {};
afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

/** A JD 咚咚 list row; `waits` carries the unanswered marker. */
const row = (pin: string, name: string, time: string, waits = true) =>
  `<div class="alluser-item" id="u_${pin}imcustomer1"><div class="alluser-item-name">${name}</div>` +
  `<div class="alluser-item-date-w">${time}</div><div class="alluser-item-state">${waits ? '<span class="user-none-reply-t"></span>' : ''}</div></div>`;

const settle = () => act(() => new Promise<void>((r) => setTimeout(r)));

/** The feature on a JD page listing `n` waiting buyers, its list read counted. */
async function start(n: number) {
  const rows = Array.from({ length: n }, (_, i) => row(`p${i}`, `买家${i}`, `0${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}`)).join('');
  document.body.innerHTML = `<div id="t-alluser-wrap"><div class="alluser-list">${rows}</div></div><div id="chat"><span class="tick">1</span></div>`;
  const reads = vi.fn((doc: Document) => readJdWaiting(doc));
  const adapter = { ...jdAdapter, readWaiting: reads };
  const store = new Store({ buyer: '买家0', buyerId: 'p0', pageKind: 'chat', settings: DEFAULT_APP_SETTINGS } as unknown as PanelState);
  const pageRead: (() => void)[] = [];
  const controller = { store, onPageRead: (l: () => void) => pageRead.push(l) } as unknown as PanelController;
  const aborter = new AbortController();
  const card = { setWait: () => {} };
  const run = startClock({ controller, adapter, doc: document, card, signal: aborter.signal });
  const root = document.body.appendChild(document.createElement('div'));
  let unmount = () => {};
  act(() => void (unmount = run.mount(root)));
  cleanup = () => (aborter.abort(), act(unmount));
  await settle();
  return {
    reads,
    /** The buyers the 等待中 list names, in its order, and its +N. */
    listed: () => [...root.querySelectorAll('[data-kf="clock-item"]')].map((b) => b.getAttribute('data-key')).concat(root.querySelector('[data-kf="clock-more"]')?.textContent ?? []),
    /** The page was read (a message arrived in the open conversation). */
    pageRead: () => act(() => pageRead.forEach((l) => l())),
  };
}

describe('the 等待中 list of a long conversation list', () => {
  it('follows the list: a buyer answered leaves it, a new waiting buyer joins it in order', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-05T05:00:00Z') });
    try {
      const p = await start(8);
      p.pageRead();
      expect(p.listed()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', '+2']);
      await act(() => document.querySelector('#u_p2imcustomer1 .user-none-reply-t')!.remove());
      await settle();
      expect(p.listed()).toEqual(['p1', 'p3', 'p4', 'p5', 'p6', '+1']);
      document.querySelector('.alluser-list')!.insertAdjacentHTML('afterbegin', row('early', '早到的买家', '00:00'));
      await settle();
      expect(p.listed()).toEqual(['early', 'p1', 'p3', 'p4', 'p5', '+2']);
      document.querySelector('#u_p1imcustomer1')!.remove();
      await settle();
      expect(p.listed()).toEqual(['early', 'p3', 'p4', 'p5', 'p6', '+1']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the list once per change of it, never for a page change outside it nor again at the page read', async () => {
    const p = await start(300);
    p.pageRead();
    const before = p.reads.mock.calls.length;
    // The page's own counter ticks and a new message line: not the list.
    for (let i = 2; i < 12; i++) {
      document.querySelector('.tick')!.textContent = String(i);
      document.querySelector('#chat')!.insertAdjacentHTML('beforeend', `<p>消息${i}</p>`);
      await settle();
    }
    expect(p.reads.mock.calls.length).toBe(before);
    // A row's time changes as the buyer writes again, and the conversation is read for that message.
    document.querySelector('#u_p7imcustomer1 .alluser-item-date-w')!.textContent = '23:59';
    p.pageRead();
    await settle();
    p.pageRead();
    expect(p.reads.mock.calls.length).toBe(before + 1);
    // 300 rows read through happy-dom's slow style walk: ~4.5 s alone, past vitest's 5 s under load.
  }, 30_000);
});

describe('the open buyer’s wait where the messages show no time (Douyin 飞鸽)', () => {
  const NOW = new Date('2026-12-05T06:00:00Z').getTime();

  /** The clock on the Douyin fixture, the open buyer 豆豆爱吃梨 wrote last; the card's readings recorded. */
  async function startDouyin(change: (doc: Document) => void = () => {}) {
    loadFixture('douyin-chat.html', 'https://im.jinritemai.com/pc_seller_v2/main/workspace');
    change(document);
    const store = new Store({ buyer: '豆豆爱吃梨', buyerId: null, pageKind: 'chat', ready: true, settings: DEFAULT_APP_SETTINGS } as unknown as PanelState);
    const pageRead: (() => void)[] = [];
    const controller = { store, onPageRead: (l: () => void) => pageRead.push(l) } as unknown as PanelController;
    const aborter = new AbortController();
    const waits: ({ since: number | null } | null)[] = [];
    startClock({ controller, adapter: douyinAdapter, doc: document, card: { setWait: (w) => waits.push(w && { since: w.since }) }, signal: aborter.signal });
    cleanup = () => aborter.abort();
    await settle();
    return { last: () => waits.at(-1), pageRead: () => act(() => pageRead.forEach((l) => l())) };
  }

  it('counts from the timer on the buyer’s own row in the list (“45秒”), and follows the row when it changes', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    try {
      const c = await startDouyin();
      expect(c.last()).toEqual({ since: NOW - 45_000 });
      // The buyer moves to 已超时 (the row says 4分钟): the card follows the list.
      const row = document.querySelector('[data-qa-id="qa-conversation-chat-item"]')!;
      row.querySelector('[class*="timerParticular"]')!.textContent = '4分钟';
      document.querySelector('[data-btm="message_group_name_overtime"]')!.after(row);
      await settle();
      expect(c.last()).toEqual({ since: NOW - 4 * 60_000 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows no wait where the buyer’s row shows none (no timer, or not in a waiting group), and 已回复 once the shop answered', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    try {
      let c = await startDouyin((doc) => (doc.querySelector('[class*="timerParticular"]')!.textContent = ''));
      expect(c.last()).toBeNull();
      cleanup();
      c = await startDouyin((doc) => doc.querySelector('[data-btm="message_group_name_replied"]')!.after(doc.querySelector('[data-qa-id="qa-conversation-chat-item"]')!));
      expect(c.last()).toBeNull();
      // The shop's answer appears (a right-to-left row): answered, whatever the list says.
      const rows = document.querySelectorAll('[data-qa-id="qa-message-warpper"]');
      const answer = rows[2]!.cloneNode(true) as Element;
      answer.querySelector('pre')!.textContent = '有的亲，还有大号';
      rows[rows.length - 1]!.after(answer);
      c.pageRead();
      expect(c.last()).toEqual({ since: null });
    } finally {
      vi.useRealTimers();
    }
  });
});
