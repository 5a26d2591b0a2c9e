/**
 * The panel's keys on the real consoles' fixtures, with real key presses only, as an agent types:
 * - the search (Alt+K) belongs to the buyer it was typed for: opening another buyer clears it, so
 *   Alt+1 is that buyer's top suggestion, never the previous buyer's search hit;
 * - Alt+K takes the very next key, however fast it follows, also when the panel was collapsed;
 * - collapsing or opening the panel clears the search; with the panel collapsed Alt+1…9 insert
 *   nothing unseen: the key opens the panel on that buyer's suggestions, the next press inserts;
 * - in the search box Enter inserts the marked hit (↓/↑ move the mark), Escape clears the search
 *   and goes back to the chat box at its caret;
 * - Enter after a known `/code` expands it and never reaches the page (where Enter sends, the bare
 *   code went to the buyer); Enter after anything else is the page's own.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, evaluateInPanel, inPanel } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, buyerName, openConsole, type ConsoleFixture } from './consoles';

const s = extensionSuite({ pageErrors: true });

/** The starter reply behind /th (no variables, no fill-ins: inserted as written). */
const RETURN_7DAY = '支持七天无理由退货的（定制等特殊商品，以及宝贝页面注明不支持七天无理由的除外）。请保持商品完好、包装和配件齐全（有吊牌的请保留吊牌）、没有使用过，在订单里点「申请售后」选择退货退款，审核通过后系统会给您退货地址。';

const searchBox = (p: Page) => inPanel(p, '[data-kf="search"]');
const hitTitles = (p: Page) => inPanel(p, '[data-kf="results"] .kf-tpl-title').allTextContents();
/** The shown body of each search hit (the starter replies these tests find have no variables). */
const hitBodies = (p: Page) => inPanel(p, '[data-kf="results"] .kf-tpl-body').allTextContents();
/** The data-kf of the element focused inside the panel, or null when the focus is not in the panel. */
const focusInPanel = (p: Page) => evaluateInPanel(p, (roots) => roots[0]?.activeElement?.getAttribute('data-kf') ?? null);
const pageFocused = (p: Page, selector: string) => p.evaluate((s) => !!document.activeElement?.matches(s), selector);
/** The panel's suggestion engine and library are in (a `/code` or a search is understood at once). */
const engineReady = (p: Page) => inPanel(p, '[data-kf="suggestions"][data-engine="ready"]').waitFor();

/** Opens the console, waits for the panel's engine, and puts the caret in the chat box (`input`). */
async function openAtChatBox(p: Page, fx: ConsoleFixture, input: string, transform?: (html: string) => string): Promise<void> {
  await openConsole(p, fx, transform);
  await engineReady(p);
  await p.click(input);
}

/** The suggestions for the open buyer's messages, once the background's signals are in. */
async function settledSuggestions(p: Page): Promise<{ titles: string[]; bodies: string[] }> {
  await expect.poll(() => inPanel(p, '[data-kf="suggestions"]').getAttribute('data-signals')).toBe('ready');
  await expect.poll(async () => (await inPanel(p, '[data-kf="suggestions"] .kf-tpl-title').count()) > 0).toBe(true);
  return {
    titles: await inPanel(p, '[data-kf="suggestions"] .kf-tpl-title').allTextContents(),
    bodies: await inPanel(p, '[data-kf="suggestions"] .kf-tpl-body').allTextContents(),
  };
}

