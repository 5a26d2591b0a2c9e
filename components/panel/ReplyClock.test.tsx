// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store } from '@/lib/panel/store';
import type { PanelController, PanelState } from '@/lib/panel/controller';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { setLocale } from '@/lib/i18n';
import { PanelContext } from '../PanelContext';
import { ReplyClock, type ClockUiState } from './ReplyClock';
import { mount } from '../remarks/testing';
import { buyerTag } from '@/lib/domain/customers/buyer-tag';

vi.mock('@/lib/browser', () => ({ browser: {} }));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const NOW = Date.UTC(2026, 2, 1, 6, 0); // 14:00 Beijing time, inside every platform's counting window
const MIN = 60_000;
/** The tag a masked name shows with the console's id `a` (lib/domain/customers/buyer-tag.ts). */
const TAG = buyerTag('S*******n', 'a');

function show(waiting: ClockUiState['waiting'], open: string | null = null, locale: 'zh-CN' | 'en' = 'zh-CN') {
  setLocale(locale);
  const panel = { store: new Store({ buyer: open, buyerId: null, settings: DEFAULT_APP_SETTINGS } as unknown as PanelState) } as unknown as PanelController;
  const ui = new Store<ClockUiState>({ platform: 'demo', now: NOW, waiting, listUnread: false, canOpen: true, hint: null });
  const m = mount(
    <PanelContext.Provider value={panel}>
      <ReplyClock store={ui} open={() => {}} />
    </PanelContext.Provider>,
  );
  cleanup = m.unmount;
  return {
    names: () => [...m.root.querySelectorAll('[data-kf="clock-item"]')].map((b) => b.getAttribute('data-key')),
    levels: () => [...m.root.querySelectorAll('[data-kf="clock-item"]')].map((b) => b.getAttribute('data-level')),
    more: () => m.root.querySelector('[data-kf="clock-more"]'),
    texts: () => [...m.root.querySelectorAll('[data-kf="clock-item"]')].map((b) => b.textContent),
    spoken: () => [...m.root.querySelectorAll('[data-kf="clock-item"]')].map((b) => b.getAttribute('aria-label')),
  };
}

/** Eight buyers, listed shortest wait first (the order a console's list might give): 买家1 waited 1 min … 买家8 waited 40 min. */
const EIGHT = [1, 2, 3, 4, 5, 6, 20, 40].map((m, i) => ({ key: `买家${i + 1}`, buyer: `买家${i + 1}`, since: NOW - m * MIN }));

