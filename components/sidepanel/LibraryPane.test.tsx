// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { LibraryPane } from './LibraryPane';
import { SidePanelContext, type SidePanelApi } from './SidePanelContext';
import { CallError } from '@/lib/messaging/client';
import { click, mount } from '../remarks/testing';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { setLocale } from '@/lib/i18n';
import type { TargetInfo } from '@/lib/teach/page-api';
import type { SideInsert } from '@/lib/teach/tab-messages';

vi.mock('@/lib/browser', () => ({ browser: {} }));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

it('a background older than the page (an update not reloaded) is named with what to do, not as the verb it did not know', async () => {
  const api = {
    call: vi.fn(async () => {
      throw new CallError('outdated', 'unknown message');
    }),
    onChanged: () => () => {},
  } as unknown as SidePanelApi;
  const m = mount(
    <SidePanelContext.Provider value={api}>
      <LibraryPane target={null} />
    </SidePanelContext.Provider>,
  );
  cleanup = m.unmount;
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
  expect(m.root.querySelector('[role="alert"]')?.textContent).toBe('读取话术库失败：扩展的后台还是旧版本：请在扩展管理页（chrome://extensions）的客服助手上点「重新加载」');
});

describe('a 催付 reply from the side panel marks the buyer the served chat shows now', () => {
  const PAY = { id: 'pay-remind', title: '催付', body: '亲，订单还没付款哦，今天付款今天发', group: '售后', scenarios: ['payment'] };
  const HELLO = { id: 'hello', title: '问候', body: '收到，稍等我去仓库看一眼尺码表', group: '售后', scenarios: ['greeting'] };

  /** The pane next to `tabId` (null: no tab), the tab answering `remindedHere` with `answer`. */
  function pane(
    tabId: number | null,
    answer: () => Promise<{ buyer: string | null; marked?: boolean; error?: string } | null>,
    opts: { canInsert?: boolean; inserted?: SideInsert; buyerNow?: string | null } = {},
  ) {
    setLocale('zh-CN');
    const remindedHere = vi.fn(answer);
    const copy = vi.fn(async () => {});
    const insert = vi.fn(async () => opts.inserted ?? { ok: true });
    const api = {
      call: vi.fn(async (verb: string) => {
        if (verb === 'getLibrary') return { templates: [PAY, HELLO], groups: ['售后'] };
        if (verb === 'getSettings') return DEFAULT_APP_SETTINGS;
        if (verb === 'getUsage') return { v: 1, templates: {} };
        return undefined;
      }),
      onChanged: () => () => {},
      copy,
      insert,
      remindedHere,
      // The tab asked again: whom its chat shows at this moment (after a switch inside the chat: another buyer).
      target: vi.fn(async () => ({ ...target!, status: { ...target!.status!, buyer: opts.buyerNow === undefined ? '上次看到的买家' : opts.buyerNow } })),
    } as unknown as SidePanelApi;
    const target: TargetInfo | null =
      tabId === null ? null : { tabId, url: 'https://demo.test/chat', host: 'demo.test', status: { site: '演示', canInsert: !!opts.canInsert, buyer: '上次看到的买家', teaching: false } };
    const m = mount(
      <SidePanelContext.Provider value={api}>
        <LibraryPane target={target} />
      </SidePanelContext.Provider>,
    );
    cleanup = m.unmount;
    const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
    const row = (id: string) => m.root.querySelector(`[data-kf="side-tpl"][data-id="${id}"]`)!;
    const status = () => m.root.querySelector('[data-kf="side-status"]')?.textContent;
    return { m, settle, row, status, remindedHere, copy, insert, api };
  }

  it('copied next to a chat with a buyer open: the tab is asked to mark its buyer as copied, and the side panel says whom', async () => {
    const p = pane(7, async () => ({ buyer: 'S*******n', marked: true }));
    await p.settle();
    click(p.row('pay-remind').querySelector('[data-kf="side-copy"]'));
    await p.settle();
    expect(p.copy).toHaveBeenCalledWith(PAY.body);
    expect(p.remindedHere).toHaveBeenCalledWith(7, { templateId: 'pay-remind', copied: true });
    expect(p.status()).toBe('已复制；已把 S*******n 记为催过（撤销在聊天页的面板里）');
  });

  it('copied next to a chat with no buyer open: nothing marked, and it says so', async () => {
    const p = pane(7, async () => ({ buyer: null }));
    await p.settle();
    click(p.row('pay-remind').querySelector('[data-kf="side-copy"]'));
    await p.settle();
    expect(p.status()).toBe('已复制；当前聊天里没有买家，未记为催过');
  });

  it('copied next to no tab, or a tab where the extension has no panel: nothing marked, and it says so', async () => {
    const none = pane(null, async () => ({ buyer: 'x', marked: true }));
    await none.settle();
    click(none.row('pay-remind').querySelector('[data-kf="side-copy"]'));
    await none.settle();
    expect(none.remindedHere).not.toHaveBeenCalled();
    expect(none.status()).toBe('已复制；当前聊天里没有买家，未记为催过');
    cleanup?.();
    const dead = pane(9, () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    await dead.settle();
    click(dead.row('pay-remind').querySelector('[data-kf="side-copy"]'));
    await dead.settle();
    expect(dead.status()).toBe('已复制；当前聊天里没有买家，未记为催过');
    cleanup?.();
    // Our content script there, with no panel (not a console page).
    const bare = pane(11, async () => null);
    await bare.settle();
    click(bare.row('pay-remind').querySelector('[data-kf="side-copy"]'));
    await bare.settle();
    expect(bare.remindedHere).toHaveBeenCalledWith(11, { templateId: 'pay-remind', copied: true });
    expect(bare.status()).toBe('已复制；当前聊天里没有买家，未记为催过');
  });

  it('the tab could not record it (the worker refused): said, with the reason', async () => {
    const p = pane(7, async () => ({ buyer: 'S*******n', marked: false, error: '存储空间已满' }));
    await p.settle();
    click(p.row('pay-remind').querySelector('[data-kf="side-copy"]'));
    await p.settle();
    expect(p.status()).toBe('已复制；没能把 S*******n 记为催过：存储空间已满');
  });

  it('inserted into the chat box from the side panel: the page’s panel marks it as its own insertion does (asked nothing more, so never twice)', async () => {
    const p = pane(7, async () => ({ buyer: 'S*******n', marked: true }), { canInsert: true });
    await p.settle();
    click(p.row('pay-remind').querySelector('[data-kf="side-use"]'));
    await p.settle();
    expect(p.insert).toHaveBeenCalledWith(7, { templateId: 'pay-remind', fills: {} });
    expect(p.remindedHere).not.toHaveBeenCalled();
    expect(p.status()).toBe('已插入到聊天框（不会自动发送）；记为催过照聊天页面板自己插入时一样，撤销在那里');
  });

  it('a reply that is not a 催付 asks the tab nothing', async () => {
    const p = pane(7, async () => ({ buyer: 'S*******n', marked: true }));
    await p.settle();
    click(p.row('hello').querySelector('[data-kf="side-copy"]'));
    await p.settle();
    expect(p.remindedHere).not.toHaveBeenCalled();
    expect(p.status()).toBe('已复制到剪贴板：收到，稍等我去仓库看一眼尺码表');
  });
});

describe('a reply inserted from the side panel goes the chat page’s own way', () => {
  const WECHAT = { id: 'wx-photos', title: '加微信看实拍', body: '亲，加我微信 side_kefu_01 发您实拍', group: '售前', scenarios: ['product-info'] };
  const HELLO = { id: 'hello-buyer', title: '称呼买家', body: '{买家}，您好，马上帮您查', group: '售前', scenarios: ['greeting'] };
  const COLOR = { id: 'color', title: '颜色', body: '{买家}，{颜色}有货', group: '售前', scenarios: ['stock'] };

  function pane(opts: { canInsert: boolean; inserted?: SideInsert; buyerNow?: string | null }) {
    setLocale('zh-CN');
    const calls: string[] = [];
    const base: TargetInfo = { tabId: 7, url: 'https://demo.test/chat', host: 'demo.test', status: { site: '演示', canInsert: opts.canInsert, buyer: '上次看到的买家', teaching: false } };
    const api = {
      call: vi.fn(async (verb: string) => {
        calls.push(verb);
        if (verb === 'getLibrary') return { templates: [WECHAT, HELLO, COLOR], groups: ['售前'] };
        if (verb === 'getSettings') return DEFAULT_APP_SETTINGS;
        if (verb === 'getUsage') return { v: 1, templates: {} };
        return undefined;
      }),
      onChanged: () => () => {},
      copy: vi.fn(async () => {}),
      insert: vi.fn(async () => opts.inserted ?? { ok: true }),
      remindedHere: vi.fn(async () => null),
      // The tab asked again at the copy: the buyer its chat shows now.
      target: vi.fn(async () => ({ ...base, status: { ...base.status!, buyer: opts.buyerNow ?? null } })),
    };
    const m = mount(
      <SidePanelContext.Provider value={api as unknown as SidePanelApi}>
        <LibraryPane target={base} />
      </SidePanelContext.Provider>,
    );
    cleanup = m.unmount;
    const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
    const row = (id: string) => m.root.querySelector(`[data-kf="side-tpl"][data-id="${id}"]`)!;
    const status = () => m.root.querySelector('[data-kf="side-status"]')?.textContent;
    return { m, api, calls, settle, row, status };
  }

  it('a reply the page holds (a WeChat id, the guard on): sent as the reply’s id, said to wait for the agent on the chat page, nothing copied', async () => {
    const p = pane({ canInsert: true, inserted: { ok: true, held: true } });
    await p.settle();
    click(p.row('wx-photos').querySelector('[data-kf="side-use"]'));
    await p.settle();
    expect(p.api.insert).toHaveBeenCalledWith(7, { templateId: 'wx-photos', fills: {} });
    expect(p.status()).toBe('已送到聊天页，等你在页面上确认：这条回复可能违规，聊天页的面板里写着哪些字、为什么（还没插入）');
    expect(p.api.copy).not.toHaveBeenCalled();
    // Counted by the page when it goes in, not here as well.
    expect(p.calls).not.toContain('recordUsage');
  });

  it('an insertion asks nothing for {买家} (the page fills it with whom it shows), and sends the fill-ins it asked', async () => {
    const p = pane({ canInsert: true });
    await p.settle();
    click(p.row('hello-buyer').querySelector('[data-kf="side-use"]'));
    await p.settle();
    expect(p.m.root.querySelector('[data-kf="side-fill"]')).toBeNull();
    expect(p.api.insert).toHaveBeenCalledWith(7, { templateId: 'hello-buyer', fills: {} });
    expect(p.status()).toBe('已插入到聊天框（不会自动发送）。');
    click(p.row('color').querySelector('[data-kf="side-use"]'));
    await p.settle();
    expect([...p.m.root.querySelectorAll<HTMLInputElement>('[data-kf="side-fill-input"]')].map((i) => i.dataset.name)).toEqual(['颜色']);
    const input = p.m.root.querySelector<HTMLInputElement>('[data-kf="side-fill-input"]')!;
    input.value = '雾蓝';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await p.settle();
    click(p.m.root.querySelector('[data-kf="side-fill-ok"]'));
    await p.settle();
    expect(p.api.insert).toHaveBeenLastCalledWith(7, { templateId: 'color', fills: { 颜色: '雾蓝' } });
  });

  it('the page’s panel asks the fill-ins itself: said so', async () => {
    const p = pane({ canInsert: true, inserted: { ok: true, asked: true } });
    await p.settle();
    click(p.row('hello-buyer').querySelector('[data-kf="side-use"]'));
    await p.settle();
    expect(p.status()).toBe('已送到聊天页，请在页面的面板里填完空再插入');
  });

  it('copied, {买家} is the buyer the tab shows at the copy, not the nickname of the side panel’s last look', async () => {
    const p = pane({ canInsert: true, buyerNow: '刚切换到的买家' });
    await p.settle();
    click(p.row('hello-buyer').querySelector('[data-kf="side-copy"]'));
    await p.settle();
    expect(p.api.copy).toHaveBeenCalledWith('刚切换到的买家，您好，马上帮您查');
  });

  it('copied with no buyer open in the tab now: {买家} is asked, never the last look’s buyer', async () => {
    const p = pane({ canInsert: true, buyerNow: null });
    await p.settle();
    click(p.row('hello-buyer').querySelector('[data-kf="side-copy"]'));
    await p.settle();
    expect([...p.m.root.querySelectorAll<HTMLInputElement>('[data-kf="side-fill-input"]')].map((i) => i.dataset.name)).toEqual(['买家']);
    expect(p.api.copy).not.toHaveBeenCalled();
  });

  it('the tab could not take it (no chat box there now): copied instead, for the buyer shown now', async () => {
    const p = pane({ canInsert: true, inserted: { ok: false, reason: 'no-input' }, buyerNow: '刚切换到的买家' });
    await p.settle();
    click(p.row('hello-buyer').querySelector('[data-kf="side-use"]'));
    await p.settle();
    expect(p.api.copy).toHaveBeenCalledWith('刚切换到的买家，您好，马上帮您查');
    expect(p.status()).toBe('已复制到剪贴板：刚切换到的买家，您好，马上帮您查');
  });
});

describe('a reply copied from the side panel passes the compliance guard first, as the chat panel’s 复制 does', () => {
  // Written for this test: a reply naming a WeChat id, one granting money, a clean one, one with an absolute claim.
  const WX = { id: 'side-wx', title: '加微信', body: '亲，加我微信 kf_side_88 发您实拍图', group: '售前', scenarios: ['product-info'] };
  const MONEY = { id: 'side-money', title: '让利', body: '这单给您优惠15元', group: '售前', scenarios: ['bargain'] };
  const CLEAN = { id: 'side-clean', title: '稍等', body: '收到，稍等我去仓库看一眼尺码表', group: '售前', scenarios: ['greeting'] };
  const CLAIM = { id: 'side-claim', title: '夸', body: '这款面料质量全网最好', group: '售前', scenarios: ['product-info'] };
  const JD_LINK = { id: 'side-jd-link', title: '发链接', body: '亲，链接在这里 https://item.jd.com/100012345.html 您看下', group: '售前', scenarios: ['product-info'] };

  /** The pane next to a copy-only page, the worker answering the shop's guard settings and limits. */
  function pane(opts: { config?: unknown; limits?: { agentDiscountYuan: number; postageYuan: number }; url?: string; locale?: 'zh-CN' | 'en' } = {}) {
    setLocale(opts.locale ?? 'zh-CN');
    const copy = vi.fn(async () => {});
    const calls: string[] = [];
    const api = {
      call: vi.fn(async (verb: string) => {
        calls.push(verb);
        if (verb === 'getLibrary') return { templates: [WX, MONEY, CLEAN, CLAIM, JD_LINK], groups: ['售前'] };
        if (verb === 'getSettings') return opts.locale === 'en' ? { ...DEFAULT_APP_SETTINGS, shop: { ...DEFAULT_APP_SETTINGS.shop, locale: 'en' } } : DEFAULT_APP_SETTINGS;
        if (verb === 'getUsage') return { v: 1, templates: {} };
        if (verb === 'getGuardConfig') return opts.config ?? { v: 1, disabled: [], rules: [] };
        if (verb === 'getRuleSet') return { limits: opts.limits ?? { agentDiscountYuan: 20, postageYuan: 10 } };
        return undefined;
      }),
      onChanged: () => () => {},
      copy,
      insert: vi.fn(async () => ({ ok: true })),
      remindedHere: vi.fn(async () => null),
      target: vi.fn(async () => target),
    } as unknown as SidePanelApi;
    const target: TargetInfo = { tabId: 5, url: opts.url ?? 'https://example.test/desk', host: 'example.test', status: null };
    // The side panel's app hands the pane the tab it serves; the agent may switch tab meanwhile.
    let serve: (t: TargetInfo) => void = () => {};
    function Served() {
      const [now, setNow] = useState(target);
      serve = setNow;
      return <LibraryPane target={now} />;
    }
    const m = mount(
      <SidePanelContext.Provider value={api}>
        <Served />
      </SidePanelContext.Provider>,
    );
    cleanup = m.unmount;
    const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
    const copyOf = async (id: string) => {
      click(m.root.querySelector(`[data-kf="side-tpl"][data-id="${id}"] [data-kf="side-copy"]`));
      // The matcher is imported on the first copy: give it a few turns.
      for (let i = 0; i < 20 && !copy.mock.calls.length && !m.root.querySelector('[data-kf="side-guard"]'); i++) await settle();
      await settle();
    };
    const q = (sel: string) => m.root.querySelector(sel);
    const status = () => q('[data-kf="side-status"]')?.textContent;
    const switchTo = (t: TargetInfo) => act(() => serve(t));
    return { m, settle, copyOf, q, status, copy, calls, switchTo, target };
  }

  it('a held copy is dropped when the agent turns to another tab: 仍然复制 never copies a reply rendered for the page before', async () => {
    const p = pane();
    await p.settle();
    await p.copyOf('side-wx');
    expect(p.q('[data-kf="side-guard"]')).not.toBeNull();
    await p.switchTo({ ...p.target, tabId: 6, url: 'https://example.test/other', host: 'example.test' });
    expect(p.q('[data-kf="side-guard"]')).toBeNull();
    expect(p.status()).toBe('换了页面或买家：暂扣的回复没有复制，需要时请重新点一次。');
    expect(p.copy).not.toHaveBeenCalled();
  });

  it('a reply with a WeChat id is not copied: the words found and why are shown, with 仍然复制 and 取消', async () => {
    const p = pane();
    await p.settle();
    await p.copyOf('side-wx');
    expect(p.copy).not.toHaveBeenCalled();
    expect(p.q('[data-kf="side-guard"] h3')?.textContent).toBe('这条回复可能违规，暂未复制');
    expect(p.q('[data-kf="side-guard-words"]')?.textContent).toBe('加我微信');
    expect(p.q('[data-kf="side-guard-finding"]')?.textContent).toContain('站外导流');
    expect(p.q('[data-kf="side-guard-reason"]')?.textContent).toMatch(/站外导流/);
    expect(p.q('[data-kf="side-guard-confirm"]')?.textContent).toBe('仍然复制');
    expect(p.q('[data-kf="side-guard-cancel"]')?.textContent).toBe('取消');
    expect(p.status()).toBeUndefined();
  });

  it('仍然复制 copies it as it is, and says so', async () => {
    const p = pane();
    await p.settle();
    await p.copyOf('side-wx');
    click(p.q('[data-kf="side-guard-confirm"]'));
    await p.settle();
    expect(p.copy).toHaveBeenCalledWith(WX.body);
    expect(p.q('[data-kf="side-guard"]')).toBeNull();
    expect(p.status()).toBe(`已复制到剪贴板：${WX.body}`);
  });

  it('取消 copies nothing, and says so', async () => {
    const p = pane();
    await p.settle();
    await p.copyOf('side-wx');
    click(p.q('[data-kf="side-guard-cancel"]'));
    await p.settle();
    expect(p.copy).not.toHaveBeenCalled();
    expect(p.q('[data-kf="side-guard"]')).toBeNull();
    expect(p.status()).toBe('未复制。');
  });

  it('a clean reply is copied at once, as before', async () => {
    const p = pane();
    await p.settle();
    await p.copyOf('side-clean');
    expect(p.copy).toHaveBeenCalledWith(CLEAN.body);
    expect(p.q('[data-kf="side-guard"]')).toBeNull();
    expect(p.status()).toBe(`已复制到剪贴板：${CLEAN.body}`);
  });

  it('money over the shop’s own limit (from its remark rules) is held; within the default limit it would pass', async () => {
    const p = pane({ limits: { agentDiscountYuan: 10, postageYuan: 10 } });
    await p.settle();
    await p.copyOf('side-money');
    expect(p.copy).not.toHaveBeenCalled();
    expect(p.calls).toContain('getRuleSet');
    expect(p.q('[data-kf="side-guard-words"]')?.textContent).toBe('给您优惠15元');
    expect(p.q('[data-kf="side-guard-reason"]')?.textContent).toContain('10 元');
    cleanup?.();
    const q = pane();
    await q.settle();
    await q.copyOf('side-money');
    expect(q.copy).toHaveBeenCalledWith(MONEY.body);
  });

  it('the rule switched off by the shop: copied quietly', async () => {
    const p = pane({ config: { v: 1, disabled: ['contact-wechat'], rules: [] } });
    await p.settle();
    await p.copyOf('side-wx');
    expect(p.copy).toHaveBeenCalledWith(WX.body);
    expect(p.q('[data-kf="side-guard"]')).toBeNull();
  });

  it('a warning never holds the copy: copied, and the words shown beneath', async () => {
    const p = pane();
    await p.settle();
    await p.copyOf('side-claim');
    expect(p.copy).toHaveBeenCalledWith(CLAIM.body);
    expect(p.q('[data-kf="side-guard-warned"] [data-kf="side-guard-words"]')?.textContent).toBe('全网最好');
  });

  it('the shop’s own rule holds it too, its reason shown as text, never as markup', async () => {
    const rule = { id: 'shop-size-chart', words: ['尺码表'], severity: 'block', platforms: ['any'], reason: '<i>本店</i>不外发尺码表' };
    const p = pane({ config: { v: 1, disabled: [], rules: [rule] } });
    await p.settle();
    await p.copyOf('side-clean');
    expect(p.copy).not.toHaveBeenCalled();
    expect(p.q('[data-kf="side-guard-words"]')?.textContent).toBe('尺码表');
    expect(p.q('[data-kf="side-guard-reason"]')?.textContent).toBe('<i>本店</i>不外发尺码表');
    expect(p.q('[data-kf="side-guard"] i')).toBeNull();
  });

  it('checked with the rules of the served tab’s platform: a JD link is at home in a JD chat, an outside link on Taobao', async () => {
    const jd = pane({ url: 'https://dongdong.jd.com/' });
    await jd.settle();
    await jd.copyOf('side-jd-link');
    expect(jd.copy).toHaveBeenCalledWith(JD_LINK.body);
    cleanup?.();
    const tb = pane({ url: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold' });
    await tb.settle();
    await tb.copyOf('side-jd-link');
    expect(tb.copy).not.toHaveBeenCalled();
    expect(tb.q('[data-kf="side-guard-words"]')?.textContent).toBe('https://item.jd.com/100012345.html');
  });

  it('in English: Copy anyway / Cancel, the reason in English', async () => {
    const p = pane({ locale: 'en' });
    await p.settle();
    await p.copyOf('side-wx');
    expect(p.copy).not.toHaveBeenCalled();
    expect(p.q('[data-kf="side-guard"] h3')?.textContent).toBe('This reply may break a rule — not copied yet');
    expect(p.q('[data-kf="side-guard-confirm"]')?.textContent).toBe('Copy anyway');
    expect(p.q('[data-kf="side-guard-cancel"]')?.textContent).toBe('Cancel');
    expect(p.q('[data-kf="side-guard-reason"]')?.textContent).toMatch(/WeChat/i);
  });
});
