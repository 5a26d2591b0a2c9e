// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { TeamSettings } from './TeamSettings';
import { type } from '../remarks/testing';
import { mountTab, until } from './testing';
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

describe('options → 团队, what a lead reads before joining', () => {
  it('shows an example address, who gives it, what 主管 can do that a 客服 cannot, what stays on this machine, and what to hand the IT person', async () => {
    const { q } = await mountTab(<TeamSettings />, {});
    expect(q('[data-kf="team-server"]')!.getAttribute('placeholder')).toBe('例：https://couch.你的店铺.com/');
    expect(q('[data-kf="team-server"]')!.getAttribute('aria-describedby')).toBe('kf-team-server-help');
    expect(q('#kf-team-server-help')!.textContent).toBe(
      '店铺自己的团队服务器（CouchDB）的地址，由店里负责搭建它的人（IT 或技术同事）提供，连同每个人的用户名和密码。本扩展的开发者不提供服务器。',
    );
    const roles = q('[data-kf="team-roles"]')!.textContent!;
    expect(roles).toContain('主管：修改团队话术库、备注规则和教会的页面');
    // 主管 everywhere else in the product (the remark presets, the shift help): not 组长 here alone.
    expect(roles).not.toContain('组长');
    expect(roles).toContain('审核客服提议的话术');
    expect(roles).toContain('客服：使用这些内容，改话术会作为提议交给主管');
    const stays = q('[data-kf="team-stays"]')!.textContent!;
    expect(stays).toContain('只留在本机、不发送：设置、备份和草稿');
    expect(stays).toContain('客服加入时');
    const it = q('[data-kf="team-it"]')!;
    expect(it.tagName).toBe('DETAILS');
    expect(it.querySelector('summary')!.textContent).toBe('交给搭建服务器的人（IT）：要准备什么');
    const said = it.textContent!;
    for (const part of ['Apache CouchDB 3', 'https://你的店铺.com/couchdb/ 不行', 'npm run team -- init', 'kf-<店铺编号>-library', 'add-supervisor', 'add-agent', '不需要设置 CORS', '[chttpd_auth] timeout', '代理不能去掉回答里的 Set-Cookie', '屏蔽第三方 Cookie 也能正常同步', 'docs/team-server.md'])
      expect(said, part).toContain(part);
  });

  it('says the same in English', async () => {
    setLocale('en');
    const { q } = await mountTab(<TeamSettings />, {});
    expect(q('[data-kf="team-server"]')!.getAttribute('placeholder')).toBe('e.g. https://couch.your-shop.com/');
    expect(q('[data-kf="team-roles"]')!.textContent).toContain('Supervisor: edits the team reply library');
    expect(q('[data-kf="team-it"] summary')!.textContent).toBe('For whoever sets up the server (IT): what to prepare');
  });
});

describe('options → 团队, a sign-in that fails says what to check', () => {
  const answer = (status: number, body: unknown) => vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
  const said = async (server?: string) => {
    const f = await joinForm();
    if (server) type(f.q('[data-kf="team-server"]'), server);
    await f.submit();
    await settle();
    return f.q('[data-kf="team-message"]')?.textContent;
  };

  it('a wrong password: case, input method, and who resets it — said by the button, above the IT list', async () => {
    answer(401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
    const f = await joinForm();
    await f.submit();
    await settle();
    const msg = f.q('[data-kf="team-message"]')!;
    expect(msg.textContent).toBe('用户名或密码不正确：请检查大小写和输入法（全角/半角）。仍然不对，请搭建服务器的人确认你的用户名并重设密码。');
    // An open IT list used to push the message a screen below the button.
    expect(msg.compareDocumentPosition(f.q('[data-kf="team-it"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('signed in but not in that shop: the shop id first (a typo gives the same answer), then who adds members', async () => {
    answer(200, { ok: true, name: '小王', roles: ['kf-othershop-agent'] });
    expect(await said()).toBe(
      '用户 小王 的用户名和密码没错，但不是店铺「myshop」的成员。请先核对店铺编号（向主管要）；没写错的话，请搭建服务器的人把你加入这个店铺（npm run team -- add-agent）。',
    );
  });

  it('http to another machine: ask for the https address', async () => {
    expect(await said('http://192.168.1.10:5984')).toBe('服务器地址必须以 https:// 开头（只有本机地址 127.0.0.1 / localhost 可以用 http）。请向搭建服务器的人要 https 的地址。');
  });

  it('the browser’s access not granted: click again and allow', async () => {
    request.mockImplementation(async () => false);
    expect(await said()).toBe('没有得到访问该服务器的权限，无法连接。请再点一次「登录并加入」，在浏览器弹出的提示里点“允许”。');
  });

  it('nothing answers: also the https certificate', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await said()).toBe(
      '连不上服务器 https://couch.example.com：服务器可能没有开着，或者地址、端口写错了，也可能是本机没有联网；地址是 https 的，也请搭建服务器的人检查证书是否有效。',
    );
  });

  it('an address typed without https:// is tried as https, not refused', async () => {
    // POST /_session signs in; GET /_session then finds the session cookie that came back.
    const fetch = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'POST'
        ? new Response(JSON.stringify({ ok: true, name: '小王', roles: ['kf-myshop-agent'] }), { status: 200 })
        : new Response(JSON.stringify({ ok: true, userCtx: { name: '小王', roles: ['kf-myshop-agent'] } }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetch);
    const f = await mountTab(<TeamSettings />, {
      teamConnect: (p: { server: string }) => ({ config: { ...p, shift: 'day' }, status: { state: 'synced', pending: 0 } }),
      teamMyProposals: () => ({ ok: true, value: [] }),
      handoverTargets: () => ({ shift: 'day', chosen: true, members: [] }),
    });
    type(f.q('[data-kf="team-server"]'), 'couch.example.com');
    type(f.q('[data-kf="team-shop"]'), 'myshop');
    type(f.q('[data-kf="team-user"]'), '小王');
    type(f.q('[data-kf="team-password"]'), 'pw');
    await act(async () => void f.q('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await until(() => f.q('[data-kf="team-joined"]'));
    expect(f.q('[data-kf="team-message"]')).toBeNull();
    expect(fetch.mock.calls[0]![0]).toBe('https://couch.example.com/_session');
    expect(f.q('[data-kf="team-joined"]')?.textContent).toBe('已加入店铺 myshop，身份：小王（客服） · https://couch.example.com');
  });
});