describe('ReplyClock (等待中)', () => {
  it('names the five longest waits, longest first, whatever order they came in, and counts the rest as +N', () => {
    const c = show(EIGHT);
    expect(c.names()).toEqual(['买家8', '买家7', '买家6', '买家5', '买家4']);
    expect(c.levels()[0]).toBe('red');
    expect(c.more()?.textContent).toBe('+3');
    expect(c.more()?.getAttribute('title')).toBe('还有 3 位买家在等待');
  });

  it('leaves the open buyer out of the list and of the count', () => {
    const c = show(EIGHT.slice(2), '买家8');
    expect(c.names()).toEqual(['买家7', '买家6', '买家5', '买家4', '买家3']);
    expect(c.more()).toBeNull();
  });

  it('says nothing more when five or fewer wait', () => {
    const c = show(EIGHT.slice(0, 5));
    expect(c.names()).toHaveLength(5);
    expect(c.more()).toBeNull();
  });

  it('shows each wait in one readable format of the interface language, as the card does', () => {
    // QA saw "4h02", "1h17" and "41:02" side by side in the Chinese panel.
    const waits = [{ key: 'a', buyer: 'S*******n', since: NOW - 77 * MIN }, { key: 'b', buyer: '南风知我意2019', since: NOW - 41 * MIN - 2000 }, { key: 'c', buyer: '星辰', since: NOW - 125_000 }];
    expect(show(waits).texts()).toEqual([`S*******n · ${TAG} 1小时17分`, '南风知我意2019 41分', '星辰 2分5秒']);
    cleanup!();
    expect(show(waits, null, 'en').texts()).toEqual([`S*******n · ${TAG} 1h 17m`, '南风知我意2019 41m', '星辰 2m 5s']);
    setLocale('zh-CN');
  });

  it('says a wait of days in days and hours (a JD 等待中 list showed 189小时4分 and 201小时)', () => {
    const waits = [{ key: 'a', buyer: '星辰', since: NOW - (201 * 60) * MIN }, { key: 'b', buyer: '南风知我意2019', since: NOW - (189 * 60 + 4) * MIN }];
    expect(show(waits).texts()).toEqual(['星辰 8天9小时', '南风知我意2019 7天21小时']);
    cleanup!();
    expect(show(waits, null, 'en').texts()).toEqual(['星辰 8d 9h', '南风知我意2019 7d 21h']);
    setLocale('zh-CN');
  });

  it('names each waiting buyer’s button by what a click does and the wait', () => {
    const c = show([{ key: 'a', buyer: 'S*******n', since: NOW - 77 * MIN }]);
    expect(c.spoken()).toEqual([`切换到 S*******n · ${TAG} · 1小时17分`]);
  });

  it('reads apart two buyers behind one masked name by their id’s tag, and the open one is not listed', () => {
    // QA took the other S*******n's 6分 for a wrong figure of the open buyer's wait.
    const waits = [
      { key: '7205118833', buyer: 'S*******n', since: NOW - 90 * MIN },
      { key: '6620034417', buyer: 'S*******n', since: NOW - 6 * MIN },
    ];
    const panel = { store: new Store({ buyer: 'S*******n', buyerId: '7205118833', settings: DEFAULT_APP_SETTINGS } as unknown as PanelState) } as unknown as PanelController;
    setLocale('zh-CN');
    const m = mount(
      <PanelContext.Provider value={panel}>
        <ReplyClock store={new Store<ClockUiState>({ platform: 'pdd', now: NOW, waiting: waits, listUnread: false, canOpen: true, hint: null })} open={() => {}} />
      </PanelContext.Provider>,
    );
    cleanup = m.unmount;
    const other = buyerTag('S*******n', '6620034417');
    expect(other).not.toBe(buyerTag('S*******n', '7205118833'));
    expect([...m.root.querySelectorAll('[data-kf="clock-item"]')].map((b) => b.textContent)).toEqual([`S*******n · ${other} 6分`]);
  });

  it('a list keyed by name (Kuaishou) leaves out the open buyer the page names by id; a list keyed by id leaves out by id only', () => {
    const mountWith = (platform: 'kuaishou' | 'pdd', waits: ClockUiState['waiting']) => {
      const panel = { store: new Store({ buyer: '橙子不酸', buyerId: '3021557741', settings: DEFAULT_APP_SETTINGS } as unknown as PanelState) } as unknown as PanelController;
      setLocale('zh-CN');
      const m = mount(
        <PanelContext.Provider value={panel}>
          <ReplyClock store={new Store<ClockUiState>({ platform, now: NOW, waiting: waits, listUnread: false, canOpen: true, hint: null })} open={() => {}} />
        </PanelContext.Provider>,
      );
      cleanup = m.unmount;
      return [...m.root.querySelectorAll('[data-kf="clock-item"]')].map((b) => b.getAttribute('data-key'));
    };
    expect(mountWith('kuaishou', [{ key: '橙子不酸', buyer: '橙子不酸', since: NOW - 2 * MIN }, { key: '用户12', buyer: '用户12', since: NOW - MIN }])).toEqual(['用户12']);
    cleanup?.();
    expect(mountWith('pdd', [{ key: '3021557741', buyer: '橙子不酸', since: NOW - 2 * MIN }, { key: '6620034417', buyer: '橙子不酸', since: NOW - MIN }])).toEqual(['6620034417']);
  });

  it('shows what the buyer wrote last where the console’s list previews it (JD), as text, and says it with the name', () => {
    const c = show([
      { key: 'jd_77b0e1d2', buyer: 'jd_77b0e1d2', since: NOW - 3 * MIN, preview: '支持<b>七天</b>无理由吗' },
      { key: 'jd_2d9b6e40', buyer: '京东用户_阿杰', since: NOW - 2 * MIN },
    ]);
    expect(c.texts()).toEqual(['jd_77b0e1d2 支持<b>七天</b>无理由吗 3分', '京东用户_阿杰 2分']);
    expect(c.spoken()).toEqual(['切换到 jd_77b0e1d2 · 支持<b>七天</b>无理由吗 · 3分', '切换到 京东用户_阿杰 · 2分']);
    const item = document.querySelector('[data-kf="clock-preview"]')!;
    expect(item.querySelector('b')).toBeNull();
    expect(item.closest('button')!.getAttribute('title')).toBe('切换到 jd_77b0e1d2\n支持<b>七天</b>无理由吗');
  });

  it('gives no tag where the console has no id (the nickname is the key) or the name is not masked', () => {
    const c = show([
      { key: 'S*******n', buyer: 'S*******n', since: NOW - 3 * MIN },
      { key: 'u-1', buyer: '星辰', since: NOW - 2 * MIN },
    ]);
    expect(c.texts()).toEqual(['S*******n 3分', '星辰 2分']);
  });
});
