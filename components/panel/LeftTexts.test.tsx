// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { PanelController } from '@/lib/panel/controller';

// The new panel's shadow root, as chrome.dom opens it (a plain one here).
const roots = new Map<Element, ShadowRoot>();
vi.mock('@/lib/browser', () => ({ browser: { dom: { openOrClosedShadowRoot: (e: Element) => roots.get(e) ?? null } } }));
const { restoreLeft } = await import('./LeftTexts');
const { takeLeftRemark, onLeftRemark } = await import('@/lib/panel/left-remark');

afterEach(() => {
  document.body.replaceChildren();
  roots.clear();
  delete (globalThis as { kfLeftRemark?: unknown }).kfLeftRemark;
});

/** The old panel's fields, taken off the page as the old copy leaves them (detached, text kept). */
function oldFields(html: string): Element[] {
  const aside = document.createElement('aside');
  aside.innerHTML = html;
  return [...aside.querySelectorAll('*')];
}
const leave = (fields: Element[]) => ((globalThis as { kfLeft?: unknown }).kfLeft = fields);

function newPanel(collapsed = false) {
  const host = document.createElement('kf-panel');
  const root = host.attachShadow({ mode: 'open' });
  const body = document.createElement('body');
  body.innerHTML = '<aside data-kf="panel"><header>客服助手</header><section data-kf="library"></section></aside>';
  root.append(body);
  roots.set(host, root);
  document.body.append(host);
  const state = { collapsed, query: '' };
  const controller = {
    store: { get: () => state },
    setCollapsed: vi.fn((c: boolean) => (state.collapsed = c)),
    setQuery: vi.fn((q: string) => (state.query = q)),
    flushRead: vi.fn(),
  };
  return { body, state, controller, restore: () => restoreLeft(controller as unknown as PanelController, document) };
}

const kept = (body: HTMLElement) => [...body.querySelectorAll<HTMLTextAreaElement>('[data-kf="stale-kept"] textarea')].map((t) => [t.getAttribute('aria-label'), t.value]);

it('gives the search back to the search box and the unsaved texts under the head, named as they were; blanks, dates and lists are left out', () => {
  // The text typed into a textarea is its value, not its markup.
  const note = document.createElement('textarea');
  note.setAttribute('aria-label', '售后说明');
  note.value = '换大一码，买家自付运费';
  leave([
    ...oldFields(
    '<input type="search" data-kf="search" value="退换">' +
      '<label><span>身高体重</span><input data-kf="fill-input" data-name="身高体重" value="168cm/55kg"></label>' +
      '<input type="datetime-local" data-kf="fu-due" value="2026-12-07T10:00">' +
      '<textarea data-kf="fu-note" aria-label="备注（可选）"></textarea>' +
      '<input data-field="reason" aria-label="原因" value="等面料到货">' +
      '<input data-field="blank" value="   ">',
    ),
    note,
  ]);
  const p = newPanel();
  act(() => p.restore());
  expect(p.controller.flushRead).toHaveBeenCalledBefore(p.controller.setQuery);
  expect(p.state.query).toBe('退换');
  expect(p.controller.setCollapsed).not.toHaveBeenCalled();
  expect(kept(p.body)).toEqual([
    ['身高体重', '168cm/55kg'],
    ['原因', '等面料到货'],
    ['售后说明', '换大一码，买家自付运费'],
  ]);
  expect(p.body.querySelector('header')!.nextElementSibling!.querySelector('[data-kf="left-texts"]')?.textContent).toContain('助手刚刚更新');
  // Once: another panel start of this copy finds nothing left.
  expect((globalThis as { kfLeft?: unknown }).kfLeft).toBeUndefined();
});

it('opens a folded panel for them, draws them again under the head when the panel is drawn anew, and 知道了 takes them away', async () => {
  const [note] = oldFields('<textarea data-kf="fu-note" aria-label="备注（可选）"></textarea>') as HTMLTextAreaElement[];
  note!.value = '查仓库后回复';
  leave([note!]);
  const p = newPanel(true);
  act(() => p.restore());
  expect(p.controller.setCollapsed).toHaveBeenCalledWith(false);
  expect(p.controller.setQuery).not.toHaveBeenCalled();
  // The panel folded and opened again: a new aside, the texts back under its head.
  p.body.innerHTML = '<aside data-kf="panel"><header>客服助手</header></aside>';
  await vi.waitFor(() => expect(kept(p.body)).toEqual([['备注（可选）', '查仓库后回复']]));
  act(() => (p.body.querySelector('[data-kf="left-dismiss"]') as HTMLButtonElement).click());
  expect(p.body.querySelector('[data-kf="left-texts"]')).toBeNull();
});

it('draws nothing and leaves the panel as it is when nothing was typed (a page loaded fresh: no old panel)', () => {
  const p = newPanel(true);
  act(() => p.restore());
  expect(p.controller.setCollapsed).not.toHaveBeenCalled();
  expect(p.body.querySelector('[data-kf="left-texts"]')).toBeNull();
});

/** The old panel's remark form on an order, filled in (a ship date and a reason), beside a 承诺答复 note. */
function oldRemarkForm(): Element[] {
  const fields = oldFields(
    '<div data-kf="remark-editor" data-order-id="3930018273645518290"><div data-kf="remark-form" data-target="purple">' +
      '<input type="date" data-field="shipDate" value="2026-12-10"><input type="text" data-field="reason" aria-label="原因" value="等面料到货">' +
      '<ul><li data-field="shipDate">问题</li></ul></div></div>' +
      '<textarea data-kf="fu-note" aria-label="备注（可选）"></textarea>',
  );
  (fields.find((f) => f.matches('textarea')) as HTMLTextAreaElement).value = '查仓库后回复';
  return fields;
}

it('hands the remark form\'s fields to the new form on the same order, dates too, and takes them out of the box once it has them', () => {
  leave(oldRemarkForm());
  const p = newPanel();
  act(() => p.restore());
  // Until the new form opens there: shown to copy (the date is not a text to copy).
  expect(kept(p.body)).toEqual([['原因', '等面料到货'], ['备注（可选）', '查仓库后回复']]);
  expect(takeLeftRemark('another order')).toBeUndefined();
  act(() => expect(takeLeftRemark('3930018273645518290')).toEqual({ orderId: '3930018273645518290', target: 'purple', values: { shipDate: '2026-12-10', reason: '等面料到货' } }));
  expect(kept(p.body)).toEqual([['备注（可选）', '查仓库后回复']]);
  // Given once.
  expect(takeLeftRemark('3930018273645518290')).toBeUndefined();
});

it('tells a remark form already open that its fields came, and draws no box when they were all there was', () => {
  leave(oldRemarkForm().filter((f) => !f.matches('textarea')));
  const offered = vi.fn(() => takeLeftRemark('3930018273645518290'));
  const stop = onLeftRemark(offered);
  const p = newPanel(true);
  act(() => p.restore());
  stop();
  expect(offered).toHaveBeenCalledOnce();
  expect(offered.mock.results[0]!.value).toMatchObject({ values: { reason: '等面料到货' } });
  expect(p.body.querySelector('[data-kf="left-texts"]')).toBeNull();
  expect(p.controller.setCollapsed).not.toHaveBeenCalled();
});
