// @vitest-environment happy-dom
/**
 * A reply the browser's side panel inserts (TabProtocol insertText / useReply) on the real demo
 * console (happy-dom), with the real panel controller and renderer: it goes the panel's own way —
 * a check that holds (the compliance guard's place) keeps it out of the chat box until it lets go,
 * {买家} is the buyer the chat shows at that moment, fill-ins still missing are asked in the page's
 * panel, and the insertion listeners (the guard's repeat count, 催付) hear it. Before, the tab wrote
 * the side panel's text straight into the chat box.
 */
import { afterEach, expect, it, vi } from 'vitest';

/** The guard's settings as the worker answers them: when a test says so (a loaded machine, a slow worker). */
const rules = vi.hoisted(() => {
  let give: () => void = () => {};
  const state = { ready: Promise.resolve(), give: () => give() };
  return Object.assign(state, {
    slow() {
      state.ready = new Promise<void>((r) => (give = r));
    },
  });
});

vi.mock('../browser', () => ({ browser: { storage: { local: { get: async () => ({}) } } } }));
vi.mock('../messaging/client', async () => {
  const { STARTER_LIBRARY } = await import('../domain/templates/starter');
  const { DEFAULT_APP_SETTINGS } = await import('../storage/settings');
  const { buildTemplateIndex, packTemplateIndex } = await import('../domain/suggest/template-index');
  const library = { ...STARTER_LIBRARY, templates: [...STARTER_LIBRARY.templates, ...(await import('./tab-messages-reply.test-data')).SIDE_REPLIES] };
  const replies: Record<string, () => unknown> = {
    getPanelLibrary: () => ({ library: { v: 2, ...library, updatedAt: 0 }, index: packTemplateIndex(buildTemplateIndex(library.templates)) }),
    getSettings: () => ({ ...DEFAULT_APP_SETTINGS, setup: { cutoff: true, remarks: false, limits: false, imported: false } }),
    getUsage: () => ({ v: 1, templates: {} }),
    getGuardConfig: () => rules.ready.then(() => ({ v: 1, disabled: [], rules: [] })),
    getRuleSet: () => rules.ready.then(() => null),
  };
  return { call: async (verb: string) => (replies[verb] ? replies[verb]() : new Promise(() => {})), onDataChanged: () => () => {} };
});
vi.mock('../panel/features', async () => {
  const engine = await import('../domain/suggest');
  const { panelIndex, panelSearch } = await import('../panel/panel-index');
  const { combineSignals } = await import('../domain/suggest/combine');
  const { prefillFills } = await import('../domain/templates/prefill');
  const { renderTemplate } = await import('../domain/templates/variables');
  const { suggestPanelMessages } = await import('../i18n/messages/suggest-panel');
  const { insertText, replaceBeforeCaret, replaceRange } = await import('../insert');
  const { roundNeeds, roundOpen } = await import('../domain/suggest/context-round');
  // As entrypoints/suggest-feature.ts registers it (learning left out: no worker here).
  const feature = { ...engine, roundNeeds, roundOpen, libraryIndex: panelIndex, searchTemplates: panelSearch, combineSignals, prefillFills, renderTemplate, messages: suggestPanelMessages, learn: () => {}, insertText, replaceBeforeCaret, replaceRange };
  // The guard's script as entrypoints/guard-feature.tsx registers it.
  return { loadFeature: async (name: string) => (name === 'guard' ? { start: (await import('../panel/guard-run')).startGuard } : feature) };
});

import { bootDemo, type DemoHooks } from '../sites/testing';
import { demoAdapter } from '../sites/demo';
import type { CardFrameHost } from '../panel/card-frame';
import type { InsertRequest } from '../panel/page-feature';
import { PanelController } from '../panel/controller';
import { guard } from '../panel/page-features/guard';
import { replyFromSide } from './tab-messages-reply';

let demo: DemoHooks;
let abort: AbortController;
afterEach(() => {
  abort.abort();
  demo.setAutoMessages(false);
  vi.useRealTimers();
  rules.ready = Promise.resolve();
});

/**
 * The panel on the demo chat with `conversation` open, with a check that holds any reply naming 微信
 * for the agent (as the guard does once its rules are in).
 */
async function panelOn(conversation: string) {
  demo = bootDemo(`/chat/${conversation}?auto=0`);
  abort = new AbortController();
  const panel = new PanelController(demoAdapter, document, abort.signal);
  const held: InsertRequest[] = [];
  panel.addInsertCheck((req) => (req.text.includes('微信') ? (held.push(req), req.held?.(), 'hold') : 'go'));
  const inserted: { text: string; templateId: string | null }[] = [];
  panel.onInserted((text, req) => inserted.push({ text, templateId: req.templateId }));
  await panel.start({ card: {} as CardFrameHost, features: [] });
  await vi.waitFor(() => expect(panel.store.get().engineReady).toBe(true));
  return { panel, held, inserted };
}

/** What the side panel has been told so far (undefined: nothing yet). */
function answerOf(p: Promise<unknown>) {
  const seen: { answer?: unknown } = {};
  void p.then((a) => (seen.answer = a));
  return seen;
}

