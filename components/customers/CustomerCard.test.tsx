// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Store } from '@/lib/panel/store';
import { CustomerCardController, type CardApi } from '@/lib/panel/customers';
import type { NoteDrafts } from '@/lib/panel/note-drafts';
import { tabNoteDrafts, type CardNoteDrafts, type TabArea } from '@/lib/panel/tab-note-drafts';
import { CustomerCard, CustomerCardContext, SLOW_SAVE_MS } from './CustomerCard';
import { appendEvent, applyPatch, makeEvent, newCustomer, type Customer } from '@/lib/domain/customers';
import { CallError } from '@/lib/messaging/client';
import type { PageKind } from '@/lib/sites/types';
import { click, mount, type } from '../remarks/testing';
import { setLocale } from '@/lib/i18n';
import { buyerTag } from '@/lib/domain/customers/buyer-tag';

vi.mock('@/lib/browser', () => ({ browser: {} }));

const T = Date.UTC(2026, 2, 1);
let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function customer(nick: string, f: (c: Customer) => Customer = (c) => c): Customer {
  return f(newCustomer('demo', nick, T));
}

/** browser.storage.session's drafts as note-drafts.ts keeps them. */
function sessionArea(kept: Map<string, string>): NoteDrafts {
  return { get: async (key) => kept.get(key) ?? '', set: (key, text) => void (text ? kept.set(key, text) : kept.delete(key)) };
}

