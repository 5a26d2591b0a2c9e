// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadFixture } from '../sites/testing';
import { resolveLocators } from '../sites/taught/locator';
import { PICKER_TAG, listContainer, normalizePick, startPicker, teachPage } from './picker';

function openFixture(): Document {
  const doc = loadFixture('unknown-console.html', 'http://127.0.0.1:5173/fixtures/unknown-console.html');
  for (const s of Array.from(doc.querySelectorAll('script'))) new Function(s.textContent ?? '')();
  return doc;
}
const card = () => document.querySelector(PICKER_TAG)!.shadowRoot!;
const btn = (kf: string) => card().querySelector<HTMLButtonElement>(`[data-kf="${kf}"]`)!;
const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));

afterEach(() => document.querySelector(PICKER_TAG)?.remove());

describe('the element picker', () => {
  it('walks the steps by clicks and returns locators that find the picked elements', async () => {
    const doc = openFixture();
    const p = startPicker(doc);
    expect(card().querySelector('[data-state="current"]')?.getAttribute('data-kf')).toBe('teach-step-chatInput');
    click(doc.querySelector('textarea[placeholder]')!);
    click(doc.querySelectorAll('[role="log"] p')[1]!); // a message: means the whole list
    click(doc.querySelector('header b')!);
    btn('teach-skip').click(); // no remark box on a chat page
    const r = await p.done;
    if (!r.ok) throw new Error('cancelled');
    expect(Object.keys(r.fields).sort()).toEqual(['buyerName', 'chatInput', 'messageList']);
    expect(resolveLocators(doc, r.fields.messageList!)).toBe(doc.querySelector('[role="log"]'));
    expect(resolveLocators(doc, r.fields.chatInput!)).toBe(doc.querySelector('textarea[placeholder]'));
    expect(doc.querySelector(PICKER_TAG)).toBeNull();
  });

  it('keeps the page without the buyer open while teaching: no name, id or query in its title, address or locators', async () => {
    const doc = loadFixture('unknown-console.html', 'http://127.0.0.1:5173/kefu/chat/%E6%A9%99%E5%AD%90%E5%91%B3%E7%9A%84%E5%A4%8F%E5%A4%A9/detail?uid=20211234567#msg');
    for (const s of Array.from(doc.querySelectorAll('script'))) new Function(s.textContent ?? '')();
    const name = doc.querySelector('header b')!;
    name.textContent = '橙子味的夏天';
    name.setAttribute('data-buyer', '橙子味的夏天'); // an attribute that spells the buyer: a locator of it finds only them
    doc.title = '与橙子味的夏天的对话 · 订单 4012938475610 · 自建客服台';
    const p = startPicker(doc);
    click(doc.querySelector('textarea[placeholder]')!);
    click(doc.querySelectorAll('[role="log"] p')[1]!);
    click(name);
    btn('teach-skip').click();
    const r = await p.done;
    if (!r.ok) throw new Error('cancelled');
    expect(r.page).toEqual({ name: '与 的对话 · 订单 · 自建客服台', url: 'http://127.0.0.1:5173/kefu/chat' });
    expect(JSON.stringify(r.fields)).not.toContain('橙子味的夏天');
    expect(resolveLocators(doc, r.fields.buyerName!)).toBe(name);
  });

  it('names a page whose title is nothing but the buyer by its host', () => {
    const doc = loadFixture('unknown-console.html', 'http://127.0.0.1:5173/im?nick=x');
    doc.title = '晴天小猪2021';
    expect(teachPage(doc, '晴天小猪2021')).toEqual({ name: '127.0.0.1:5173', url: 'http://127.0.0.1:5173/im' });
    doc.title = '';
    expect(teachPage(doc, '').name).toBe('127.0.0.1:5173');
  });

  it('swallows the click so the page does not act on it (picking a conversation does not switch it)', async () => {
    const doc = openFixture();
    const p = startPicker(doc, { fields: ['buyerName'] });
    const before = (window as any).__uc.activeBuyer();
    click(doc.querySelectorAll('aside li span')[1]!);
    expect((window as any).__uc.activeBuyer()).toBe(before);
    await p.done;
  });

  it('says so when the click is not an input, and stays on the step', () => {
    const doc = openFixture();
    const p = startPicker(doc);
    click(doc.querySelector('header b')!);
    expect(card().querySelector('[role="alert"]')?.textContent).toContain('输入框');
    expect(card().querySelector('[data-state="current"]')?.getAttribute('data-kf')).toBe('teach-step-chatInput');
    p.cancel();
  });

  it('cancels on Esc, removes everything it added, and leaves the page clickable', async () => {
    const doc = openFixture();
    const p = startPicker(doc);
    doc.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(await p.done).toEqual({ ok: false, reason: 'cancelled' });
    expect(doc.querySelector(PICKER_TAG)).toBeNull();
    click(doc.querySelectorAll('aside li')[1]!);
    expect((window as any).__uc.activeBuyer()).toBe('橙子味的夏天');
  });

  it('a second start (the remark panel’s 教会这个页面 while the side panel’s teach runs) ends the first: one card asks for clicks', async () => {
    const doc = openFixture();
    const first = startPicker(doc);
    const second = startPicker(doc, { fields: ['remarkBox'] });
    expect(await first.done).toEqual({ ok: false, reason: 'cancelled' });
    expect(doc.querySelectorAll(PICKER_TAG)).toHaveLength(1);
    expect(card().querySelector('[data-state="current"]')?.getAttribute('data-kf')).toBe('teach-step-remarkBox');
    second.cancel();
    expect(await second.done).toEqual({ ok: false, reason: 'cancelled' });
  });

  it('ignores Esc while an input method is composing', () => {
    const doc = openFixture();
    const p = startPicker(doc);
    doc.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, isComposing: true }));
    expect(doc.querySelector(PICKER_TAG)).not.toBeNull();
    p.cancel();
  });

  it('turns a click inside a rich editor or a message into the editor or the list', () => {
    document.body.innerHTML = '<div contenteditable="true" id="ed"><p><b>x</b></p></div><div id="l"><div><span>a</span></div><div><span>b</span></div><div><span>c</span></div></div>';
    expect(normalizePick('chatInput', document.querySelector('#ed b')!)?.id).toBe('ed');
    expect(listContainer(document.querySelector('#l span')!).id).toBe('l');
    expect(normalizePick('chatInput', document.querySelector('#l span')!)).toBeNull();
  });
});
