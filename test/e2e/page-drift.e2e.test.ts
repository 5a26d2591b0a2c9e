/**
 * A console redesigned under the panel (QA pass U, finding 2), on the real fixtures served at the
 * consoles' addresses: hooks or message rows renamed the way a redesign renames them. The panel must
 * say the page changed (检查页面 / 教会这个页面 beside the notice, copy still working) instead of
 * showing the library as if this were some other page, or 暂无明确诉求 as if the buyer had said
 * nothing. And a console page that is no chat page, or a conversation with no message yet, raises
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import { cardReady, inPanel } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, buyerName, openConsole, type ConsoleFixture } from './consoles';
import { renameEveryClass } from '../../lib/sites/testing';

const s = extensionSuite({ shop: 'close' });

/** A console's new build: each string replaced throughout the page. */
const rename = (pairs: readonly (readonly [string, string])[]) => (html: string) => pairs.reduce((h, [from, to]) => h.split(from).join(to), html);

const notice = () => inPanel(s.page, '[data-kf="notice"]');
const CHANGED = '页面结构可能已变化';

/** The page-changed notice, with 检查页面 and 教会这个页面 beside it; replies are copied (the chat box is not ours to find). */
async function expectPageChanged(text = CHANGED) {
  await expect.poll(() => notice().textContent()).toContain(text);
  expect(await inPanel(s.page, '[data-kf="notice-check"]').count()).toBe(1);
  expect(await inPanel(s.page, '[data-kf="teach"]').count()).toBe(1);
}

/** Every data-qa-id of the open page's chat column and conversation list renamed in place, as a redesign re-renders them. */
const rotateDouyinHooks = () =>
  s.page.evaluate(() => {
    for (const el of [document.getElementById('chantListScrollArea')!, document.getElementById('topbar-left-info')!.parentElement!]) el.outerHTML = el.outerHTML.split('data-qa-id').join('data-qa-x');
  });

describe('a console whose hooks were all renamed', () => {
  it('Douyin at its workspace address, every data-qa-id renamed: the page-changed notice, the buyer still shown, replies copied', async () => {
    await openConsole(s.page, CONSOLES.douyin, rename([['data-qa-id', 'data-qa-x']]));
    await expectPageChanged();
    expect(await buyerName(s.page)).toBe('豆豆爱吃梨');
    expect(await inPanel(s.page, '.kf-foot').textContent()).toContain('复制模式');
    expect(await inPanel(s.page, '[data-kf="no-situation"]').count()).toBe(0);
  });

  it('a chat page this tab recognised, at an address we do not know as the chat, renamed while open: the page-changed notice', async () => {
    // The console moved its workspace to a new path: the adapter recognises the page by its hooks.
    const moved: ConsoleFixture = { ...CONSOLES.douyin, url: 'https://im.jinritemai.com/pc_seller_v3/im/desk' };
    await openConsole(s.page, moved);
    await cardReady(s.page, '豆豆爱吃梨');
    await rotateDouyinHooks();
    await expectPageChanged();
  });

  it('a console page that is no chat page (settings, with a text box of its own) reached from the chat raises nothing', async () => {
    await openConsole(s.page, CONSOLES.douyin);
    await cardReady(s.page, '豆豆爱吃梨');
    // The console's router: the address first, then the new view (no hook of the chat in it).
    await s.page.evaluate(() => {
      history.pushState({}, '', '/pc_seller_v2/main/setting');
      document.getElementById('chantListScrollArea')!.remove();
      document.getElementById('topbar-left-info')!.parentElement!.innerHTML = '<h2>自动回复设置</h2><textarea>欢迎光临</textarea>';
    });
    await expect.poll(() => inPanel(s.page, '[data-kf="buyer"]').count()).toBe(0);
    expect(await notice().count()).toBe(0);
  });
});

describe('a full redesign: every class name of the page renamed (ids, data attributes and styles kept)', () => {
  for (const [name, fx] of [
    ['Pinduoduo', CONSOLES.pdd],
    ['JD 咚咚', CONSOLES.jd],
    ['Douyin', CONSOLES.douyin],
    ['Kuaishou', CONSOLES.kuaishou],
  ] as const) {
    // Kuaishou's editor is a real Quill, which draws its own classes: only the console's are renamed there.
    it(`${name}: the page-changed notice with 检查页面 / 教会这个页面, not an empty conversation`, async () => {
      await openConsole(s.page, fx, renameEveryClass);
      await expectPageChanged();
      expect(await inPanel(s.page, '[data-kf="no-situation"]').count()).toBe(0);
    });
  }
});

