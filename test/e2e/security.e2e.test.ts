/**
 * The seller page as an attacker (issue #11): a script in the page's own world tries to read and
 * write buyer notes through the panel. Everything here runs against the build users get.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buyerNotesSuite } from './suite';
import { callFromExtensionPage, cardCaughtUp, cardFrame, cardReady, chatInput, demo, inPanel, openDemoChat, panelFocus } from './pages';
import { evaluateInContentWorld } from './panel-world';

const s = buyerNotesSuite();
const SECRET = '只发顺丰-暗号4711';
const OTHER_SECRET = '别家买家的地址备注-暗号0815';

// After the suite's set-up (a fresh tab, no buyers): two buyers with something worth stealing.
beforeEach(async () => {
  await callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'demo', nickname: '米粒妈妈', patch: { note: SECRET, preferences: SECRET } });
  await callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'demo', nickname: '小鹿乱撞0521', patch: { addressNote: OTHER_SECRET } });
});

describe('a script in the seller page', () => {
  it('finds the panel host but no shadow root to read it through', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    const seen = await s.page.evaluate(() => {
      const host = document.querySelector('kf-panel') as HTMLElement & { shadowRoot: ShadowRoot | null };
      return { host: !!host, shadowRoot: host?.shadowRoot ?? null, light: host?.innerHTML ?? '', text: document.body.innerText };
    });
    // The card frame is sized to the card: its note input is inside the frame's box.
    await expect
      .poll(async () => {
        const frame = await inPanel(s.page, '[data-kf="card-frame"]').boundingBox();
        const input = await inPanel(s.page, '[data-kf="customer-note-input"]').boundingBox();
        return !!frame && !!input && input.y + input.height <= frame.y + frame.height;
      })
      .toBe(true);
    expect(seen.host).toBe(true);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.light).toBe('');
    expect(seen.text).not.toContain(SECRET);
  });

  it('cannot find a buyer note anywhere in its own world: text, search, selection, frames', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    // The card shows the note — inside its frame, which is the extension's page.
    expect(await inPanel(s.page, '[data-kf="customer-note"]').textContent()).toBe(SECRET);
    const found = await s.page.evaluate((secret) => {
      const out: string[] = [];
      if (document.documentElement.outerHTML.includes(secret)) out.push('html');
      if (document.body.innerText.includes(secret)) out.push('innerText');
      if ((window as any).find(secret, false, false, true)) out.push('window.find');
      getSelection()!.selectAllChildren(document.body);
      if (getSelection()!.toString().includes(secret)) out.push('selection');
      getSelection()!.removeAllRanges();
      for (let i = 0; i < window.length; i++) {
        try {
          if (window[i]!.document.documentElement.outerHTML.includes(secret)) out.push(`frame ${i}`);
        } catch {
          // cross-origin: unreadable, as it should be
        }
      }
      for (const f of document.querySelectorAll('iframe')) if (f.src.includes('card')) out.push('card frame in light DOM');
      return out;
    }, SECRET);
    expect(found).toEqual([]);
  });

  it('can make the card show another buyer of its console by faking the name, but cannot read that buyer either', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    // The adapter reads the open conversation's name and buyer id from the list (and the header):
    // fake the name and drop the id, so the card looks the other buyer up by name.
    await s.page.evaluate(() => {
      for (const el of document.querySelectorAll('ul.conv-list > li.conv-item.active .conv-nick, .chat-header .chat-buyer-nick')) el.textContent = '小鹿乱撞0521';
      for (const el of document.querySelectorAll('[data-buyer-id]')) if (el.matches('li.conv-item.active, .chat-header')) el.removeAttribute('data-buyer-id');
    });
    await cardReady(s.page, '小鹿乱撞0521');
    expect(await inPanel(s.page, '[data-kf="customer-address"]').textContent()).toBe(OTHER_SECRET);
    const leaked = await s.page.evaluate((secret) => {
      const hits: string[] = [];
      if ((window as any).find(secret, false, false, true)) hits.push('find');
      if (document.documentElement.outerHTML.includes(secret)) hits.push('html');
      for (let i = 0; i < window.length; i++) {
        try {
          if (window[i]!.document.body.innerText.includes(secret)) hits.push(`frame ${i}`);
        } catch {
          /* cross-origin */
        }
      }
      return hits;
    }, OTHER_SECRET);
    expect(leaked).toEqual([]);
  });

  it('cannot retarget or drive the card frame with postMessage', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    // Every buyer the card names from now on (a forged state would show briefly, then be overwritten).
    await cardFrame(s.page)!.evaluate(() => {
      const w = window as unknown as { __kfNamed: string[] };
      w.__kfNamed = [];
      const look = () => {
        const who = document.querySelector('[data-kf="customer-card"]')?.getAttribute('data-buyer') ?? '';
        if (who && w.__kfNamed.at(-1) !== who) w.__kfNamed.push(who);
      };
      new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
      look();
    });
    // The card frame sits in the panel's closed shadow tree: it is not even in window.frames.
    expect(await s.page.evaluate(() => window.length)).toBe(0);
    const posted = await s.page.evaluate(() => {
      let n = 0;
      const state = { platform: 'demo', buyer: '小鹿乱撞0521', buyerId: null, selection: '', focusNote: 99, locale: 'zh-CN' };
      for (let i = 0; i < window.length; i++) {
        window[i]!.postMessage({ kfCard: 'state', state }, '*');
        n++;
      }
      // Also the panel's own window (where the content script listens).
      window.postMessage({ kfCard: 'state', state }, '*');
      // A port of its own, offered as the card's channel (the frame takes only the port carrying
      // the token it sent the content script through the extension's messaging).
      const { port1, port2 } = new MessageChannel();
      (window as any).__heard = [];
      port1.onmessage = (e) => (window as any).__heard.push(e.data);
      window.postMessage({ kfCardPort: 'guessed-token' }, '*', [port2]);
      // A message of its own after the forged ones: when it arrives, every listener has had them.
      return new Promise<number>((resolve) => {
        addEventListener('message', (e) => e.data === 'kf-test-after' && resolve(n));
        window.postMessage('kf-test-after', '*');
      });
    });
    // Whatever a listener did with them reached the card before the agent's next selection did.
    await cardCaughtUp(s.page);
    expect(posted).toBe(0);
    expect(await s.page.evaluate(() => (window as any).__heard)).toEqual([]);
    expect(await cardFrame(s.page)!.evaluate(() => (window as unknown as { __kfNamed: string[] }).__kfNamed)).toEqual(['米粒妈妈']);
    expect(await inPanel(s.page, '[data-kf="customer-card"]').getAttribute('data-buyer')).toBe('米粒妈妈');
  });

  it('cannot write a note: no reachable input, made-up Alt+N does nothing, stolen focus carries no typing into the card', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    const notes = inPanel(s.page, '[data-kf="customer-history"] li[data-kind="note"]');
    const before = await notes.count();
    // The agent has used the note input before (the frame would remember its focused field).
    await inPanel(s.page, '[data-kf="customer-note-input"]').click();
    await chatInput(s.page).click();
    await s.page.evaluate(() => {
      // A made-up Alt+N, then typing and Enter through the page's own events.
      document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyN', key: 'n', altKey: true, bubbles: true, composed: true }));
      document.execCommand('insertText', false, '页面偷写的备注');
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, composed: true }));
      // Focus every frame it can reach (a cross-origin window may still be focused).
      for (let i = 0; i < window.length; i++) window[i]!.focus();
    });
    // The agent keeps typing a chat reply and presses Enter: it goes out as a chat message.
    await s.page.keyboard.type('好嘞亲');
    await s.page.keyboard.press('Enter');
    // (The page's own insertText went into its own chat box, before the agent's typing.)
    await expect.poll(() => s.page.evaluate(() => (window as any).__demo.sent.at(-1)?.text as string | undefined)).toMatch(/好嘞亲$/);
    expect(await inPanel(s.page, '[data-kf="customer-note-input"]').inputValue()).toBe('');
    // Then a note of the agent's own, saved the same way a stolen one would be, after it: once it is
    // in the history, anything the page's events saved would be there too.
    await s.page.keyboard.press('Alt+KeyN');
    await expect.poll(() => panelFocus(s.page)).toBe('customer-note-input');
    await s.page.keyboard.type('客服自己记的备注');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => notes.first().textContent()).toContain('客服自己记的备注');
    expect(await notes.count()).toBe(before + 1);
    expect((await notes.allTextContents()).join('\n')).not.toMatch(/页面偷写|好嘞亲/);
  });

  it('cannot fire the panel’s shortcuts: a made-up Alt+1 inserts nothing', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await demo.push(s.page, '能便宜点吗');
    await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
    await chatInput(s.page).click();
    await s.page.evaluate(() => {
      const input = document.querySelector('.chat-editor .chat-input')!;
      input.dispatchEvent(new KeyboardEvent('keydown', { code: 'Digit1', key: '1', altKey: true, bubbles: true, composed: true }));
    });
    // Then the agent's own Alt+1, through the same handler: once its reply is in the box, a reply the
    // made-up one inserted would be there too.
    await s.page.keyboard.press('Alt+Digit1');
    await expect.poll(() => demo.draft(s.page)).not.toBe('');
    const draft = await demo.draft(s.page);
    // One input into the box, carrying the whole reply: the agent's.
    expect((await demo.inputLog(s.page)).filter((e) => e.type === 'input').map((e) => (e as { data?: string }).data)).toEqual([draft]);
  });

  it('cannot take the panel off by announcing a newer copy of the content script, and is not told the extension’s id', async () => {
    const posted: string[] = [];
    await s.page.exposeFunction('__kfPosted', (m: string) => posted.push(m));
    await s.page.addInitScript(() => addEventListener('message', (e) => (window as any).__kfPosted(JSON.stringify(e.data ?? null))));
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    // A store extension's id is public: the page fires what WXT's content-script context takes for
    // a newer copy of itself starting (after an extension reload: extension-reload.e2e.test.ts).
    await s.page.evaluate((id) => {
      document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'page' } }));
    }, s.h.extensionId);
    // The panel is still there and still works: it suggests for a new message and inserts one.
    await demo.push(s.page, '能便宜点吗');
    await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
    await chatInput(s.page).click();
    await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"] .kf-tpl-main').first().click();
    await expect.poll(() => demo.draft(s.page)).not.toBe('');
    expect(await s.page.evaluate(() => document.querySelectorAll('kf-panel').length)).toBe(1);
    expect(posted.filter((m) => m.includes(s.h.extensionId))).toEqual([]);
  });

  it('has no messaging API to reach the extension with', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    const r = await s.page.evaluate(async (id) => {
      const rt = (globalThis as any).chrome?.runtime;
      if (!rt?.sendMessage) return 'no runtime.sendMessage';
      try {
        return JSON.stringify(await rt.sendMessage(id, { kf: 'getCustomer', payload: { platform: 'demo', nickname: '米粒妈妈' } }));
      } catch (e) {
        return `refused: ${(e as Error).message}`;
      }
    }, s.h.extensionId);
    expect(r).not.toContain(SECRET);
    expect(r).toMatch(/no runtime|refused/);
  });
});

