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