describe('message rows renamed, the list and the chat box kept', () => {
  for (const [name, fx, change, buyer, waiting] of [
    ['Douyin', CONSOLES.douyin, [['qa-message-warpper', 'qa-message-wrapper']], '豆豆爱吃梨', false],
    ['JD 咚咚', CONSOLES.jd, [['class="message"', 'class="msg-row"']], '京东用户_小满', true],
    ['Pinduoduo', CONSOLES.pdd, [['class="onemsg"', 'class="one-msg"'], ["li.className = 'onemsg'", "li.className = 'one-msg'"]], 'S*******n', true],
  ] as const) {
    it(`${name}: says the messages could not be read (not 暂无明确诉求), no wait on the card; the other buyers' waits still listed`, async () => {
      await openConsole(s.page, fx, rename(change));
      await expectPageChanged('读不出本会话的消息');
      await cardReady(s.page, buyer);
      expect(await inPanel(s.page, '[data-kf="no-situation"]').count()).toBe(0);
      expect(await inPanel(s.page, '[data-kf="suggestions"]').textContent()).toContain('读不出本会话的消息');
      expect(await inPanel(s.page, '[data-kf="customer-card"] [data-kf="clock"]').count()).toBe(0);
      if (waiting) await expect.poll(() => inPanel(s.page, '[data-kf="clock-item"]').count()).toBeGreaterThan(0);
    });
  }

  // How a new conversation looks on each page: the list element with no row in it.
  for (const [name, fx, rows] of [
    ['Pinduoduo', CONSOLES.pdd, '#msgListContainer > ul.msg-list > li'],
    ['JD 咚咚', CONSOLES.jd, '#t-chat-scroll .c-c > *'],
    ['Douyin', CONSOLES.douyin, '[data-qa-id="qa-message-warpper"]'],
  ] as const) {
    it(`${name}: a conversation with no message yet waits for the buyer, with no notice`, async () => {
      await openConsole(s.page, fx);
      await expect.poll(() => inPanel(s.page, '[data-kf="suggestions"]').textContent()).not.toContain('等待买家消息');
      await s.page.evaluate((sel) => document.querySelectorAll(sel).forEach((r) => r.remove()), rows);
      await expect.poll(() => inPanel(s.page, '[data-kf="suggestions"]').textContent()).toContain('等待买家消息');
      expect(await notice().count()).toBe(0);
    });
  }

  // A new or still-loading conversation: no row, but a line of the console's own in the list, or a
  // text holder somewhere else on the page (a quick-phrase preview). Text alone is no renamed row.
  for (const [name, fx, rows, where, extra] of [
    ['Pinduoduo', CONSOLES.pdd, '#msgListContainer > ul.msg-list > li', '#msgListContainer > ul.msg-list', '<li class="load-more">查看更多消息</li><li>今天 20:05</li>'],
    ['JD 咚咚', CONSOLES.jd, '#t-chat-scroll .c-c > *', '#t-chat-scroll .c-c', '<div>加载中…</div>'],
    ['Douyin', CONSOLES.douyin, '[data-qa-id="qa-message-warpper"]', 'body', '<aside><pre>亲，在的</pre></aside>'],
  ] as const) {
    it(`${name}: a conversation with no message yet, beside a line that is no message (${extra}), waits for the buyer with no notice`, async () => {
      await openConsole(s.page, fx);
      await expect.poll(() => inPanel(s.page, '[data-kf="suggestions"]').textContent()).not.toContain('等待买家消息');
      await s.page.evaluate(([sel, at, html]) => {
        document.querySelectorAll(sel).forEach((r) => r.remove());
        document.querySelector(at)!.insertAdjacentHTML('beforeend', html);
      }, [rows, where, extra] as const);
      await expect.poll(() => inPanel(s.page, '[data-kf="suggestions"]').textContent()).toContain('等待买家消息');
      expect(await notice().count()).toBe(0);
    });
  }
});

describe('an order page of a redesigned console: every class name renamed', () => {
  for (const [name, fx] of [
    ['Taobao 已卖出的宝贝', CONSOLES.taobaoSold],
    ['Taobao memo page (备注)', CONSOLES.taobaoMemo],
    ['JD order list', CONSOLES.jdOrders],
  ] as const) {
    it(`${name}: the page-changed notice with 检查页面, saying what still works, instead of silence`, async () => {
      await openConsole(s.page, fx, renameEveryClass);
      await expectPageChanged('读不出本页的订单和备注框');
      expect(await notice().textContent()).toContain('话术库仍可搜索、点击复制');
      // The check it offers opens on this page.
      await inPanel(s.page, '[data-kf="notice-check"]').click();
      await expect.poll(() => inPanel(s.page, '[data-kf="page-check"]').count()).toBe(1);
    });

    it(`${name}, unchanged: its orders or remark box are read, and no notice`, async () => {
      await openConsole(s.page, fx);
      await expect.poll(() => inPanel(s.page, '[data-kf="remark-editor"], [data-kf="remark-lint-count"]:not([data-checked="0"])').count()).toBe(1);
      expect(await notice().count()).toBe(0);
    });
  }
});
