// @vitest-environment happy-dom
/**
 * A suggestion card shows the reply as it would go in (the controller's preview), never the raw
 * {变量} — in its text and in its button's accessible name — and warns when the shop's own reply names
 * today's cut-off as a deadline after it has passed.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { Store } from '@/lib/panel/store';
import type { PanelController, PanelState } from '@/lib/panel/controller';
import type { Template } from '@/lib/domain/templates/types';
import { renderTemplate, type RenderContext } from '@/lib/domain/templates/variables';
import { setLocale } from '@/lib/i18n';
import { PanelContext } from './PanelContext';
import { SuggestionList } from './SuggestionList';
import { drawRows } from './TemplateRows';
import { mount } from './remarks/testing';

vi.mock('@/lib/browser', () => ({ browser: {} }));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const tpl = (id: string, title: string, body: string, code?: string): Template => ({ id, title, body, group: '付款催付', scenarios: ['payment'], ...(code ? { code } : {}) });

/** The list with a controller whose preview is the real renderer, at `now` (Beijing shop time). */
function cards(templates: Template[], now: Date) {
  setLocale('zh-CN');
  const ctx: RenderContext = { buyer: undefined, agentName: '小美', shopName: '棉麻小铺', now, cutoff: '22:10', zone: 480 };
  const store = new Store({ buyer: null, buyerMessages: ['拍下了，等下付款'], query: '', inputFound: true, signalsReady: true, engineReady: true, messagesUnread: false, suggestions: templates.map((template) => ({ template, reason: '根据订单状态' })) } as unknown as PanelState);
  // The suggest feature script draws the rows (components/TemplateRows.tsx).
  const engine = { rows: drawRows };
  const controller = { store, preview: (t: Template) => renderTemplate(t.body, ctx, {}, true), useTemplate: () => {}, engine, suggestEngine: () => engine } as unknown as PanelController;
  const m = mount(
    <PanelContext.Provider value={controller}>
      <SuggestionList />
    </PanelContext.Provider>,
  );
  cleanup = m.unmount;
  return [...m.root.querySelectorAll<HTMLButtonElement>('.kf-tpl-main')];
}

const night = new Date(Date.UTC(2026, 11, 3, 15, 10)); // 23:10 Beijing, after the 22:10 cut-off
const afternoon = new Date(Date.UTC(2026, 11, 3, 7, 0)); // 15:00 Beijing

it('shows the filled reply with missing values as 【名称】, in the text and the button’s name', () => {
  const [card] = cards([tpl('hi', '新客欢迎', '{买家}您好，欢迎光临{店铺}！我是客服{客服}', 'hi')], afternoon);
  expect(card!.querySelector('.kf-tpl-body')!.textContent).toBe('【买家】您好，欢迎光临棉麻小铺！我是客服小美');
  // The button's accessible name is its text content (no aria-label).
  expect(card!.getAttribute('aria-label')).toBeNull();
  expect(card!.textContent).toContain('【买家】您好，欢迎光临棉麻小铺！');
  expect(card!.textContent).not.toMatch(/[{}｛｝]/);
});

it('shows the payment reminder’s promise for the hour: before the cut-off its deadline, after it tomorrow', () => {
  const body = '亲，看到您拍下的宝贝还没付款哦～{付款发货}，早付款早收到';
  expect(cards([tpl('cf', '催付', body, 'cf')], afternoon)[0]!.querySelector('.kf-tpl-body')!.textContent).toBe('亲，看到您拍下的宝贝还没付款哦～今天22:10前付款，今天（12月3日）就能发出，早付款早收到');
  cleanup?.();
  const [late] = cards([tpl('cf', '催付', body, 'cf')], night);
  expect(late!.querySelector('.kf-tpl-body')!.textContent).toBe('亲，看到您拍下的宝贝还没付款哦～现在付款，明天（12月4日）就能发出，早付款早收到');
  expect(late!.querySelector('[data-kf="past-cutoff"]')).toBeNull();
});

it('warns on the card of a shop’s own reply that names today’s cut-off after it has passed, keeping its words', () => {
  const own = tpl('own', '我们的催付', '亲，今天{截单时间}前付款的订单{发货日}就能发出～');
  const [before] = cards([own], afternoon);
  expect(before!.querySelector('[data-kf="past-cutoff"]')).toBeNull();
  cleanup?.();
  const [after] = cards([own], night);
  expect(after!.querySelector('.kf-tpl-body')!.textContent).toBe('亲，今天22:10前付款的订单明天（12月4日）就能发出～');
  expect(after!.querySelector('[data-kf="past-cutoff"]')!.textContent).toBe('今天的截单时间已过，请改后再发');
});