/** One tab's sessionStorage. */
function tabArea(): TabArea {
  const m = new Map<string, string>();
  return { getItem: async (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

const flush = () => act(async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
});

/** Puts `text` in the page and selects it, as the agent does in the chat; the card reads the selection. */
function selectText(card: { readSelection(): void }, text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.appendChild(p);
  act(() => {
    const range = document.createRange();
    range.selectNodeContents(p);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    card.readSelection(); // what the selectionchange listener does
  });
  return p;
}

function setup(records: Record<string, Customer | null>, opts: { hold?: boolean; holdAhead?: boolean; old?: Record<string, Customer>; noteDrafts?: CardNoteDrafts; wholeRun?: CardApi['wholeRun'] } = {}) {
  const panelStore = new Store<{ buyer: string | null; buyerId?: string | null; namesakes?: boolean; pageKind: PageKind; collapsed: boolean }>({ buyer: null, pageKind: 'chat', collapsed: false });
  // Records by the console id where the payload has one, else by nickname (as the background keys them).
  const k = (p: { nickname: string; buyerId?: string | null }) => p.buyerId ?? p.nickname;
  const panel = { store: panelStore, setCollapsed: vi.fn((collapsed: boolean) => panelStore.set({ collapsed })), setBuyerSegment: vi.fn(), backToChat: vi.fn() };
  const listeners: (() => void)[] = [];
  const held: { resolve(): void; nick: string }[] = [];
  const heldAhead: (() => void)[] = [];
  const call = vi.fn(async (verb: string, payload: any): Promise<any> => {
    // The answer is what the store holds when asked (a held answer arrives late, possibly stale).
    if (verb === 'getBuyerCard') {
      const value = records[k(payload)] ?? null;
      // Old nickname-only records (by nickname) for a buyer with an id, unless answered "not the same".
      const old = payload.buyerId && !notSame.has(`${payload.buyerId}|${payload.nickname}`) ? (opts.old?.[payload.nickname] ?? null) : null;
      if (opts.hold) await new Promise<void>((resolve) => held.push({ resolve, nick: payload.nickname }));
      return { customer: value, old };
    }
    if (verb === 'getCustomers') {
      const value = payload.buyers.map((b: { nickname: string; buyerId?: string | null }) => records[k(b)] ?? null);
      if (opts.holdAhead) await new Promise<void>((resolve) => heldAhead.push(resolve));
      return value;
    }
    if (verb === 'addCustomerEvent') {
      const c = records[k(payload)] ?? customer(payload.nickname);
      return (records[k(payload)] = appendEvent(c, makeEvent('note', T + 1, payload.text)));
    }
    // Saves to a record only: a buyer deleted meanwhile is not recorded again (null).
    if (verb === 'editCustomer') {
      const c = records[k(payload)];
      return c ? (records[k(payload)] = applyPatch(c, payload.patch, T + 2, { maskPii: true })) : null;
    }
    if (verb === 'patchCustomer') {
      const c = records[k(payload)] ?? customer(payload.nickname);
      return (records[k(payload)] = applyPatch(c, payload.patch ?? { preferences: payload.append?.preferences }, T + 2, { maskPii: true }));
    }
    // The "not the same" answers (buyerId|nickname).
    const old = opts.old ?? {};
    if (verb === 'dismissOldBuyerRecord') return notSame.add(`${payload.buyerId}|${payload.nickname}`), { dismissed: true };
    if (verb === 'attachOldBuyerRecord') {
      const o = old[payload.nickname];
      if (!o) return { attached: false, customer: records[k(payload)] ?? null };
      delete old[payload.nickname];
      const c = records[k(payload)] ?? newCustomer('demo', payload.nickname, T, payload.buyerId);
      return { attached: true, customer: (records[k(payload)] = o.history.reduce((acc, e) => appendEvent(acc, e), c)) };
    }
    throw new Error(verb);
  });
  const notSame = new Set<string>();
  const api: CardApi = { call: call as CardApi['call'], onDataChanged: (_a, l) => (listeners.push(l), () => {}), noteDrafts: opts.noteDrafts, wholeRun: opts.wholeRun };
  const abort = new AbortController();
  const card = new CustomerCardController(panel, 'demo', document, abort.signal, api);
  card.start();
  const m = mount(
    <CustomerCardContext.Provider value={card}>
      <CustomerCard />
    </CustomerCardContext.Provider>,
  );
  cleanup = () => {
    abort.abort();
    m.unmount();
  };
  const q = (sel: string) => m.root.querySelector(sel);
  const open = async (buyer: string, buyerId: string | null = null, namesakes = false) => {
    act(() => panelStore.set({ buyer, buyerId, namesakes }));
    await flush();
  };
  return { card, panel, call, q, open, held, heldAhead, changed: () => listeners.forEach((l) => l()), root: m.root };
}

describe('CustomerCard', () => {
  it("tells the agent a colleague's edit made at the same time replaced their text, shows that text as text, and says nothing once the field is edited again", async () => {
    const replaced = customer('小青', (c) => ({ ...applyPatch(c, { preferences: '李写：只要黑色' }, T, { maskPii: true }), replaced: { preferences: { text: '王写：不要<b>黑色</b>', at: T } } }));
    const { q, open, call, changed } = setup({ 小青: replaced, 阿花: customer('阿花') });
    await open('小青');
    const notice = q('[data-kf="customer-replaced"] [data-field="preferences"]');
    expect(notice?.textContent).toBe('同事在另一台电脑上同时改了偏好，较新的修改已替换你写的：王写：不要<b>黑色</b>');
    expect(notice?.querySelector('b')).toBeNull();
    expect(q('[data-kf="customer-preferences"]')?.textContent).toBe('李写：只要黑色');
    await call('patchCustomer', { nickname: '小青', patch: { preferences: '都行' } });
    changed();
    await flush();
    expect(q('[data-kf="customer-replaced"]')).toBeNull();
    await open('阿花');
    expect(q('[data-kf="customer-replaced"]')).toBeNull();
  });

  it("shows the open buyer's card and follows a conversation switch", async () => {
    const { q, open, panel } = setup({
      小鹿: customer('小鹿', (c) => applyPatch(c, { tags: ['VIP2'], sizes: { heightCm: 162, weightKg: 52 }, preferences: '喜欢宽松' }, T, { maskPii: true })),
      阿花: null,
    });
    await open('小鹿');
    expect(q('[data-kf="customer-card"]')?.getAttribute('data-buyer')).toBe('小鹿');
    expect(q('[data-kf="customer-segment"]')?.textContent).toBe('VIP');
    expect(q('[data-size="heightCm"]')?.textContent).toBe('162cm');
    expect(q('[data-size="weightKg"]')?.textContent).toContain('52kg（104 斤）');
    expect(q('[data-kf="customer-preferences"]')?.textContent).toBe('喜欢宽松');
    expect(panel.setBuyerSegment).toHaveBeenLastCalledWith('vip');
    await open('阿花');
    expect(q('[data-kf="customer-card"]')?.getAttribute('data-buyer')).toBe('阿花');
    expect(q('[data-kf="customer-none"]')?.textContent).toContain('第一次接待');
    expect(q('[data-kf="customer-preferences"]')).toBeNull();
  });

  it('shows a field only when it holds something: a buyer with only a note has no "sizes: not recorded" line', async () => {
    const { q, open, card, root } = setup({ 小鹿: null, 阿花: customer('阿花', (c) => applyPatch(c, { sizes: { usualSize: 'L' } }, T, { maskPii: true })) });
    await open('小鹿');
    card.setNoteDraft('只要顺丰');
    await card.saveNote();
    await flush();
    expect(q('[data-kf="customer-history"]')?.textContent).toContain('只要顺丰');
    expect(q('[data-kf="customer-sizes"]')).toBeNull();
    expect(q('.kf-cc-facts')).toBeNull();
    expect(root.textContent).not.toContain('未记录');
    await open('阿花');
    expect(q('.kf-cc-facts dt')?.textContent).toBe('尺码');
    expect(q('[data-kf="customer-sizes"] [data-size="usualSize"]')?.textContent).toBe('L');
  });

  it('says a reply was inserted, not used: the extension never sees whether the agent sent it', async () => {
    const { q, open } = setup({ 小鹿: customer('小鹿', (c) => appendEvent(c, makeEvent('template-used', T + 5, '尺码推荐'))) });
    await open('小鹿');
    const line = q('[data-kf="customer-history"]')?.textContent ?? '';
    expect(line).toContain('插入话术');
    expect(line).toContain('尺码推荐');
    expect(line).not.toContain('使用话术');
  });

  it('keeps two buyers with the same masked nickname apart: their own notes, their own drafts', async () => {
    const { q, open, call, card } = setup({});
    await open('S*******n', 'uid-1');
    card.setNoteDraft('甲：要发票');
    await card.saveNote();
    await flush();
    expect(call).toHaveBeenCalledWith('addCustomerEvent', { platform: 'demo', nickname: 'S*******n', buyerId: 'uid-1', kind: 'note', text: '甲：要发票' });
    expect(q('[data-kf="customer-history"]')?.textContent).toContain('甲：要发票');
    card.setNoteDraft('甲的草稿');
    await open('S*******n', 'uid-2');
    expect(call.mock.calls.filter(([verb]) => verb === 'getBuyerCard').at(-1)).toEqual(['getBuyerCard', { platform: 'demo', nickname: 'S*******n', buyerId: 'uid-2', seen: true }]);
    expect(q('[data-kf="customer-none"]')).not.toBeNull();
    expect(q('[data-kf="customer-history"]')).toBeNull();
    expect(card.store.get().noteDraft).toBe('');
    await open('S*******n', 'uid-1');
    expect(card.store.get().noteDraft).toBe('甲的草稿');
  });

  it('says a masked name without a console id may be several buyers’ notes; not for a buyer with an id, nor an unmasked name', async () => {
    const { q, open } = setup({ 'S*******n': customer('S*******n') });
    await open('S*******n');
    expect(q('[data-kf="customer-shared-name"]')?.textContent).toBe('昵称已打码，这个页面不显示买家 ID：同名的几位买家会共用这里的备注和记录');
    await open('S*******n', 'uid-1');
    expect(q('[data-kf="customer-shared-name"]')).toBeNull();
    await open('小鹿');
    expect(q('[data-kf="customer-shared-name"]')).toBeNull();
  });

  it('says the notes may be a namesake’s where the page lists another conversation of this name and gives no id; the hint follows the list without a new read', async () => {
    const { q, open, call } = setup({ 橙子不酸: customer('橙子不酸') });
    const hint = () => q('[data-kf="customer-namesake"]')?.textContent ?? null;
    await open('橙子不酸');
    expect(hint()).toBeNull();
    const reads = call.mock.calls.length;
    await open('橙子不酸', null, true);
    expect(hint()).toBe('会话列表里还有同名买家，这个页面不显示买家 ID：这里的备注和记录可能是另一位同名买家的');
    expect(call.mock.calls.length).toBe(reads); // the same record: nothing read again
    await open('橙子不酸', null, false);
    expect(hint()).toBeNull();
    // With an id the two are two records; a masked name has its own line already.
    await open('橙子不酸', 'uid-1', true);
    expect(hint()).toBeNull();
    await open('S*******n', null, true);
    expect(hint()).toBeNull();
    expect(q('[data-kf="customer-shared-name"]')).not.toBeNull();
  });

  it('says a save to a screen reader with the tag of a masked name, naming the buyer it was saved for even after a switch to the other S*******n', async () => {
    const { card, open } = setup({});
    /** What the next announcement says (the region emptied first, so an older one is not read again). */
    let region: Element | null = null;
    const said = () => vi.waitFor(() => region!.textContent || Promise.reject(new Error('not said yet'))).finally(() => (region!.textContent = ''));
    const [a, b] = [buyerTag('S*******n', 'uid-1'), buyerTag('S*******n', 'uid-2')];
    expect(a).not.toBe(b);
    await open('S*******n', 'uid-1');
    card.setNoteDraft('甲：要开发票');
    await act(async () => void (await card.saveNote()));
    region = document.querySelector('[data-kf="announce"]');
    expect(await said()).toBe(`已保存到S*******n · ${a}的档案`);
    // A form's save for this buyer answers once the agent has moved on to the other S*******n.
    const saving = card.saveFields({ preferences: '甲：只要黑色' }, { nickname: 'S*******n', buyerId: 'uid-1' });
    await open('S*******n', 'uid-2');
    await act(async () => void (await saving));
    expect(await said()).toBe(`已保存到S*******n · ${a}的档案`);
    // An unmasked name needs no tag.
    await open('小鹿', 'uid-3');
    card.setNoteDraft('只要顺丰');
    await act(async () => void (await card.saveNote()));
    expect(await said()).toBe('已保存到小鹿的档案');
  });

  it('brings an unsaved note back after a reload of the page, to its own buyer only, until it is saved or emptied', async () => {
    // The session storage outlives the card frame (a reload makes a new frame and controller).
    const kept = new Map<string, string>();
    const noteDrafts = tabNoteDrafts(sessionArea(kept), tabArea());
    const before = setup({}, { noteDrafts });
    await before.open('S*******n', 'uid-1');
    type(before.q('[data-kf="customer-note-input"]'), '甲：要发票');
    cleanup?.();

    const { q, open, card, call } = setup({}, { noteDrafts });
    await open('S*******n', 'uid-2');
    expect(card.store.get().noteDraft).toBe('');
    await open('S*******n', 'uid-1');
    expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe('甲：要发票');
    await card.saveNote();
    expect(call).toHaveBeenCalledWith('addCustomerEvent', expect.objectContaining({ buyerId: 'uid-1', text: '甲：要发票' }));
    await flush();
    expect(kept.size).toBe(0);
    // Typed, then emptied by the agent: nothing is kept either.
    card.setNoteDraft('再问问');
    expect([...kept.values()]).toEqual(['再问问']);
    card.setNoteDraft('');
    await flush();
    expect(kept.size).toBe(0);
  });

  it('keeps each tab its own unsaved note for the same buyer: a reload brings back its own, a save in one tab leaves the other\'s', async () => {
    const kept = new Map<string, string>(); // the browser's session storage, shared by the tabs
    const tabA = tabArea();
    const tabB = tabArea();
    const a = setup({}, { noteDrafts: tabNoteDrafts(sessionArea(kept), tabA) });
    await a.open('米粒妈妈');
    a.card.setNoteDraft('甲写了一半');
    cleanup?.();
    const b = setup({}, { noteDrafts: tabNoteDrafts(sessionArea(kept), tabB) });
    await b.open('米粒妈妈');
    // A tab with nothing of its own gets the latest draft any tab left (here A's); B writes over it.
    expect(b.card.store.get().noteDraft).toBe('甲写了一半');
    b.card.setNoteDraft('乙的');
    cleanup?.();

    // Tab A reloads: a new frame and controller, the same tab.
    const a2 = setup({}, { noteDrafts: tabNoteDrafts(sessionArea(kept), tabA) });
    await a2.open('米粒妈妈');
    expect(a2.card.store.get().noteDraft).toBe('甲写了一半');
    a2.card.setNoteDraft('甲保存的');
    await a2.card.saveNote();
    await flush();
    cleanup?.();

    // B's draft survives A's save; A, reloaded again, does not take B's text for its own.
    const b2 = setup({}, { noteDrafts: tabNoteDrafts(sessionArea(kept), tabB) });
    await b2.open('米粒妈妈');
    expect(b2.card.store.get().noteDraft).toBe('乙的');
    cleanup?.();
    const a3 = setup({}, { noteDrafts: tabNoteDrafts(sessionArea(kept), tabA) });
    await a3.open('米粒妈妈');
    expect(a3.card.store.get().noteDraft).toBe('');
    // Saving B's text clears the latest kept (it is that text); a new tab then starts empty.
    cleanup?.();
    const b3 = setup({}, { noteDrafts: tabNoteDrafts(sessionArea(kept), tabB) });
    await b3.open('米粒妈妈');
    await b3.card.saveNote();
    await flush();
    expect(kept.size).toBe(0);
  });

  it("never shows a slow answer for the previous buyer on the next buyer's card", async () => {
    const { q, open, held } = setup({ 小鹿: customer('小鹿', (c) => applyPatch(c, { note: '小鹿的备注' }, T, { maskPii: true })), 阿花: null }, { hold: true });
    await open('小鹿');
    await open('阿花');
    held.find((h) => h.nick === '阿花')!.resolve();
    await flush();
    held.find((h) => h.nick === '小鹿')!.resolve();
    await flush();
    expect(q('[data-kf="customer-card"]')?.getAttribute('data-buyer')).toBe('阿花');
    expect(q('[data-kf="customer-note"]')).toBeNull();
  });

  it('saves a quick note with Enter, but not the Enter that ends an input-method composition', async () => {
    const { q, open, call } = setup({ 小鹿: null });
    await open('小鹿');
    const input = q('[data-kf="customer-note-input"]') as HTMLInputElement;
    type(input, '要开发票');
    act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true })));
    expect(call).not.toHaveBeenCalledWith('addCustomerEvent', expect.anything());
    act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await flush();
    expect(call).toHaveBeenCalledWith('addCustomerEvent', { platform: 'demo', nickname: '小鹿', buyerId: null, kind: 'note', text: '要开发票' });
    expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe('');
    expect(q('[data-kf="customer-history"] li[data-kind="note"]')?.textContent).toContain('要开发票');
  });

  it('keeps a pasted note longer than 500 characters whole and says by how much it is over, saving nothing until it is shortened', async () => {
    const { q, open, call } = setup({ 小鹿: null });
    await open('小鹿');
    const input = () => q('[data-kf="customer-note-input"]') as HTMLInputElement;
    const long = '买家说的话很长'.repeat(100); // 700 characters
    type(input(), long);
    act(() => void input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await flush();
    expect(input().value).toBe(long);
    expect(q('[data-kf="customer-note-too-long"]')?.textContent).toBe('这条备注 700 字，超过上限 500 字（多 200 字），没有保存。文字都还在，请缩短后再保存。');
    expect((q('[data-kf="customer-note-save"]') as HTMLButtonElement).disabled).toBe(true);
    expect(call).not.toHaveBeenCalledWith('addCustomerEvent', expect.anything());
    type(input(), long.slice(0, 500));
    expect(q('[data-kf="customer-note-too-long"]')).toBeNull();
    act(() => void input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await flush();
    expect(call).toHaveBeenCalledWith('addCustomerEvent', expect.objectContaining({ kind: 'note', text: long.slice(0, 500) }));
  });

  it('gives the keys back to the chat box once Enter saved the note, or at Escape (the draft stays); not after a failed save, nor for IME keys', async () => {
    const { q, open, call, panel } = setup({ 小鹿: null });
    await open('小鹿');
    const input = () => q('[data-kf="customer-note-input"]') as HTMLInputElement;
    const key = (init: KeyboardEventInit) => act(() => void input().dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init })));
    type(input(), '要开发票');
    key({ key: 'Escape', isComposing: true });
    key({ key: 'Enter', isComposing: true });
    await flush();
    expect(panel.backToChat).not.toHaveBeenCalled();
    key({ key: 'Escape' });
    expect(panel.backToChat).toHaveBeenCalledTimes(1);
    expect(input().value).toBe('要开发票');
    expect(call).not.toHaveBeenCalledWith('addCustomerEvent', expect.anything());
    call.mockImplementationOnce(async () => {
      throw new CallError('quota', 'QuotaExceededError');
    });
    key({ key: 'Enter' });
    await flush();
    // Not saved: the text and the reason stay in front of the agent.
    expect(panel.backToChat).toHaveBeenCalledTimes(1);
    expect(q('[data-kf="customer-save-error"]')).not.toBeNull();
    key({ key: 'Enter' });
    await flush();
    expect(call).toHaveBeenCalledWith('addCustomerEvent', expect.objectContaining({ text: '要开发票' }));
    expect(panel.backToChat).toHaveBeenCalledTimes(2);
  });

  it('keeps the typed note and says why when saving fails (disk full)', async () => {
    const { q, open, call } = setup({ 小鹿: null });
    await open('小鹿');
    call.mockImplementationOnce(async () => {
      throw new CallError('quota', 'QuotaExceededError');
    });
    type(q('[data-kf="customer-note-input"]'), '地址改到公司');
    click(q('[data-kf="customer-note-save"]'));
    await flush();
    expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe('地址改到公司');
    expect(q('[data-kf="customer-save-error"]')?.textContent).toContain('存储空间已满');
  });

  for (const [locale, words] of [['zh-CN', '保存失败：客服助手正忙于删除、导入或恢复全部数据，请稍后再试。你输入的文字仍保留着'], ['en', 'Could not save: the assistant is busy deleting, importing or restoring all data; try again shortly. Your text is still here']] as const) {
    it(`keeps the typed note and says the helper is busy when the worker answers that a whole-data verb held it a minute, twice (${locale})`, async () => {
      setLocale(locale);
      const { q, open, call } = setup({ 小鹿: null });
      await open('小鹿');
      // No whole-data mark (the verb ended, or had not started running): the card tries once more by itself.
      const refuse = async () => {
        throw new CallError('waiting', 'stuck work');
      };
      call.mockImplementationOnce(refuse).mockImplementationOnce(refuse);
      type(q('[data-kf="customer-note-input"]'), '周六下午才在家');
      click(q('[data-kf="customer-note-save"]'));
      await flush();
      await flush();
      expect(call.mock.calls.filter(([v]) => v === 'addCustomerEvent')).toHaveLength(2);
      expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe('周六下午才在家');
      expect(q('[data-kf="customer-save-error"]')?.textContent).toContain(words);
      setLocale('zh-CN');
    });
  }

  for (const [locale, words] of [['zh-CN', ['没有响应', '不会丢失']], ['en', ['not answering', 'nothing is lost']]] as const) {
    it(`says the helper is not answering after a few seconds of saving, and that the note is kept (${locale})`, async () => {
      setLocale(locale);
      const { q, open, call } = setup({ 小鹿: null });
      await open('小鹿');
      // The worker is busy (QA kept its thread busy for 15 s): the save waits for it.
      const answer = call.getMockImplementation()!;
      let free!: () => void;
      const busy = new Promise<void>((resolve) => (free = resolve));
      call.mockImplementation(async (verb: string, payload: any) => (verb === 'addCustomerEvent' && (await busy), answer(verb, payload)));
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        type(q('[data-kf="customer-note-input"]'), '要开发票');
        click(q('[data-kf="customer-note-save"]'));
        await flush();
        act(() => void vi.advanceTimersByTime(SLOW_SAVE_MS - 100));
        expect(q('[data-kf="customer-save-slow"]')).toBeNull();
        act(() => void vi.advanceTimersByTime(100));
        const said = q('[data-kf="customer-save-slow"]');
        expect(said?.getAttribute('role')).toBe('status');
        for (const w of words) expect(said?.textContent).toContain(w);
        expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe('要开发票');
        // The worker is free: the note is saved and the message goes.
        free();
        await flush();
        expect(q('[data-kf="customer-save-slow"]')).toBeNull();
        expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe('');
      } finally {
        vi.useRealTimers();
        setLocale('zh-CN');
      }
    });
  }

  describe('a note saved while 删除/导入/恢复全部数据 runs in the worker', () => {
    /** The worker's whole-data mark, as storage.local tells the card frame. */
    function mark(verb: 'delete' | 'import' | 'restore' | null) {
      const heard: ((v: 'delete' | 'import' | 'restore' | null) => void)[] = [];
      return {
        wholeRun: (l: (v: 'delete' | 'import' | 'restore' | null) => void) => (heard.push(l), l(verb), () => {}),
        set: (v: typeof verb) => act(() => heard.forEach((l) => l(v))),
      };
    }
    /** The worker as lib/messaging/turn.ts: a note waits behind the whole-data verb and is refused after a minute. */
    function stuck(call: ReturnType<typeof setup>['call']) {
      const answer = call.getMockImplementation()!;
      let free = false;
      call.mockImplementation(async (verb: string, payload: any) => {
        if (verb === 'addCustomerEvent' && !free) {
          await new Promise((resolve) => setTimeout(resolve, 60_000));
          throw new CallError('waiting', 'stuck work');
        }
        return answer(verb, payload);
      });
      return () => void (free = true);
    }
    const saves = (call: ReturnType<typeof setup>['call']) => call.mock.calls.filter(([v]) => v === 'addCustomerEvent').length;
    /**
     * The agent types 周五前发顺丰 for 小鹿 and saves while `verb` runs (its mark set): the worker holds
     * the note (stuck) until `end`. setTimeout is faked from the typing on, so a test moves the
     * worker's minute on by hand; the afterEach below gives the real timers back.
     */
    async function saveDuringRun(verb: 'delete' | 'import' | 'restore') {
      const run = mark(verb);
      const card = setup({ 小鹿: null }, { wholeRun: run.wholeRun });
      await card.open('小鹿');
      const end = stuck(card.call);
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      type(card.q('[data-kf="customer-note-input"]'), '周五前发顺丰');
      click(card.q('[data-kf="customer-note-save"]'));
      await flush();
      return { ...card, run, end };
    }
    afterEach(() => {
      vi.useRealTimers();
      setLocale('zh-CN');
    });

    for (const [locale, verb, words] of [
      ['zh-CN', 'import', ['正在导入文件', '完成后自动保存']],
      ['zh-CN', 'restore', ['正在恢复全部数据', '完成后自动保存']],
      ['en', 'import', ['Importing a file', 'saved by itself once that ends']],
    ] as const) {
      it(`says at once that ${verb} is running, not a silent worker nor a failure, and saves the kept note by itself once it ends (${locale})`, async () => {
        setLocale(locale);
        const { q, call, run, end } = await saveDuringRun(verb);
        const said = () => q('[data-kf="customer-save-whole-run"]')?.textContent ?? '';
        for (const w of words) expect(said()).toContain(w);
        act(() => void vi.advanceTimersByTime(SLOW_SAVE_MS));
        expect(q('[data-kf="customer-save-slow"]')).toBeNull();
        // The worker's refusal after a minute: no 保存失败, the same words, the text kept.
        act(() => void vi.advanceTimersByTime(60_000));
        await flush();
        expect(q('[data-kf="customer-save-error"]')).toBeNull();
        for (const w of words) expect(said()).toContain(w);
        expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe('周五前发顺丰');
        expect(saves(call)).toBe(1);
        // The verb ends (its mark goes): the note is saved once, by itself, and nothing is left to say.
        end();
        run.set(null);
        await flush();
        expect(saves(call)).toBe(2);
        expect(call.mock.calls.at(-1)?.[1]).toMatchObject({ nickname: '小鹿', kind: 'note', text: '周五前发顺丰' });
        expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe('');
        expect(q('[data-kf="customer-save-whole-run"]')).toBeNull();
        expect(q('[data-kf="customer-save-error"]')).toBeNull();
      });
    }

    for (const [locale, words] of [['zh-CN', ['全部数据已删除', '没有保存']], ['en', ['All data was deleted', 'not saved']]] as const) {
      it(`does not save a note refused behind 删除全部数据 once it ends, says why, and keeps the text (${locale})`, async () => {
        setLocale(locale);
        const { q, call, run, end } = await saveDuringRun('delete');
        expect(q('[data-kf="customer-save-whole-run"]')?.textContent).toContain(locale === 'en' ? 'Deleting all data' : '正在删除全部数据');
        act(() => void vi.advanceTimersByTime(60_000));
        await flush();
        end();
        run.set(null);
        await flush();
        expect(saves(call)).toBe(1);
        const error = q('[data-kf="customer-save-error"]')?.textContent ?? '';
        for (const w of words) expect(error).toContain(w);
        expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe('周五前发顺丰');
      });
    }

    for (const [locale, words] of [['zh-CN', ['全部数据已删除', '没有保存']], ['en', ['All data was deleted', 'not saved']]] as const) {
      it(`says a note that waited behind 删除全部数据 was not saved when the worker refuses it after the deletion, and keeps the text (${locale})`, async () => {
        setLocale(locale);
        const run = mark('delete');
        const { q, open, call } = setup({ 小鹿: null }, { wholeRun: run.wholeRun });
        await open('小鹿');
        // lib/messaging/turn.ts: the deletion ended within the minute, the note behind it is not written.
        const answer = call.getMockImplementation()!;
        call.mockImplementation(async (verb: string, payload: any) => {
          if (verb === 'addCustomerEvent') throw new CallError('deleted', 'deleted');
          return answer(verb, payload);
        });
        try {
          type(q('[data-kf="customer-note-input"]'), '周五前发顺丰');
          click(q('[data-kf="customer-note-save"]'));
          run.set(null);
          await flush();
          const error = q('[data-kf="customer-save-error"]')?.textContent ?? '';
          for (const w of words) expect(error).toContain(w);
          expect(error).not.toContain(locale === 'en' ? 'Could not save' : '保存失败');
          expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe('周五前发顺丰');
          expect(saves(call)).toBe(1);
        } finally {
          setLocale('zh-CN');
        }
      });
    }

    it('does not save the refused note by itself once the agent edited or emptied it meanwhile', async () => {
      for (const edit of ['周六发', '']) {
        const { q, call, run, end } = await saveDuringRun('import');
        try {
          act(() => void vi.advanceTimersByTime(60_000));
          await flush();
          type(q('[data-kf="customer-note-input"]'), edit);
          end();
          run.set(null);
          await flush();
          expect(saves(call)).toBe(1);
          expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe(edit);
          expect(q('[data-kf="customer-save-whole-run"]')).toBeNull();
          expect(q('[data-kf="customer-save-error"]')).toBeNull();
        } finally {
          vi.useRealTimers();
          cleanup?.();
          cleanup = undefined;
        }
      }
    });
  });

  it('keeps an unsaved note with the buyer it was typed for across a switch', async () => {
    const { q, open } = setup({ 小鹿: null, 阿花: null });
    await open('小鹿');
    type(q('[data-kf="customer-note-input"]'), '给小鹿的');
    await open('阿花');
    expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe('');
    await open('小鹿');
    expect((q('[data-kf="customer-note-input"]') as HTMLInputElement).value).toBe('给小鹿的');
  });

  it('keeps a half-edited form with the buyer it was opened for: the next buyer sees their own card, the save goes to the first', async () => {
    const { q, open, call } = setup({ 小鹿: customer('小鹿', (c) => applyPatch(c, { preferences: '喜欢宽松' }, T, { maskPii: true })), 阿花: null });
    await open('小鹿');
    click(q('[data-kf="customer-edit"]'));
    type(q('[data-kf="customer-editor"] [data-field="preferences"]'), '喜欢宽松，不要黑色');
    await open('阿花');
    expect(q('[data-kf="customer-editor"]')).toBeNull();
    expect(q('[data-kf="customer-none"]')).not.toBeNull();
    await open('小鹿');
    expect((q('[data-kf="customer-editor"] [data-field="preferences"]') as HTMLTextAreaElement).value).toBe('喜欢宽松，不要黑色');
    click(q('[data-kf="customer-edit-save"]'));
    await flush();
    expect(call).toHaveBeenCalledWith('editCustomer', { platform: 'demo', nickname: '小鹿', buyerId: null, patch: { preferences: '喜欢宽松，不要黑色' } });
    expect(q('[data-kf="customer-editor"]')).toBeNull();
    expect(q('[data-kf="customer-preferences"]')?.textContent).toBe('喜欢宽松，不要黑色');
  });

  it('keeps a field saved elsewhere while the form is open on another field, and shows it in the form', async () => {
    const records = { 小鹿: customer('小鹿', (c) => applyPatch(c, { preferences: '喜欢宽松', note: '原来的备注' }, T, { maskPii: true })) };
    const { q, open, call, changed } = setup(records);
    await open('小鹿');
    click(q('[data-kf="customer-edit"]'));
    type(q('[data-kf="customer-editor"] [data-field="note"]'), '面板改的备注');
    // The options page saves other preferences meanwhile: the card reloads the buyer.
    records.小鹿 = applyPatch(records.小鹿, { preferences: '设置页改成不要黑色' }, T + 5, { maskPii: true });
    changed();
    await flush();
    expect((q('[data-kf="customer-editor"] [data-field="preferences"]') as HTMLTextAreaElement).value).toBe('设置页改成不要黑色');
    expect((q('[data-kf="customer-editor"] [data-field="note"]') as HTMLTextAreaElement).value).toBe('面板改的备注');
    click(q('[data-kf="customer-edit-save"]'));
    await flush();
    // Only the agent's own change: the preferences saved elsewhere are not put back.
    expect(call).toHaveBeenCalledWith('editCustomer', { platform: 'demo', nickname: '小鹿', buyerId: null, patch: { note: '面板改的备注' } });
    expect(q('[data-kf="customer-preferences"]')?.textContent).toBe('设置页改成不要黑色');
  });

  for (const [locale, said] of [
    ['zh-CN', '最多 1000 字，现在 1020 字（多 20 字）。文字都还在，缩短后才能保存。'],
    ['en', 'Takes at most 1000 characters; this has 1020 (20 over). All your text is still here: shorten it to save it.'],
  ] as const) {
    it(`says which field of the edit form is over its limit and by how much, keeps all of it, and saves nothing until it fits (${locale})`, async () => {
      setLocale(locale);
      try {
        const { q, open, call } = setup({ 小鹿: customer('小鹿', (c) => applyPatch(c, { preferences: '喜欢宽松' }, T, { maskPii: true })) });
        await open('小鹿');
        click(q('[data-kf="customer-edit"]'));
        const field = () => q('[data-kf="customer-editor"] [data-field="preferences"]') as HTMLTextAreaElement;
        const long = '只穿纯棉的衣服'.repeat(145) + '不要黑色'; // 1,019 + 1 over 1,000
        type(field(), `${long}吗`);
        expect(field().value).toBe(`${long}吗`);
        expect(field().getAttribute('aria-invalid')).toBe('true');
        expect(q('[data-kf="preferences-too-long"]')?.textContent).toBe(said);
        // Only the field that is over says so.
        expect(q('[data-kf="note-too-long"]')).toBeNull();
        expect((q('[data-kf="customer-edit-save"]') as HTMLButtonElement).disabled).toBe(true);
        click(q('[data-kf="customer-edit-save"]'));
        await flush();
        expect(call.mock.calls.filter(([verb]) => verb === 'patchCustomer' || verb === 'editCustomer')).toEqual([]);
        type(field(), long.slice(0, 1000));
        expect(q('[data-kf="preferences-too-long"]')).toBeNull();
        click(q('[data-kf="customer-edit-save"]'));
        await flush();
        expect(call).toHaveBeenCalledWith('editCustomer', { platform: 'demo', nickname: '小鹿', buyerId: null, patch: { preferences: long.slice(0, 1000) } });
        expect(q('[data-kf="customer-editor"]')).toBeNull();
      } finally {
        setLocale('zh-CN');
      }
    });
  }

  it('says a field the agent changed that was saved elsewhere meanwhile, with the value there, and saves nothing until they choose', async () => {
    const records = { 小鹿: customer('小鹿', (c) => applyPatch(c, { preferences: '喜欢宽松', note: '原来的备注' }, T, { maskPii: true })) };
    const { q, open, call, changed } = setup(records);
    await open('小鹿');
    click(q('[data-kf="customer-edit"]'));
    type(q('[data-kf="customer-editor"] [data-field="preferences"]'), '面板改成喜欢修身');
    type(q('[data-kf="customer-editor"] [data-field="addressNote"]'), '放快递柜');
    records.小鹿 = applyPatch(records.小鹿, { preferences: '设置页改成不要黑色', note: '设置页改的备注' }, T + 5, { maskPii: true });
    changed();
    await flush();
    const notice = () => q('[data-kf="customer-editor"] [data-kf="changed-elsewhere"]');
    expect([...notice()!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['偏好：设置页改成不要黑色']);
    // What the agent typed stays; the field they did not touch follows the other save.
    expect((q('[data-kf="customer-editor"] [data-field="preferences"]') as HTMLTextAreaElement).value).toBe('面板改成喜欢修身');
    expect((q('[data-kf="customer-editor"] [data-field="note"]') as HTMLTextAreaElement).value).toBe('设置页改的备注');
    click(q('[data-kf="customer-edit-save"]'));
    await flush();
    expect(q('[data-kf="customer-edit-held"]')?.textContent).toBe('没有保存：这样保存会覆盖别处刚保存的修改。请先在上方选择用哪一边的。');
    expect(call.mock.calls.filter(([verb]) => verb === 'patchCustomer' || verb === 'editCustomer')).toEqual([]);
    click(notice()!.querySelector('[data-kf="clash-overwrite"]'));
    expect(notice()).toBeNull();
    expect(q('[data-kf="customer-edit-held"]')).toBeNull();
    click(q('[data-kf="customer-edit-save"]'));
    await flush();
    expect(call).toHaveBeenCalledWith('editCustomer', { platform: 'demo', nickname: '小鹿', buyerId: null, patch: { preferences: '面板改成喜欢修身', addressNote: '放快递柜' } });
    expect(q('[data-kf="customer-editor"]')).toBeNull();
  });

  it('reads the buyer just before saving: a save elsewhere whose notice has not arrived is said, not overwritten', async () => {
    const records = { 小鹿: customer('小鹿', (c) => applyPatch(c, { preferences: '喜欢宽松' }, T, { maskPii: true })) };
    const { q, open, call } = setup(records);
    await open('小鹿');
    click(q('[data-kf="customer-edit"]'));
    type(q('[data-kf="customer-editor"] [data-field="preferences"]'), '面板改成喜欢修身');
    type(q('[data-kf="customer-editor"] [data-field="heightCm"]'), '165');
    // Saved elsewhere; the card has not been told yet.
    records.小鹿 = applyPatch(records.小鹿, { preferences: '' }, T + 5, { maskPii: true });
    click(q('[data-kf="customer-edit-save"]'));
    await flush();
    expect(call.mock.calls.filter(([verb]) => verb === 'patchCustomer' || verb === 'editCustomer')).toEqual([]);
    const notice = q('[data-kf="customer-editor"] [data-kf="changed-elsewhere"]');
    expect([...notice!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['偏好：（空）']);
    // 用那边的: the cleared preferences stay cleared; the height the agent typed is still saved.
    click(notice!.querySelector('[data-kf="clash-load"]'));
    expect((q('[data-kf="customer-editor"] [data-field="preferences"]') as HTMLTextAreaElement).value).toBe('');
    click(q('[data-kf="customer-edit-save"]'));
    await flush();
    expect(call).toHaveBeenCalledWith('editCustomer', { platform: 'demo', nickname: '小鹿', buyerId: null, patch: { sizes: { heightCm: 165 } } });
  });

  it('a buyer deleted elsewhere before the change notice arrives: the save says so, records nothing, keeps the form; 重新建档 records what it holds', async () => {
    const records: Record<string, Customer | null> = { 小鹿: customer('小鹿', (c) => applyPatch(c, { preferences: '喜欢宽松', tags: ['老客'] }, T, { maskPii: true })) };
    const { q, open, call } = setup(records);
    await open('小鹿');
    click(q('[data-kf="customer-edit"]'));
    type(q('[data-kf="customer-editor"] [data-field="note"]'), '面板写的备注');
    // Deleted in the options page; the card has not been told yet.
    records.小鹿 = null;
    click(q('[data-kf="customer-edit-save"]'));
    await flush();
    expect(call.mock.calls.filter(([verb]) => verb === 'patchCustomer' || verb === 'editCustomer')).toEqual([]);
    expect(records.小鹿).toBeNull();
    expect(q('[data-kf="customer-edit-gone"]')?.textContent).toContain('已在别处删除');
    expect((q('[data-kf="customer-editor"] [data-field="note"]') as HTMLTextAreaElement).value).toBe('面板写的备注');
    expect((q('[data-kf="customer-edit-save"]') as HTMLButtonElement).disabled).toBe(true);
    click(q('[data-kf="customer-edit-recreate"]'));
    await flush();
    expect(call).toHaveBeenCalledWith('patchCustomer', { platform: 'demo', nickname: '小鹿', buyerId: null, patch: { tags: ['老客'], preferences: '喜欢宽松', note: '面板写的备注' } });
    expect(q('[data-kf="customer-editor"]')).toBeNull();
  });

  it('says a tag over the rule under the tags field and saves nothing until it fits', async () => {
    const { q, open, call } = setup({ 小鹿: customer('小鹿', (c) => applyPatch(c, { tags: ['老客'] }, T, { maskPii: true })) });
    await open('小鹿');
    click(q('[data-kf="customer-edit"]'));
    type(q('[data-kf="customer-editor"] [data-field="tags"]'), `老客 ${'很'.repeat(21)}`);
    expect(q('[data-kf="tags-over"] li')?.textContent).toBe(`标签“${'很'.repeat(21)}”多了 1 个字（每个标签最多 20 个字）`);
    expect((q('[data-kf="customer-edit-save"]') as HTMLButtonElement).disabled).toBe(true);
    expect(call.mock.calls.filter(([verb]) => verb === 'patchCustomer' || verb === 'editCustomer')).toEqual([]);
  });

  it('refuses a height typed as 1650 (for 165), says why, and keeps the stored height', async () => {
    const { q, open, call } = setup({ 小鹿: customer('小鹿', (c) => applyPatch(c, { sizes: { heightCm: 162 } }, T, { maskPii: true })) });
    await open('小鹿');
    click(q('[data-kf="customer-edit"]'));
    type(q('[data-kf="customer-editor"] [data-field="heightCm"]'), '1650');
    click(q('[data-kf="customer-edit-save"]'));
    await flush();
    expect(call.mock.calls.filter(([verb]) => verb === 'patchCustomer' || verb === 'editCustomer')).toEqual([]);
    expect(q('[data-kf="customer-edit-problems"]')?.textContent).toBe('身高 (cm)：应填 40–230 之间的数字，没有保存');
    // The form stays open with what was typed; fixed, it saves.
    type(q('[data-kf="customer-editor"] [data-field="heightCm"]'), '165');
    click(q('[data-kf="customer-edit-save"]'));
    await flush();
    expect(call).toHaveBeenCalledWith('editCustomer', { platform: 'demo', nickname: '小鹿', buyerId: null, patch: { sizes: { heightCm: 165 } } });
    expect(q('[data-kf="customer-sizes"] [data-size="heightCm"]')?.textContent).toBe('165cm');
  });

  it('a failed save of another buyer’s fields is not reported on the card now open', async () => {
    const { q, open, call, card } = setup({ 小鹿: null, 阿花: null });
    await open('小鹿');
    let fail!: (e: Error) => void;
    call.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)));
    const saving = card.saveFields({ note: '给小鹿的' });
    await open('阿花');
    fail(new CallError('quota', 'QuotaExceededError'));
    expect(await saving).toBe(false);
    await flush();
    expect(q('[data-kf="customer-save-error"]')).toBeNull();
  });

  it('saves selected chat text as sizes after showing what was read', async () => {
    const { q, open, call, card } = setup({ 小鹿: null });
    await open('小鹿');
    expect((q('[data-as="sizes"]') as HTMLButtonElement).disabled).toBe(true);
    const p = selectText(card, '我身高165 体重110 平时穿M码');
    expect((q('[data-as="sizes"]') as HTMLButtonElement).disabled).toBe(false);
    click(q('[data-as="sizes"]'));
    const preview = q('[data-kf="customer-selection-preview"]')!;
    expect(preview.querySelector('[data-size="heightCm"]')?.textContent).toBe('165cm');
    expect(preview.querySelector('[data-size="weightKg"]')?.textContent).toContain('55kg');
    expect(call).not.toHaveBeenCalledWith('patchCustomer', expect.anything());
    click(q('[data-kf="customer-selection-confirm"]'));
    await flush();
    expect(call).toHaveBeenCalledWith('patchCustomer', { platform: 'demo', nickname: '小鹿', buyerId: null, patch: { sizes: { heightCm: 165, weightKg: 55, usualSize: 'M' } } });
    expect(q('[data-kf="customer-sizes"] [data-size="usualSize"]')?.textContent).toContain('M');
    p.remove();
  });

  it('selected chat text saved as sizes keeps the buyer’s own only, and says when a child’s or partner’s were left out (as Alt+N does)', async () => {
    const { q, open, call, card } = setup({ 小鹿: null });
    await open('小鹿');
    const select = (text: string) => selectText(card, text);
    // Before, the child's 120 cm and 25 kg were shown and saved as the buyer's, with no word about it.
    const both = select('我平时穿M，给孩子买的 身高120 体重50斤');
    click(q('[data-as="sizes"]'));
    let preview = q('[data-kf="customer-selection-preview"]')!;
    expect(preview.querySelector('[data-size="usualSize"]')?.textContent).toContain('M');
    expect(preview.querySelector('[data-size="heightCm"]')).toBeNull();
    expect(preview.querySelector('[data-kf="customer-selection-others"]')?.textContent).toBe('选中的文字里也有孩子的尺码：没有算作买家本人的尺码。');
    click(q('[data-kf="customer-selection-confirm"]'));
    await flush();
    expect(call).toHaveBeenCalledWith('patchCustomer', { platform: 'demo', nickname: '小鹿', buyerId: null, patch: { sizes: { usualSize: 'M' } } });
    both.remove();
    // Only a partner's sizes: nothing to save as the buyer's; the text can go to the note instead.
    call.mockClear();
    const his = select('老公穿 180 75kg');
    click(q('[data-as="sizes"]'));
    preview = q('[data-kf="customer-selection-preview"]')!;
    expect(preview.querySelector('[data-size]')).toBeNull();
    expect(preview.querySelector('[data-kf="customer-selection-others"]')?.textContent).toBe('选中文字里的尺码是老公的，不存为买家本人的尺码；可改存为备注。');
    expect(q('[data-kf="customer-selection-confirm"]')).toBeNull();
    expect(call).not.toHaveBeenCalledWith('patchCustomer', expect.anything());
    his.remove();
  });

  it('focuses the note input when asked (Alt+N, from the panel), and ignores key events a page made up', async () => {
    const { q, open, panel, card } = setup({ 小鹿: null });
    await open('小鹿');
    act(() => panel.store.set({ collapsed: true }));
    // A synthetic Alt+N (isTrusted false): what a page script could dispatch. Nothing happens.
    act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyN', altKey: true, bubbles: true })));
    expect(panel.setCollapsed).not.toHaveBeenCalled();
    expect(document.activeElement).not.toBe(q('[data-kf="customer-note-input"]'));
    act(() => card.focusNote());
    expect(document.activeElement).toBe(q('[data-kf="customer-note-input"]'));
  });

  it('fetches again when another tab changes the notes', async () => {
    const records: Record<string, Customer | null> = { 小鹿: null };
    const { q, open, changed } = setup(records);
    await open('小鹿');
    records['小鹿'] = customer('小鹿', (c) => appendEvent(c, makeEvent('note', T, '另一个标签页写的')));
    changed();
    await flush();
    expect(q('[data-kf="customer-history"]')?.textContent).toContain('另一个标签页写的');
  });

  it('draws a listed buyer at the switch from the card read ahead, before the background answers, then takes its answer', async () => {
    const records: Record<string, Customer | null> = {
      小鹿: null,
      'uid-7': customer('阿花', (c) => applyPatch(c, { note: '只发顺丰', tags: ['VIP1'] }, T, { maskPii: true })),
    };
    const { q, open, call, card, held, panel } = setup(records, { hold: true });
    await open('小鹿');
    act(() => card.setListed([{ nickname: '小鹿', buyerId: null }, { nickname: '阿花', buyerId: 'uid-7' }]));
    await flush();
    expect(call).toHaveBeenCalledWith('getCustomers', { platform: 'demo', buyers: [{ nickname: '小鹿', buyerId: null }, { nickname: '阿花', buyerId: 'uid-7' }] });
    await open('阿花', 'uid-7');
    // getCustomer for 阿花 is still held: the card comes from what was read ahead.
    expect(held.some((h) => h.nick === '阿花')).toBe(true);
    expect(q('[data-kf="customer-card"]')?.getAttribute('data-state')).toBe('ready');
    expect(q('[data-kf="customer-note"]')?.textContent).toBe('只发顺丰');
    expect(panel.setBuyerSegment).toHaveBeenLastCalledWith('vip');
    // The background's answer (another note meanwhile) replaces it.
    records['uid-7'] = applyPatch(records['uid-7']!, { note: '只发顺丰，要发票' }, T + 5, { maskPii: true });
    call.mockClear();
    await open('小鹿');
    await open('阿花', 'uid-7');
    expect(call).toHaveBeenCalledWith('getBuyerCard', { platform: 'demo', nickname: '阿花', buyerId: 'uid-7', seen: true });
    held.filter((h) => h.nick === '阿花').forEach((h) => h.resolve());
    await flush();
    expect(q('[data-kf="customer-note"]')?.textContent).toBe('只发顺丰，要发票');
  });

  it('never draws a kept card after the notes changed elsewhere, even one read ahead before the change and answered after', async () => {
    const records: Record<string, Customer | null> = { 小鹿: null, 阿花: customer('阿花', (c) => applyPatch(c, { note: '旧的' }, T, { maskPii: true })) };
    const { q, open, card, changed, heldAhead, held } = setup(records, { holdAhead: true, hold: true });
    await open('小鹿');
    act(() => card.setListed([{ nickname: '阿花', buyerId: null }]));
    await flush();
    // Another tab adds a note to 阿花 while the read-ahead (with the old card) is under way.
    records['阿花'] = applyPatch(records['阿花']!, { note: '另一个标签页写的' }, T + 1, { maskPii: true });
    changed();
    heldAhead[0]!(); // the stale answer arrives after the change: not kept
    await flush();
    await open('阿花');
    expect(q('[data-kf="customer-card"]')?.getAttribute('data-state')).toBe('loading');
    expect(q('[data-kf="customer-note"]')).toBeNull();
    heldAhead[1]!(); // the read-ahead asked after the change
    held.forEach((h) => h.resolve());
    await flush();
    expect(q('[data-kf="customer-note"]')?.textContent).toBe('另一个标签页写的');
    // Kept now, fresh: away and back draws it at once.
    await open('小鹿');
    await open('阿花');
    expect(q('[data-kf="customer-card"]')?.getAttribute('data-state')).toBe('ready');
    expect(q('[data-kf="customer-note"]')?.textContent).toBe('另一个标签页写的');
  });

  it('draws a buyer opened before from the kept card, and a change elsewhere drops it', async () => {
    const records: Record<string, Customer | null> = { 小鹿: null, 阿花: customer('阿花', (c) => applyPatch(c, { note: '旧的' }, T, { maskPii: true })) };
    const { q, open, changed, held } = setup(records, { hold: true });
    await open('阿花');
    held.forEach((h) => h.resolve());
    await flush();
    await open('小鹿');
    records['阿花'] = applyPatch(records['阿花']!, { note: '新的' }, T + 1, { maskPii: true });
    changed();
    await open('阿花');
    expect(q('[data-kf="customer-note"]')?.textContent).not.toBe('旧的');
    held.forEach((h) => h.resolve());
    await flush();
    expect(q('[data-kf="customer-note"]')?.textContent).toBe('新的');
  });

  it('a background older than the page (an update not reloaded) says what to do, in both languages, not 出现意外错误', async () => {
    const { q, open, call } = setup({ 小鹿: null });
    call.mockImplementation(async () => {
      throw new CallError('outdated', 'unknown message');
    });
    await open('小鹿');
    expect(q('.kf-cc-error')?.textContent).toBe('读取客户档案失败：客服助手已更新，但还没有重新加载：请在扩展管理页（chrome://extensions）的客服助手上点「重新加载」，然后刷新此页面');
    setLocale('en');
    try {
      await open('阿花');
      expect(q('.kf-cc-error')?.textContent).toBe('Could not read the buyer notes: Service Desk Helper was updated but not reloaded: click Reload on it in chrome://extensions, then refresh this page');
    } finally {
      setLocale('zh-CN');
    }
  });

  it('renders buyer text that looks like HTML as text', async () => {
    const nick = '<img src=x onerror=alert(1)>';
    const { root, open } = setup({ [nick]: customer(nick, (c) => applyPatch(c, { note: '<b>粗</b>' }, T, { maskPii: true })) });
    await open(nick);
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.textContent).toContain('<b>粗</b>');
  });

  describe('an old record under the same name', () => {
    const oldRecord = () => customer('S*******n', (c) => appendEvent(c, makeEvent('note', T, '旧：要加绒款')));

    it('is offered quietly under a buyer with an id, shown read-only, and merged only after a confirmation', async () => {
      const { q, open, call, root } = setup({}, { old: { 'S*******n': oldRecord() } });
      await open('S*******n', 'uid-1');
      // The date of its last entry (with the year when that is not this year).
      const date = new Date(T).getFullYear() === new Date().getFullYear() ? '03-01' : `${new Date(T).getFullYear()}-03-01`;
      expect(q('[data-kf="customer-old-summary"]')?.textContent).toBe(`有一条同名的旧记录（1 条备注，最后 ${date}）`);
      expect(q('[data-kf="customer-old-view"]')).toBeNull();
      click(q('[data-kf="customer-old-view-toggle"]'));
      await flush();
      expect(q('[data-kf="customer-old-view"]')?.textContent).toContain('旧：要加绒款');
      // Still nothing on this buyer's own card.
      expect(q('[data-kf="customer-history"]')).toBeNull();
      click(q('[data-kf="customer-old-merge"]'));
      await flush();
      expect(call).not.toHaveBeenCalledWith('attachOldBuyerRecord', expect.anything());
      click(q('[data-kf="customer-old-merge-confirm"]'));
      await flush();
      expect(call).toHaveBeenCalledWith('attachOldBuyerRecord', { platform: 'demo', nickname: 'S*******n', buyerId: 'uid-1' });
      expect(q('[data-kf="customer-old"]')).toBeNull();
      expect(q('[data-kf="customer-history"]')?.textContent).toContain('旧：要加绒款');
      expect(root.textContent).not.toContain('同名的旧记录');
    });

    it('says "nothing to offer" once the background answered, also for a card drawn from the read-ahead', async () => {
      const { q, open, card, held } = setup({ 'uid-1': null, 'uid-2': null }, { hold: true });
      act(() => card.setListed([{ nickname: 'S*******n', buyerId: 'uid-1' }, { nickname: 'S*******n', buyerId: 'uid-2' }]));
      await flush();
      await open('S*******n', 'uid-2');
      // Drawn from what was read ahead: the offer is not known yet, so neither line nor marker.
      expect(q('[data-kf="customer-card"]')?.getAttribute('data-state')).toBe('ready');
      expect(q('[data-kf="customer-old-none"]')).toBeNull();
      held.forEach((h) => h.resolve());
      await flush();
      expect(q('[data-kf="customer-old-none"]')?.getAttribute('data-buyer-id')).toBe('uid-2');
      expect(q('[data-kf="customer-old"]')).toBeNull();
    });

    it('"not the same person" hides it for that buyer; a buyer without an id is never offered one', async () => {
      const { q, open, call } = setup({}, { old: { 'S*******n': oldRecord() } });
      await open('S*******n', 'uid-1');
      click(q('[data-kf="customer-old-dismiss"]'));
      await flush();
      expect(call).toHaveBeenCalledWith('dismissOldBuyerRecord', { platform: 'demo', nickname: 'S*******n', buyerId: 'uid-1' });
      expect(q('[data-kf="customer-old"]')).toBeNull();
      await open('S*******n', 'uid-2');
      expect(q('[data-kf="customer-old"]')).not.toBeNull();
      await open('S*******n', 'uid-1');
      expect(q('[data-kf="customer-old"]')).toBeNull();
      await open('S*******n', null);
      expect(q('[data-kf="customer-old"]')).toBeNull();
    });
  });
});
