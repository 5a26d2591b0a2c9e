/**
 * The compliance guard in the page: every reply going into the chat box (panel, Alt+1…9, `/code`)
 * or the clipboard is checked first — a reply with a 'block' finding is held, with the words and
 * why and a one-click rewrite, until the agent decides; warnings are shown after inserting. The
 * text in the chat box is checked as it is typed (never while an input method composes), with a
 * small `kf-` badge beside the box (a count and category names only, no buyer data) and the
 * details in the panel.
 *
 * Part of the guard feature script (entrypoints/guard-feature.tsx, with the rules and matcher and
 * the prompt's look and words), not of content.js: page-features/guard.tsx asks for it as a chat
 * page starts (so the first insertion does not wait for it), holds a reply that comes before it and
 * hands the reply over as soon as it is in, and gives the prompt its place in the panel, which this
 * script's own Preact draws into.
 */
import { render } from 'preact';
import type { PanelController } from './controller';
import type { InsertCheck } from './page-feature';
import type { SiteAdapter } from '../sites/types';
import { Store } from './store';
import { onDataChanged, call } from '../messaging/client';
import { isComposing } from '../insert';
import { guardPlatformOf, type GuardFinding } from '../domain/guard/types';
import { loadGuardEngine, type GuardEngine } from '../domain/guard/engine';
import { GuardPrompt, type GuardUiState } from '@/components/panel/GuardPrompt';
import { guardBadge } from '@/components/panel/guard-badge';
import { registerMessages, setLocale, t, type Locale } from '../i18n';
import { guardPanelMessages } from '../i18n/messages/guard-panel';

registerMessages(guardPanelMessages);

export interface GuardHost {
  controller: PanelController;
  adapter: SiteAdapter;
  doc: Document;
  /** Aborted when the panel is removed (navigation, extension reload). */
  signal: AbortSignal;
}

export interface GuardRun {
  /** The insert check (the content script's, which passes every reply here once this script is in). */
  check: InsertCheck;
  /** Something was typed in the page before this script was in: the chat box is checked as it would have been. */
  typed(e: Event): void;
  /** Draws the prompt into `container` (the panel's slot for it) in `locale`; returns the unmount function. */
  mount(container: HTMLElement, locale: Locale): () => void;
}

function inputText(el: HTMLElement): string {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : (el.innerText ?? el.textContent ?? '');
}

/** Unreadable guard settings: no engine (the panel says the guard could not load, and lets the reply go). */
const unreadable = (err: unknown): never => {
  throw err;
};