it('holds a reply with a WeChat id in the page, the chat box untouched, and says it is held at once; it goes in once the check lets it', async () => {
  const { panel, held } = await panelOn('u-1003');
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const seen = answerOf(replyFromSide(panel, { templateId: 'side-wechat', fills: {} }));
  // No time to wait out: the check said it waits for the agent (before, 800 ms went by first).
  await vi.advanceTimersByTimeAsync(50);
  expect(seen.answer).toEqual({ ok: true, held: true });
  expect(demo.draft()).toBe('');
  expect(held.map((r) => [r.text, r.templateId, r.via])).toEqual([['亲，加我微信 side_kefu_01 给您发实拍', 'side-wechat', 'panel']]);
  held[0]!.proceed(held[0]!.text);
  expect(demo.draft()).toBe('亲，加我微信 side_kefu_01 给您发实拍');
  expect(demo.sent).toEqual([]);
});

it('holds plain text too (insertText): no side door for a text that is not a reply of the library', async () => {
  const { panel, held } = await panelOn('u-1003');
  expect(await replyFromSide(panel, { text: '加我微信 abc12345 细聊' })).toEqual({ ok: true, held: true });
  expect(demo.draft()).toBe('');
  expect(held).toHaveLength(1);
});

it('puts a clean reply in at once, and the insertion listeners (the repeat count, 催付) hear it with its reply id', async () => {
  const { panel, inserted } = await panelOn('u-1003');
  expect(await replyFromSide(panel, { templateId: 'side-wait', fills: {} })).toEqual({ ok: true });
  expect(demo.draft()).toBe('亲，稍等，我去仓库帮您确认一下');
  expect(inserted).toEqual([{ text: '亲，稍等，我去仓库帮您确认一下', templateId: 'side-wait' }]);
});

it('names the buyer the chat shows at that moment, after a switch inside the chat', async () => {
  const { panel } = await panelOn('u-1003');
  const first = panel.store.get().buyer!;
  const other = [...document.querySelectorAll<HTMLElement>('ul.conv-list > li.conv-item')].find((li) => li.dataset.nick !== first)!;
  other.click();
  await vi.waitFor(() => expect(panel.store.get().buyer).toBe(other.dataset.nick));
  expect(await replyFromSide(panel, { templateId: 'side-hello', fills: {} })).toEqual({ ok: true });
  expect(demo.draft()).toBe(`${other.dataset.nick}，您好，这就帮您查`);
  expect(demo.draft()).not.toContain(first);
});

it('asks what is still missing in the page’s panel, with what the side panel filled in', async () => {
  const { panel } = await panelOn('u-1003');
  expect(await replyFromSide(panel, { templateId: 'side-fill', fills: { 颜色: '雾蓝' } })).toEqual({ ok: true, asked: true });
  expect(demo.draft()).toBe('');
  const pending = panel.store.get().pending!;
  expect(pending.template.id).toBe('side-fill');
  expect(pending.missing).toEqual(['尺码']);
  expect(pending.fills).toMatchObject({ 颜色: '雾蓝' });
  panel.updateFill('尺码', 'M');
  panel.confirmFill();
  await vi.waitFor(() => expect(demo.draft()).toBe('雾蓝 M 码有货'));
});

it('inserts nothing unrendered: a reply the page’s library does not have, and what is no reply, are refused', async () => {
  const { panel } = await panelOn('u-1003');
  expect(await replyFromSide(panel, { templateId: 'gone', fills: {} })).toEqual({ ok: false, reason: 'unknown-reply' });
  expect(() => replyFromSide(panel, { templateId: 'side-wait', fills: { 尺码: 3 } })).toThrow(/尺码/);
  expect(() => replyFromSide(panel, { nothing: true })).toThrow();
  expect(demo.draft()).toBe('');
});

/** The panel on the demo chat as a page opens: the real guard (its feature and script), its rules asked of a slow worker. */
async function freshPage() {
  demo = bootDemo('/chat/u-1003?auto=0');
  abort = new AbortController();
  rules.slow();
  const panel = new PanelController(demoAdapter, document, abort.signal);
  await panel.start({ card: {} as CardFrameHost, features: [guard] });
  await vi.waitFor(() => expect(panel.store.get().engineReady).toBe(true));
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  return panel;
}

it('the first reply of a page, clean, while the guard still loads its rules: told inserted once they are in, never held', async () => {
  const panel = await freshPage();
  const seen = answerOf(replyFromSide(panel, { templateId: 'side-wait', fills: {} }));
  await vi.advanceTimersByTimeAsync(1500);
  expect(seen.answer).toBeUndefined();
  expect(demo.draft()).toBe('');
  rules.give();
  await vi.waitFor(() => expect(seen.answer).toEqual({ ok: true }));
  expect(demo.draft()).toBe('亲，稍等，我去仓库帮您确认一下');
});

it('the first reply of a page, with a WeChat id: told held as the guard holds it for the agent, not while it loads its rules', async () => {
  const panel = await freshPage();
  const seen = answerOf(replyFromSide(panel, { templateId: 'side-wechat', fills: {} }));
  await vi.advanceTimersByTimeAsync(1500);
  expect(seen.answer).toBeUndefined();
  rules.give();
  await vi.waitFor(() => expect(seen.answer).toEqual({ ok: true, held: true }));
  expect(demo.draft()).toBe('');
});

it('rules that never come: the side panel is told after its give-up, the reply not said held', async () => {
  const panel = await freshPage();
  const seen = answerOf(replyFromSide(panel, { templateId: 'side-wait', fills: {} }));
  await vi.advanceTimersByTimeAsync(10_000);
  expect(seen.answer).toEqual({ ok: false, reason: 'no-engine' });
});