describe('the search belongs to the buyer it was typed for (JD 咚咚)', () => {
  const EDITOR = '.EditorContent';
  const draft = (p: Page) => p.evaluate(() => (window as any).__jd.draft() as string);

  it('opening another buyer clears the search: Alt+1 inserts that buyer’s top suggestion, not the previous buyer’s hit', async () => {
    await openConsole(s.page, CONSOLES.jd);
    // 京东用户 jd_77b0e1d2 asks 支持七天无理由吗: the agent searches 七天 and inserts the hit with Alt+1.
    await s.page.click('#u_jd_77b0e1d2imcustomer100234');
    await expect.poll(() => buyerName(s.page)).not.toBe('京东用户_小满');
    await engineReady(s.page);
    await s.page.click(EDITOR);
    await s.page.keyboard.press('Alt+k');
    await s.page.keyboard.type('七天', { delay: 30 });
    await expect.poll(async () => (await hitTitles(s.page))[0]).toBe('七天无理由退货');
    await s.page.keyboard.press('Alt+1');
    await expect.poll(() => draft(s.page)).toBe(RETURN_7DAY);

    // 京东用户_小满 asks 公司抬头需要提供什么: her panel shows her own suggestions, with their keys.
    await s.page.click('#u_jd_4f2a9c81imcustomer100234');
    await expect.poll(() => buyerName(s.page)).toBe('京东用户_小满');
    await expect.poll(() => searchBox(s.page).inputValue()).toBe('');
    expect(await inPanel(s.page, '[data-kf="results"]').count()).toBe(0);
    const { titles, bodies } = await settledSuggestions(s.page);
    expect(titles[0]).toBe('增值税专票');
    expect(await inPanel(s.page, '[data-kf="suggestions"] .kf-kbd').first().textContent()).toBe('Alt+1');
    await s.page.click(EDITOR);
    await s.page.keyboard.press('Alt+1');
    await expect.poll(() => draft(s.page)).toBe(bodies[0]);
    expect(await draft(s.page)).not.toContain('七天');
    expect(await s.page.evaluate(() => (window as any).__jd.sent.length as number)).toBe(0);
    expect(s.pageErrors).toEqual([]);
  });

  it('Escape clears the search and goes back to the chat box at its caret; Alt+1 is the top suggestion again', async () => {
    await openConsole(s.page, CONSOLES.jd);
    const { bodies } = await settledSuggestions(s.page);
    await s.page.click(EDITOR);
    await s.page.keyboard.type('好的');
    await s.page.keyboard.press('ArrowLeft');
    await s.page.keyboard.press('Alt+k');
    await s.page.keyboard.type('七天');
    await expect.poll(async () => (await hitTitles(s.page)).length).toBeGreaterThan(0);
    // While searching, Alt+1…9 name the hits, not the suggestions.
    expect(await inPanel(s.page, '[data-kf="suggestions"] .kf-kbd').count()).toBe(0);
    await s.page.keyboard.press('Escape');
    expect(await searchBox(s.page).inputValue()).toBe('');
    expect(await focusInPanel(s.page)).toBeNull();
    expect(await pageFocused(s.page, EDITOR)).toBe(true);
    await s.page.keyboard.type('~');
    await expect.poll(() => draft(s.page)).toBe('好~的');
    await s.page.keyboard.press('Alt+1');
    await expect.poll(() => draft(s.page)).toBe(`好~${bodies[0]}的`);
    expect(await s.page.evaluate(() => (window as any).__jd.sent.length as number)).toBe(0);
  });
});