/** Starts the guard on a panel that may have been up for a while (the script arrives after the panel starts). */
export function startGuard({ controller, adapter, doc, signal }: GuardHost): GuardRun {
  const ui = new Store<GuardUiState>({ hold: null, warned: [], typed: [] });
  const platform = guardPlatformOf(adapter.platform);
  let engine: GuardEngine | null = null;
  let loading: Promise<GuardEngine> | null = null;
  let pending: { req: Parameters<InsertCheck>[0]; via: Parameters<InsertCheck>[0]['via'] } | null = null;

  const load = (): Promise<GuardEngine> => (loading ??= loadGuardEngine(call, platform, unreadable).then((e) => (engine = e)));
  // 'rules': the money limits are the remark rules' (agentDiscountYuan, postageYuan).
  const off = onDataChanged(['guard', 'rules'], () => {
    loading = null;
    void load().then(checkTyped, () => {});
  });
  signal.addEventListener('abort', off, { once: true });

  /**
   * The open conversation: for counting repeats (kept in memory only), and to see a switch. By the
   * console's buyer id where there is one, else the nickname (as the 等待中 list keys them): two
   * buyers behind one masked nickname (S*******n) are two conversations — by name, a reply sent
   * once to each was counted as sent twice to one.
   */
  const who = (s: { buyer: string | null; buyerId: string | null }) => s.buyerId ?? s.buyer ?? '';
  /** Kept current by the store's subscriber below, which sees every change at once. */
  let open = who(controller.store.get());

  const decide = (req: Parameters<InsertCheck>[0], e: GuardEngine): 'hold' | 'go' => {
    const findings: GuardFinding[] = e.check(req.text);
    const repeat = req.via === 'copy' ? null : e.repeat(open, req.text, Date.now());
    if (repeat) findings.push(repeat);
    if (!findings.some((f) => f.severity === 'block')) {
      ui.set({ warned: findings, hold: null });
      return 'go';
    }
    pending = { req, via: req.via };
    const rewritten = findings.some((f) => f.canRewrite) ? e.rewrite(req.text, findings) : null;
    ui.set({ hold: { text: req.text, findings, rewritten, via: req.via }, warned: [] });
    controller.store.set({ collapsed: false });
    // Now it waits for the agent (the side panel that sent it says so at once); before, only for the rules.
    req.held?.();
    return 'hold';
  };

  const check: InsertCheck = (req) => {
    if (engine) return decide(req, engine);
    // First use on this page: hold until the rules are loaded, then decide.
    load().then(
      (e) => decide(req, e) === 'go' && req.proceed(req.text),
      (err: Error) => {
        setLocale(controller.store.get().settings.shop.locale);
        controller.store.set({ notice: { kind: 'warn', text: t('guard.loadFailed', { reason: err.message }) } });
        req.proceed(req.text);
      },
    );
    return 'hold';
  };
  controller.onInserted((text, req) => {
    if (req.via !== 'copy') engine?.recordInserted(open, text, Date.now());
  });

  const finish = (text: string | null) => {
    const p = pending;
    pending = null;
    ui.set({ hold: null, warned: text && engine ? engine.check(text).filter((f) => f.severity === 'warn') : [] });
    if (p && text !== null) p.req.proceed(text);
    else p?.req.drop?.();
  };
  const actions = {
    rewrite: () => finish(ui.get().hold?.rewritten ?? null),
    confirm: () => finish(ui.get().hold?.text ?? null),
    cancel: () => finish(null),
    dismiss: () => ui.set({ warned: [] }),
  };

  // ── the chat box as it is typed ───────────────────────────────────────────────────────────
  let badge: HTMLElement | null = null;
  const removeBadge = () => {
    badge?.remove();
    badge = null;
  };
  signal.addEventListener('abort', removeBadge, { once: true });

  const showBadge = (input: HTMLElement, findings: GuardFinding[]) => {
    if (!findings.length) return removeBadge();
    badge = guardBadge(doc, badge, input, findings, controller.store.get().settings.shop.locale, () => controller.setCollapsed(false));
  };

  function checkTyped(): void {
    const input = controller.chatInputQuiet();
    if (!input || !engine || controller.store.get().pageKind !== 'chat') {
      removeBadge();
      if (ui.get().typed.length) ui.set({ typed: [] });
      return;
    }
    if (isComposing(input)) return;
    const text = inputText(input);
    const findings = text.trim() ? engine.check(text) : [];
    ui.set({ typed: findings });
    showBadge(input, findings);
  }

  const onTyping = (e: Event) => {
    const input = controller.chatInputQuiet();
    if (!input || !(e.target instanceof Node) || !(input === e.target || input.contains(e.target))) return;
    // Never while a pinyin (IME) composition is open: the text is not what the agent means yet.
    if ((e as InputEvent).isComposing || isComposing(input)) return;
    if (engine) checkTyped();
    else void load().then(checkTyped, () => {});
  };
  doc.addEventListener('input', onTyping, { capture: true, signal });
  doc.addEventListener('compositionend', onTyping, { capture: true, signal });
  // The page clears the box on send without an input event; a conversation switch changes it.
  const offStore = controller.store.subscribe((s) => {
    // Another buyer: a reply held for the one before is dropped (confirmed now, it would go into
    // this buyer's box), as a pending fill-in is (controller.read); their warnings go with it.
    if (who(s) !== open) {
      open = who(s);
      finish(null);
    }
    if (badge || ui.get().typed.length) checkTyped();
  });
  signal.addEventListener('abort', offStore, { once: true });
  // Load the rules once a chat page shows, so the first insert is not delayed.
  if (adapter.pageKind(doc) === 'chat') void load().catch(() => {});

  return {
    check,
    typed: onTyping,
    mount(container, locale) {
      // This script's own copy of the strings follows the panel's language.
      setLocale(locale);
      render(<GuardPrompt store={ui} actions={actions} locale={locale} />, container);
      return () => render(null, container);
    },
  };
}
