// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { probePage } from '../probe';
import { expectFlagNotRead, expectTails, growHistory, loadFixture } from '../testing';
import { SiteElementMissing, type SiteAdapter } from '../types';
import { generateLocators } from './locator';
import { createTaughtAdapter, messageSide, withTaughtFallback } from './adapter';
import { parseTaughtSite, validatePicks, type TaughtSite } from './record';

const ORIGIN = 'http://127.0.0.1:5173';

/** loadFixture, then the page's own inline script (happy-dom does not run scripts written by document.write). */
function openFixture(name: string): Document {
  const doc = loadFixture(name, `${ORIGIN}/fixtures/${name}`);
  for (const s of Array.from(doc.querySelectorAll('script'))) new Function(s.textContent ?? '')();
  return doc;
}

function teachFixture(): TaughtSite {
  const doc = openFixture('unknown-console.html');
  return {
    v: 1,
    origin: ORIGIN,
    name: doc.title,
    url: `${ORIGIN}/fixtures/unknown-console.html`,
    fields: {
      chatInput: generateLocators(doc.querySelector('textarea[placeholder]')!),
      messageList: generateLocators(doc.querySelector('[role="log"]')!),
      buyerName: generateLocators(doc.querySelector('header b')!),
      remarkBox: generateLocators(doc.querySelector('form textarea')!),
    },
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('the taught adapter', () => {
  it('reads the buyer and the messages and finds the input on the page it was taught on', () => {
    const A = createTaughtAdapter(teachFixture());
    expect(A.matches(new URL(`${ORIGIN}/anything`))).toBe(true);
    expect(A.matches(new URL('http://127.0.0.1:9999/'))).toBe(false);
    expect(A.pageKind(document)).toBe('chat');
    expect(A.readBuyer(document)).toBe('晴天小猪2021');
    expect(A.readMessages(document, 2).map((m) => m.text)).toEqual(['在的亲，请问有什么可以帮您', '这件衣服能便宜点吗']);
    expect(A.findChatInput(document).tagName).toBe('TEXTAREA');
  });

  it('reads the latest messages of a long history from its end: at every limit, the tail of the whole conversation', () => {
    const A = createTaughtAdapter(teachFixture());
    const once = A.readMessages(document, 10);
    // (The longest text leaf of a row: the first row's time is as long as its message.)
    expect(once.map((m) => m.text)).toEqual(['10:20', '在的亲，请问有什么可以帮您', '这件衣服能便宜点吗']);
    const list = document.querySelector('[role="log"]')!;
    expect(growHistory('[role="log"] > *', 40)).toBe(3 * 40);
    // Not messages: an empty row, a blank one and what the extension wrote into the list.
    list.insertAdjacentHTML('beforeend', '<div></div><div> \n </div><div data-kf="mark">标记</div>');
    expectTails((n) => A.readMessages(document, n), Array(40).fill(once).flat());
  });

  it('keeps working after the console renamed every class name', async () => {
    const A = createTaughtAdapter(teachFixture());
    openFixture('unknown-console-v2.html');
    expect(A.readBuyer(document)).toBe('晴天小猪2021');
    expect(A.findChatInput(document)).toBe(document.querySelector('textarea[placeholder]'));
    expect(A.readMessages(document, 1)[0]?.text).toBe('这件衣服能便宜点吗');
    const ed = A.findRemarkEditor!(document)!;
    expect(ed.orderId).toBe('3988127364501928374');
    expect(ed.saveButton.textContent).toBe('保存');
    expect(ed.readFlag()).toBe('gray');
  });

  it('follows a conversation switch and a new message, and not the agent typing', async () => {
    const A = createTaughtAdapter(teachFixture());
    const ctrl = new AbortController();
    let calls = 0;
    A.observeConversation(document, ctrl.signal, () => calls++);
    (document.querySelectorAll('aside li')[1] as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(1);
    expect(A.readBuyer(document)).toBe('橙子味的夏天');
    const input = A.findChatInput(document) as HTMLTextAreaElement;
    input.value = '好的';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(1);
    (window as unknown as { __uc: { push(t: string): void } }).__uc.push('还在不在');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
    ctrl.abort();
  });

  it('reads a nickname longer than 64 characters, and no page-long text as a nickname', () => {
    const A = createTaughtAdapter(teachFixture());
    const long = '晴天小猪'.repeat(20);
    document.querySelector('header b')!.textContent = long;
    expect(A.readBuyer(document)).toBe(long);
    document.querySelector('header b')!.textContent = '请在左侧选择一个会话开始接待。'.repeat(20);
    expect(A.readBuyer(document)).toBeNull();
  });

  it('reads a nickname that looks like HTML as text', () => {
    const A = createTaughtAdapter(teachFixture());
    (document.querySelectorAll('aside li')[2] as HTMLElement).click();
    expect(A.readBuyer(document)).toBe('<b>阿狸</b>');
    expect(document.querySelector('header b b')).toBeNull();
  });

  it('throws SiteElementMissing when the input is gone, never anything else', () => {
    const A = createTaughtAdapter(teachFixture());
    document.querySelectorAll('textarea').forEach((t) => t.remove());
    expect(() => A.findChatInput(document)).toThrow(SiteElementMissing);
  });

  it("tells the agent's messages from the buyer's by the words in their markup", () => {
    document.body.innerHTML = '<div id="l"><div class="msg msg-self"><p>好嘞亲</p></div><div class="msg buyer-item"><p>在吗</p></div></div>';
    const list = document.getElementById('l')!;
    expect(messageSide(list.children[0]!, list)).toBe('agent');
    expect(messageSide(list.children[1]!, list)).toBe('buyer');
  });
});

describe('a supported console repaired by teaching', () => {
  const builtIn: SiteAdapter = {
    id: 'x',
    platform: 'demo',
    name: { zh: 'X', en: 'X' },
    verifiedAgainst: 'demo',
    matches: () => true,
    pageKind: () => 'chat',
    readBuyer: () => null,
    readMessages: () => [],
    findChatInput: () => {
      throw new SiteElementMissing('x', 'chat input');
    },
    observeConversation: () => {},
  };

  it('uses the taught input only where the built-in lookup fails', () => {
    const A = withTaughtFallback(builtIn, createTaughtAdapter(teachFixture()));
    expect(A.findChatInput(document).tagName).toBe('TEXTAREA');
    expect(A.readBuyer(document)).toBe('晴天小猪2021');
    expect(A.name).toEqual({ zh: 'X', en: 'X' });
  });

  it('uses the taught remark box where the built-in box cannot be used whole (its save button renamed), not a throw', () => {
    const broken: SiteAdapter = { ...builtIn, findRemarkEditor: () => { throw new SiteElementMissing('x', 'memo submit button'); } };
    const A = withTaughtFallback(broken, createTaughtAdapter(teachFixture()));
    expect(A.findRemarkEditor!(document)?.textarea).toBe(document.querySelector('form textarea'));
    // Another error is no missing element: it goes on.
    const failing: SiteAdapter = { ...builtIn, findRemarkEditor: () => { throw new TypeError('bug'); } };
    expect(() => withTaughtFallback(failing, createTaughtAdapter(teachFixture())).findRemarkEditor!(document)).toThrow(TypeError);
  });
});

describe('taught site records', () => {
  it('accepts picks for an http(s) origin and rejects anything else', () => {
    const site = teachFixture();
    expect(validatePicks(site).ok).toBe(true);
    expect(validatePicks({ ...site, origin: 'chrome://extensions' }).ok).toBe(false);
    expect(validatePicks({ ...site, origin: `${ORIGIN}/path` }).ok).toBe(false);
    expect(validatePicks({ ...site, fields: {} }).ok).toBe(false);
    expect(validatePicks({ ...site, fields: { evil: [{ css: 'x' }] } }).ok).toBe(false);
    expect(parseTaughtSite({ ...site, name: '  a \n b ' })?.name).toBe('a b');
    // A url on another origin is not kept: re-teach opens the origin instead.
    expect(parseTaughtSite({ ...site, url: 'https://evil.example/' })?.url).toBe(ORIGIN);
  });

  it('reads a site an older version saved with the page title and full address without their ids, query and fragment, and reads that the same again', () => {
    const old = parseTaughtSite({ ...teachFixture(), name: '会话 8834729123 - 工作台', url: `${ORIGIN}/chat/tb_8834729_88?buyer=u-1001#m` })!;
    expect([old.name, old.url]).toEqual(['会话 - 工作台', `${ORIGIN}/chat`]);
    expect(parseTaughtSite(old)).toEqual(old);
  });
});

describe('the taught adapter’s page check', () => {
  it('names the taught field whose element is gone', () => {
    const A = createTaughtAdapter(teachFixture());
    expect(probePage(A, document).filter((l) => !l.ok)).toEqual([]);
    document.querySelector('textarea[placeholder]')!.remove();
    expect(probePage(A, document).find((l) => l.what === 'chat-input')).toMatchObject({ ok: false, missing: ['chatInput'] });
  });

  it('checks a taught remark box beside the chat too, where the panel uses it', () => {
    const A = createTaughtAdapter(teachFixture());
    expect(A.pageKind(document)).toBe('chat');
    expect(probePage(A, document).find((l) => l.what === 'remark-editor')).toEqual({ what: 'remark-editor', ok: true, missing: [] });
    document.querySelector('form textarea')!.remove();
    expect(probePage(A, document).find((l) => l.what === 'remark-editor')).toEqual({ what: 'remark-editor', ok: false, missing: ['remarkBox'] });
  });
});

describe('a taught remark box beside the chat', () => {
  it('is found with the order number shown by it, its save button and its flag', () => {
    const A = createTaughtAdapter(teachFixture());
    const editor = A.findRemarkEditor!(document)!;
    expect(editor.orderId).toBe('3988127364501928374');
    expect(editor.textarea).toBe(document.querySelector('form textarea'));
    expect(editor.saveButton.textContent).toBe('保存');
    expect(editor.readFlag()).toBe('gray');
    // (happy-dom does not uncheck the other radio of the group: done by hand.)
    (document.querySelector('input[name="flag"][value="0"]') as HTMLInputElement).checked = false;
    (document.querySelector('input[name="flag"][value="1"]') as HTMLInputElement).checked = true;
    expect(editor.readFlag()).toBe('red');
  });

  it('reads a flag the page does not show as not read, never gray: no radio checked, a value that is no flag index, no radio at all', () => {
    const A = createTaughtAdapter(teachFixture());
    const editor = A.findRemarkEditor!(document)!;
    const radios = Array.from(document.querySelectorAll<HTMLInputElement>('form input[type="radio"]'));
    expectFlagNotRead(editor, radios);
    for (const r of radios) r.remove();
    expect(A.findRemarkEditor!(document)!.readFlag()).toBeNull();
  });

  it('on a page with the box alone (an order page), the page check fails radios none of which reads, not a box without radios', () => {
    const site = teachFixture();
    const A = createTaughtAdapter({ ...site, fields: { remarkBox: site.fields.remarkBox } });
    expect(A.pageKind(document)).toBe('order-detail');
    const line = () => probePage(A, document).find((l) => l.what === 'remark-editor')?.ok;
    expect(line()).toBe(true);
    const radios = Array.from(document.querySelectorAll<HTMLInputElement>('form input[type="radio"]'));
    for (const r of radios) r.checked = false;
    expect(line()).toBe(false);
    for (const r of radios) r.remove();
    expect(line()).toBe(true);
  });
});