describe('a collapsed panel inserts nothing the agent has not seen (JD 咚咚)', () => {
  const EDITOR = '.EditorContent';
  const draft = (p: Page) => p.evaluate(() => (window as any).__jd.draft() as string);
  const sentCount = (p: Page) => p.evaluate(() => (window as any).__jd.sent.length as number);
  const collapse = async (p: Page) => {
    await inPanel(p, '[data-kf="collapse"]').click();
    await inPanel(p, '[data-kf="expand"]').waitFor();
  };
  // The agent's 收起 is remembered: put back for the next tests.
  const uncollapse = () => callFromExtensionPage(s.ext, 'patchSettings', { panel: { collapsed: false } });

  it('collapsing after a search, then opening the panel: the search is gone and Alt+1 is the top suggestion shown', async () => {
    await openConsole(s.page, CONSOLES.jd);
    const { titles, bodies } = await settledSuggestions(s.page);
    expect(titles[0]).toBe('增值税专票');
    await s.page.click(EDITOR);
    await s.page.keyboard.press('Alt+k');
    await s.page.keyboard.type('七天', { delay: 30 });
    await expect.poll(async () => (await hitTitles(s.page))[0]).toBe('七天无理由退货');
    try {
      await collapse(s.page);
      await inPanel(s.page, '[data-kf="expand"]').click();
      await inPanel(s.page, '[data-kf="panel"]').waitFor();
      expect(await searchBox(s.page).inputValue()).toBe('');
      expect(await inPanel(s.page, '[data-kf="results"]').count()).toBe(0);
      expect(await inPanel(s.page, '[data-kf="suggestions"] .kf-kbd').first().textContent()).toBe('Alt+1');
      await s.page.click(EDITOR);
      await s.page.keyboard.press('Alt+1');
      await expect.poll(() => draft(s.page)).toBe(bodies[0]);
      expect(await draft(s.page)).not.toContain('七天');
    } finally {
      await uncollapse();
    }
  });

  it('Alt+1 with the panel collapsed after a search opens it on the buyer’s suggestions and inserts nothing; the next Alt+1 inserts the first', async () => {
    await openConsole(s.page, CONSOLES.jd);
    const { bodies } = await settledSuggestions(s.page);
    await s.page.click(EDITOR);
    await s.page.keyboard.press('Alt+k');
    await s.page.keyboard.type('七天', { delay: 30 });
    await expect.poll(async () => (await hitTitles(s.page))[0]).toBe('七天无理由退货');
    await s.page.click(EDITOR);
    try {
      await collapse(s.page);
      await s.page.keyboard.press('Alt+1');
      // The panel is open on what Alt+1 names: the suggestions, not the search typed before.
      await inPanel(s.page, '[data-kf="panel"]').waitFor();
      expect(await searchBox(s.page).inputValue()).toBe('');
      expect(await inPanel(s.page, '[data-kf="suggestions"] .kf-tpl-body').first().textContent()).toBe(bodies[0]);
      expect(await draft(s.page)).toBe('');
      await s.page.keyboard.press('Alt+1');
      await expect.poll(() => draft(s.page)).toBe(bodies[0]);
      expect(await sentCount(s.page)).toBe(0);
      // A settings change made elsewhere (here: the interface language) leaves the opened panel open.
      await callFromExtensionPage(s.ext, 'patchSettings', { shop: { locale: 'en' } });
      await expect.poll(() => inPanel(s.page, '[data-kf="suggestions"] h3').textContent()).toMatch(/^[A-Za-z]/);
      expect(await inPanel(s.page, '[data-kf="panel"]').count()).toBe(1);
      expect(s.pageErrors).toEqual([]);
    } finally {
      await callFromExtensionPage(s.ext, 'patchSettings', { shop: { locale: 'zh-CN' } });
      await uncollapse();
    }
  });

  it('collapsed while another buyer is opened: Alt+1 shows that buyer’s suggestions first, then inserts the one it named', async () => {
    await openConsole(s.page, CONSOLES.jd);
    await engineReady(s.page);
    await collapse(s.page);
    try {
      await s.page.click('#u_jd_77b0e1d2imcustomer100234');
      await s.page.click(EDITOR);
      await s.page.keyboard.press('Alt+1');
      await inPanel(s.page, '[data-kf="panel"]').waitFor();
      expect(await draft(s.page)).toBe('');
      await expect.poll(() => buyerName(s.page)).not.toBe('京东用户_小满');
      const { bodies } = await settledSuggestions(s.page);
      await s.page.keyboard.press('Alt+1');
      await expect.poll(() => draft(s.page)).toBe(bodies[0]);
      expect(await sentCount(s.page)).toBe(0);
    } finally {
      await uncollapse();
    }
  });
});

/**
 * Alt+K and then `letters`, sent as a fast typist's keyboard (or a macro) sends them: in one burst,
 * no key waiting until the page has handled the one before. (Playwright's keyboard waits for each
 * key's round trip, long enough for a focus moved a frame later, which hid the report's case.)
 */
