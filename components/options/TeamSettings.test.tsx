// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { TeamSettings } from './TeamSettings';
import { type } from '../remarks/testing';
import { mountTab } from './testing';
import { registerMessages, setLocale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import { team } from '@/lib/i18n/messages/team';

registerMessages(options);
registerMessages(team);

const request = vi.hoisted(() => vi.fn(async () => true));
vi.mock('@/lib/browser', () => ({ browser: { permissions: { request } } }));

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  request.mockImplementation(async () => true);
  setLocale('zh-CN');
});

/** Lets the sign-in's awaited steps (no timers) run and the form re-render. */
const settle = () =>
  act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });

async function joinForm() {
  const t = await mountTab(<TeamSettings />, {});
  type(t.q('[data-kf="team-server"]'), 'https://couch.example.com');
  type(t.q('[data-kf="team-shop"]'), 'myshop');
  type(t.q('[data-kf="team-user"]'), '小王');
  type(t.q('[data-kf="team-password"]'), 'pw');
  // Not mountTab's submit: it waits on a timer, and some tests here hold the clock.
  const submit = () => act(async () => void t.q('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  return { ...t, submit };
}

describe('options → 团队, joining', () => {
  it('lays the join form out in the options page’s form rows and says what 店铺编号 is', async () => {
    const { q } = await joinForm();
    for (const key of ['server', 'shop', 'user', 'password']) expect(q(`[data-kf="team-${key}"]`)!.closest('label')!.className, key).toBe('kf-row');
    expect(q('[data-kf="team-shift"]')!.closest('label')!.className).toBe('kf-row');
    const help = q('[data-kf="team-shop-help"]')!;
    expect(help.textContent).toContain('npm run team');
    expect(help.textContent).toContain('不是淘宝、京东等平台上的店铺 ID');
    expect(q('[data-kf="team-shop"]')!.getAttribute('aria-describedby')).toBe(help.id);
  });

  it('says it is waiting for the permission prompt, then 正在连接…, and stops waiting for a silent server with a clear message', async () => {
    let allow: (v: boolean) => void = () => {};
    request.mockImplementation(() => new Promise<boolean>((r) => (allow = r)));
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => new Promise((_r, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))),
    );
    const { q, submit } = await joinForm();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await submit();
    await settle();
    expect(q('[data-kf="team-step"]')?.textContent).toBe('正在请求访问 https://couch.example.com 的权限：请在浏览器弹出的提示里点“允许”…');
    expect((q('[data-kf="team-connect"]') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => allow(true));
    await settle();
    expect(q('[data-kf="team-step"]')?.textContent).toBe('正在连接 https://couch.example.com…');
    await act(async () => void (await vi.advanceTimersByTimeAsync(20_000)));
    await settle();
    expect(q('[data-kf="team-step"]')).toBeNull();
    expect(q('[data-kf="team-message"]')?.textContent).toBe(
      '服务器 https://couch.example.com 在 20 秒内没有回应，已停止等待：可能是地址写错了、网络不通或服务器太忙。请检查地址后再试。',
    );
    expect((q('[data-kf="team-connect"]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says the same in English', async () => {
    setLocale('en');
    vi.stubGlobal('fetch', vi.fn(() => new Promise(() => {})));
    const { q, submit } = await joinForm();
    expect(q('[data-kf="team-shop-help"]')!.textContent).toMatch(/^The id whoever set up the team server gave the shop/);
    await submit();
    await settle();
    expect(q('[data-kf="team-step"]')?.textContent).toBe('Connecting to https://couch.example.com…');
  });
});

describe('options → 团队, my shift', () => {
  const joined = (shift: 'day' | 'night', allDay: boolean) => ({
    teamStatus: () => ({ config: { server: 'https://couch.example.com', shop: 'myshop', user: '小王', role: 'agent', shift }, status: { state: 'idle', pending: 0 } }),
    teamMyProposals: () => ({ ok: true, value: [] }),
    handoverTargets: () => ({ shift: allDay ? 'day' : shift, chosen: true, members: [], ...(allDay ? { allDay: true } : {}) }),
  });

  it('says, when the shop has no night shift (全天白班), that 夜班 counts as 白班 and what to change', async () => {
    const { q } = await mountTab(<TeamSettings />, joined('night', true));
    expect((q('[data-kf="team-my-shift"]') as HTMLSelectElement).value).toBe('night');
    expect(q('[data-kf="team-shift-all-day"]')?.textContent).toBe(
      '本店设为全天白班（没有夜班），所以你选的夜班按白班处理：交给夜班的事项会出现在你的交接区，你写的待办不会留到第二天上午，推荐话术也按白班排序。如果店里确实有夜班，请先到「跟进」里取消“全天白班（没有夜班）”，设好白班的上下班时间。',
    );
  });

  it('says nothing of it with a night shift, or for a day agent', async () => {
    expect((await mountTab(<TeamSettings />, joined('night', false))).q('[data-kf="team-shift-all-day"]')).toBeNull();
    expect((await mountTab(<TeamSettings />, joined('day', true))).q('[data-kf="team-shift-all-day"]')).toBeNull();
  });
});

describe('options → 团队, leaving', () => {
  const cfg = { server: 'https://couch.example.com', shop: 'myshop', user: '小王', role: 'agent', shift: 'day' };

  it('says the leave is under way and offers no sign-in until the worker has answered, even when the page reloads meanwhile with the configuration gone', async () => {
    localStorage.clear();
    let state: { config: typeof cfg | null; status: { state: string; pending: number } } = { config: cfg, status: { state: 'synced', pending: 0 } };
    let answer: (v: unknown) => void = () => {};
    const { q, click, changed } = await mountTab(<TeamSettings />, {
      teamStatus: () => state,
      teamMyProposals: () => ({ ok: true, value: [] }),
      handoverTargets: () => ({ shift: 'day', chosen: true, members: [] }),
      teamLeave: () => new Promise((r) => (answer = r)),
    });
    await click('[data-kf="team-leave"]');
    await click('[data-kf="team-leave-confirm"]');
    expect(q('[data-kf="team-leaving"]')?.textContent).toBe('正在退出团队模式，正在删除本机为同步保存的店铺记录副本…完成后这里会说明，那时才可以重新加入。');
    expect(q('[data-kf="team-joined"]')).toBeNull();
    // A live update during the deletion: the configuration is gone, the worker's status not yet 'off'.
    state = { config: null, status: { state: 'synced', pending: 0 } };
    await changed();
    expect(q('[data-kf="team-connect"]')).toBeNull();
    expect(q('[data-kf="team-leaving"]')).not.toBeNull();
    // Done (the worker says 'off' before it answers): still no form until the answer.
    state = { config: null, status: { state: 'off', pending: 0 } };
    await changed();
    expect(q('[data-kf="team-connect"]')).toBeNull();
    await act(async () => answer({ status: { state: 'off', pending: 0 } }));
    await settle();
    expect(q('[data-kf="team-message"]')?.textContent).toContain('已退出团队模式');
    expect(q('[data-kf="team-leaving"]')).toBeNull();
    expect(q('[data-kf="team-connect"]')).not.toBeNull();
  });

  it('on a page that did not ask (another tab), says the leave is under way while the worker says so, then offers the sign-in; in English too', async () => {
    setLocale('en');
    let status = { state: 'leaving', pending: 0 };
    const { q, changed } = await mountTab(<TeamSettings />, { teamStatus: () => ({ config: null, status }) });
    expect(q('[data-kf="team-leaving"]')?.textContent).toBe('Leaving team mode: deleting the copy of the shop’s records kept on this machine for syncing… This page says when it is done; only then can you join again.');
    expect(q('[data-kf="team-connect"]')).toBeNull();
    expect(q('[data-kf="team-status"]')).toBeNull();
    status = { state: 'off', pending: 0 };
    await changed();
    expect(q('[data-kf="team-leaving"]')).toBeNull();
    expect(q('[data-kf="team-connect"]')).not.toBeNull();
  });
});