describe('payloads the content script might be made to send', () => {
  it('prototype keys in every page verb leave the service worker’s prototypes untouched; another console is refused', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    const replies = await evaluateInContentWorld<unknown[]>(
      s.page,
      `(async () => {
        const send = (kf, payload) => chrome.runtime.sendMessage({ kf, payload });
        const evil = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}');
        const verbs = ['getCustomer','patchCustomer','addCustomerEvent','addFollowup','takePendingSuggestion','reportOrders','recordRemark','recordUsage','patchSettings','getTaughtSite','saveTaughtSite','loadFeature'];
        const out = [];
        for (const v of verbs) out.push(await send(v, { ...evil, platform: 'demo', nickname: '米粒妈妈' }));
        out.push(await send('recordUsage', { templateId: '__proto__', scenario: null }));
        out.push(await send('patchCustomer', { platform: 'demo', nickname: '米粒妈妈', patch: evil }));
        out.push(await send('addFollowup', { kind: 'inquiry', buyer: '米粒妈妈', platform: 'taobao' }));
        out.push(await send('getCustomer', { platform: 'taobao', nickname: '米粒妈妈' }));
        return out;
      })()`,
    ).then((r) => r!.value);
    for (const r of replies) expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((replies.at(-2) as { error: { message: string } }).error.message).toContain('addFollowup.platform');
    const sw = await s.h.serviceWorker();
    const proto = await sw.evaluate(() => ({ keys: Object.getOwnPropertyNames(Object.prototype).filter((k) => k === 'polluted' || k === 'lastUsed' || k === 'count'), polluted: ({} as any).polluted, lastUsed: ({} as any).lastUsed }));
    expect(proto).toEqual({ keys: [], polluted: undefined, lastUsed: undefined });
    const followups = await callFromExtensionPage<{ groups: { items: { platform?: string }[] }[] }>(s.ext, 'listFollowups', undefined);
    expect(followups.groups.flatMap((g) => g.items).filter((i) => i.platform === 'taobao')).toEqual([]);
  });
});