async function altKThenType(p: Page, letters: string): Promise<void> {
  const cdp = await p.context().newCDPSession(p);
  const key = (type: 'rawKeyDown' | 'keyDown' | 'keyUp', key: string, code: string, vk: number, modifiers = 0, text?: string) =>
    cdp.send('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: vk, modifiers, ...(text ? { text, unmodifiedText: text } : {}) });
  const burst = [key('rawKeyDown', 'Alt', 'AltLeft', 18, 1), key('rawKeyDown', 'k', 'KeyK', 75, 1), key('keyUp', 'k', 'KeyK', 75, 1), key('keyUp', 'Alt', 'AltLeft', 18)];
  for (const ch of letters) {
    const code = `Key${ch.toUpperCase()}`;
    burst.push(key('keyDown', ch, code, ch.toUpperCase().charCodeAt(0), 0, ch), key('keyUp', ch, code, ch.toUpperCase().charCodeAt(0)));
  }
  await Promise.all(burst);
  await cdp.detach();
}

describe('Alt+K takes the very next key', () => {
  const EDITOR = '.EditorContent';
  const editorText = (p: Page) => p.evaluate((s) => document.querySelector(s)!.textContent, EDITOR);

  it('typed with no pause after Alt+K, the letters go into the search box, none into the chat box', async () => {
    await openConsole(s.page, CONSOLES.jd);
    await engineReady(s.page);
    for (const [i, word] of ['yunfei', 'qitian', 'fapiao'].entries()) {
      // The second time right after opening another buyer, as in the report.
      if (i === 1) await s.page.click('#u_jd_77b0e1d2imcustomer100234');
      await s.page.click(EDITOR);
      await altKThenType(s.page, word);
      expect(await searchBox(s.page).inputValue()).toBe(word);
      expect(await focusInPanel(s.page)).toBe('search');
      expect(await editorText(s.page)).toBe('');
      await s.page.keyboard.press('Escape');
    }
  });

  it('also when the panel was collapsed: it opens with the search box taking the keys', async () => {
    await openConsole(s.page, CONSOLES.jd);
    await inPanel(s.page, '[data-kf="collapse"]').click();
    await inPanel(s.page, '[data-kf="expand"]').waitFor();
    await s.page.click(EDITOR);
    try {
      await altKThenType(s.page, 'qitian');
      expect(await searchBox(s.page).inputValue()).toBe('qitian');
      expect(await editorText(s.page)).toBe('');
    } finally {
      // The agent's 收起 is kept in the settings (Alt+K opens the panel for the search only).
      await callFromExtensionPage(s.ext, 'patchSettings', { panel: { collapsed: false } });
    }
  });
});

describe('the search box from the keyboard (Douyin 飞鸽 v2, where Enter in the chat box sends)', () => {
  const CHAT = '[data-qa-id="qa-send-message-textarea"]';
  const draft = (p: Page) => p.evaluate(() => (window as any).__douyin.draft() as string);
  const sent = (p: Page) => p.evaluate(() => (window as any).__douyin.sent as string[]);
  const marked = (p: Page) => inPanel(p, '[data-kf="results"] .kf-marked .kf-tpl-title').allTextContents();

  it('Enter inserts the first hit at the chat box caret, ↓ marks the next and Enter inserts it; nothing is sent', async () => {
    await openAtChatBox(s.page, CONSOLES.douyinV2, CHAT);
    await s.page.keyboard.type('亲，');
    await s.page.keyboard.press('Alt+k');
    await s.page.keyboard.type('七天');
    await expect.poll(async () => (await hitTitles(s.page)).length).toBeGreaterThan(1);
    const bodies = await hitBodies(s.page);
    expect(bodies.slice(0, 2).join('')).not.toMatch(/[{｛]/);
    expect(await marked(s.page)).toEqual([(await hitTitles(s.page))[0]]);
    await s.page.keyboard.press('Enter');
    await expect.poll(() => draft(s.page)).toBe(`亲，${bodies[0]}`);
    // Back in the chat box, its caret after the reply.
    expect(await pageFocused(s.page, CHAT)).toBe(true);

    await s.page.keyboard.press('Alt+k');
    await s.page.keyboard.press('ArrowDown');
    expect(await marked(s.page)).toEqual([(await hitTitles(s.page))[1]]);
    await s.page.keyboard.press('ArrowUp');
    await s.page.keyboard.press('ArrowUp');
    expect(await marked(s.page)).toEqual([(await hitTitles(s.page)).at(-1)]);
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => draft(s.page)).toBe(`亲，${bodies[0]}${bodies[1]}`);
    expect(await sent(s.page)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });

  it('Enter with no hit inserts nothing and sends nothing', async () => {
    await openAtChatBox(s.page, CONSOLES.douyinV2, CHAT);
    await s.page.keyboard.press('Alt+k');
    await s.page.keyboard.type('zzzzqqqq');
    await inPanel(s.page, '[data-kf="library"] .kf-muted').waitFor(); // 没有找到匹配的话术
    await s.page.keyboard.press('Enter');
    expect(await focusInPanel(s.page)).toBe('search');
    expect(await draft(s.page)).toBe('');
    expect(await sent(s.page)).toEqual([]);
  });
});

/**
 * A script added to a fixture: its chat box sends on Enter (no line break), on the key's press or on
 * its release.
 */
const sendsOnEnter = (editor: string, button: string, on: 'keydown' | 'keyup') => (html: string) =>
  html.replace(
    '</body>',
    `<script>
for (const type of ['keydown', 'keyup']) {
  document.querySelector(${JSON.stringify(editor)}).addEventListener(type, (e) => {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    if (type === ${JSON.stringify(on)}) document.querySelector(${JSON.stringify(button)}).click();
  });
}
</script></body>`,
  );

interface EnterCase {
  name: string;
  fx: ConsoleFixture;
  transform?: (html: string) => string;
  input: string;
  /** window.<hooks>: draft(), sent. */
  hooks: string;
  /** Whether Enter sends on this console (else it is a line break). */
  enterSends: boolean;
}

const JD_SEND = '.SendButtonGroup > .send-button';
const ENTER_CASES: EnterCase[] = [
  { name: 'Douyin 飞鸽 v2 (controlled textarea, Enter sends)', fx: CONSOLES.douyinV2, input: '[data-qa-id="qa-send-message-textarea"]', hooks: '__douyin', enterSends: true },
  { name: 'Pinduoduo (controlled textarea, Enter sends)', fx: CONSOLES.pdd, input: '#replyTextarea', hooks: '__pdd', enterSends: true },
  { name: 'JD 咚咚 (contenteditable, Enter sends)', fx: CONSOLES.jd, transform: sendsOnEnter('.EditorContent', JD_SEND, 'keydown'), input: '.EditorContent', hooks: '__jd', enterSends: true },
  { name: 'JD 咚咚 (contenteditable, sends on Enter’s release)', fx: CONSOLES.jd, transform: sendsOnEnter('.EditorContent', JD_SEND, 'keyup'), input: '.EditorContent', hooks: '__jd', enterSends: true },
  { name: 'Kuaishou (Quill, Enter is a line break)', fx: CONSOLES.kuaishou, input: '.SendBox .ql-editor', hooks: '__ks', enterSends: false },
];

describe('Enter after a /code in the chat box', () => {
  const draft = (p: Page, hooks: string) => p.evaluate((k) => (window as any)[k].draft() as string, hooks);
  /** The texts sent (Pinduoduo records { uid, text }). */
  const sent = (p: Page, hooks: string) =>
    p.evaluate((k) => ((window as any)[k].sent as (string | { text: string })[]).map((x) => (typeof x === 'string' ? x : x.text)), hooks);

  for (const c of ENTER_CASES) {
    it(`${c.name}: /th + Enter expands the reply in place and sends nothing; the next Enter is the page’s own`, async () => {
      await openAtChatBox(s.page, c.fx, c.input, c.transform);
      await s.page.keyboard.type('/th');
      await s.page.keyboard.press('Enter');
      await expect.poll(() => draft(s.page, c.hooks)).toBe(RETURN_7DAY);
      expect(await sent(s.page, c.hooks)).toEqual([]);
      expect(await pageFocused(s.page, c.input)).toBe(true);
      // Nothing of ours on the next Enter: it sends (or breaks the line) as the page does.
      await s.page.keyboard.press('Enter');
      if (c.enterSends) await expect.poll(() => sent(s.page, c.hooks)).toEqual([RETURN_7DAY]);
      else await expect.poll(() => draft(s.page, c.hooks)).toBe(`${RETURN_7DAY}\n`);
      expect(s.pageErrors).toEqual([]);
    });
  }

  it('Enter after text that is no known code is the page’s own: it sends as typed', async () => {
    const c = ENTER_CASES[0]!;
    await openAtChatBox(s.page, c.fx, c.input);
    await s.page.keyboard.type('/zzq');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => sent(s.page, c.hooks)).toEqual(['/zzq']);
    // A link ending in a code's letters is text too.
    await s.page.keyboard.type('shop.example.com/th');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => sent(s.page, c.hooks)).toEqual(['/zzq', 'shop.example.com/th']);
  });

  it('/tj (a reply with fill-ins) + Enter: the code goes, the fill-in form takes the keys, nothing is sent', async () => {
    const c = ENTER_CASES[0]!;
    await openAtChatBox(s.page, c.fx, c.input);
    await s.page.keyboard.type('/tj');
    await s.page.keyboard.press('Enter');
    await inPanel(s.page, '[data-kf="fill"]').waitFor();
    await expect.poll(() => focusInPanel(s.page)).toBe('fill-input');
    expect(await draft(s.page, c.hooks)).toBe('');
    await s.page.keyboard.type('165cm 55kg');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.type('M');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => draft(s.page, c.hooks)).toContain('（165cm 55kg），建议拍M码');
    expect(await sent(s.page, c.hooks)).toEqual([]);
  });
});
