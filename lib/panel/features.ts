/**
 * Features the in-page panel loads only when a page needs them, to keep the content script that
 * every console page loads small: the remark form and checks (order pages), the teach-mode
 * picker, the page check (检查页面, on the agent's click), the compliance guard (its rules, its checks of a reply and of the typed chat box, its held-reply prompt), the suggestion engine (cue tables, classifier, ranking, search,
 * the reply renderer, its fill-in form and the writer that puts a reply into the chat box: chat pages, and any page once the agent searches), the taught-site adapter (sites the
 * agent taught), the follow-up actions (what the 跟进 buttons do, the 交给… picker: once the
 * buttons are shown, a click meanwhile is done when it is in) and the panel's fit beside the page's
 * dialogs with the reply clock (every panel, after it is shown). Each is a separate script (entrypoints/<name>-feature.ts) that the background injects
 * into this tab's content-script world on request (`loadFeature`); there it registers itself
 * here, on the world's global object, which the content script shares.
 */
import { call } from '../messaging/client';
import type { PanelController } from './controller';
import type { Platform, SiteAdapter } from '../sites/types';
import type { Picker, PickerOptions } from '../teach/picker';
import type { Locale, MessageBundle } from '../i18n';
import type { FillPromptProps } from '../../components/FillPrompt';
import type { drawRows } from '../../components/TemplateRows';
import type { startGuard } from './guard-run';
import type { FollowupAct, remindedFromSide } from '../../components/panel/FollowupActions';
import type { classify, rankTemplates } from '../domain/suggest';
import type { roundNeeds, roundOpen } from '../domain/suggest/context-round';
import type { drawNeeds } from '../../components/panel/RoundNeeds';
import type { panelIndex, panelSearch } from './panel-index';
import type { combineSignals } from '../domain/suggest/combine';
import type { prefillFills } from '../domain/templates/prefill';
import type { renderTemplate } from '../domain/templates/variables';
import type { createTaughtAdapter, withTaughtFallback } from '../sites/taught/adapter';
import type { watchPageFit } from './page-fit';
import type { roveSituations } from './rove-keys';
import type { learn } from './unsaved-picks';
import type { startClock } from './clock-run';
import type { drawStale } from '../../components/panel/StalePanel';
import type { insertText, replaceBeforeCaret, replaceRange } from '../insert';
import type { startDraftLeft } from './draft-left-run';
import type { replyFromSide } from '../teach/tab-messages-reply';

export interface FeatureHost {
  controller: PanelController;
  /** The page's adapter (the page check reads the page through it). */
  adapter: SiteAdapter | null;
  platform: Platform;
  doc: Document;
  /** Aborted when the panel is removed (navigation, extension reload). */
  signal: AbortSignal;
}

export interface Features {
  /** Renders the order-page part of the panel into `container`; returns the unmount function. */
  remarks: { mount(container: HTMLElement, host: FeatureHost): () => void };
  teach: { startPicker(doc: Document, opts: PickerOptions & { locale: Locale }): Picker };
  /** The page check ("检查页面": the probe, its lines, the report to copy); renders into `container`, returns the unmount function. */
  check: { mount(container: HTMLElement, host: FeatureHost): () => void };
  /**
   * The compliance guard in the page (lib/panel/guard-run.tsx): its rules and matcher (lib/domain/guard),
   * the insert check, the chat box checked as typed with its badge, and its part of the panel (a held
   * reply, warnings) drawn into the slot page-features/guard.tsx gives it.
   */
  guard: { start: typeof startGuard };
  /** The suggestion engine's page half (lib/domain/suggest): cue classifier, ranking, search. */
  suggest: {
    /**
     * The library's index from the table the worker packed for it (no text normalised on the page);
     * its pinyin initials follow in a message of their own, then `changed` is called if a search waited for them.
     */
    libraryIndex: typeof panelIndex;
    classify: typeof classify;
    /**
     * A round of several buyer questions (lib/domain/suggest/context-round.ts): its needs, each turn read as
     * the panel reads the last; the situation once the shop's reply answered some; the line naming them
     * (components/panel/RoundNeeds.tsx, drawn into the slot page-features/round-needs.tsx gives it, with
     * what a reply put in answered).
     */
    roundNeeds: typeof roundNeeds;
    roundOpen: typeof roundOpen;
    drawNeeds: typeof drawNeeds;
    rankTemplates: typeof rankTemplates;
    searchTemplates: typeof panelSearch;
    combineSignals: typeof combineSignals;
    /** Fill-ins the buyer already answered (身高体重…), read from their messages; here, not in content.js. */
    prefillFills: typeof prefillFills;
    /** A reply's variables filled in ({买家}, {发货日}…) and its fill-ins listed: every insertion, here, not in content.js. */
    renderTemplate: typeof renderTemplate;
    /**
     * The fill-in form (components/FillPrompt.tsx), drawn into `container` (again on each call,
     * idempotent); returns the unmount function. Here with the renderer: a reply has fill-ins to ask
     * for only once this script has rendered it, so the form never waits for a load.
     */
    fillPrompt(container: HTMLElement, props: FillPromptProps): () => void;
    /** The situation list's arrow keys, Home, End and its one Tab stop (ScenarioChips). */
    roveSituations: typeof roveSituations;
    /** The suggestion part's own strings (lib/i18n/messages/suggest-panel.ts): the panel registers them when the engine is in. */
    messages: MessageBundle;
    /** What an insertion or a chip pick teaches (usage count, learned pick, buyer line), sent and kept to send again when the worker cannot store it (lib/panel/unsaved-picks.ts). */
    learn: typeof learn;
    /**
     * The writers that put a reply into the chat box (lib/insert): here with the renderer, not in
     * content.js, since a reply goes in only once this script has rendered it. The content script
     * keeps what must run before (watchEditing, isComposing, focusAtCaret); both share its caret memory.
     */
    insertText: typeof insertText;
    replaceBeforeCaret: typeof replaceBeforeCaret;
    replaceRange: typeof replaceRange;
    /**
     * The reply rows of the panel's lists (suggestions, search hits, a library group: TemplateRow),
     * drawn into the list the panel renders (components/ReplyRows.tsx): here with the renderer that
     * fills in what each shows and what a click puts in.
     */
    rows: typeof drawRows;
    /**
     * A reply the panel left in a chat box every buyer shares, said at the switch (lib/panel/draft-left-run.tsx):
     * started at the panel's first insertion, which this script's writer made; drawn into the slot
     * page-features/draft-left.tsx gives it.
     */
    draftLeft: typeof startDraftLeft;
    /** A reply the browser's side panel inserts (TabProtocol insertText, useReply), the panel's own way: its checks, for the buyer shown now. */
    fromSide: typeof replyFromSide;
  };
  /** The adapter made from what the agent taught on a site (lib/sites/taught), where there is one. */
  taught: { createTaughtAdapter: typeof createTaughtAdapter; withTaughtFallback: typeof withTaughtFallback };
  /**
   * The 跟进 section with its handling, drawn into `container`; `first`: buttons clicked before it was in, done at once. Returns the unmount function.
   * On an order page it is the section for the one order the page shows (FollowupActions, pageOrder), drawn through a FeatureSlot.
   */
  followups: {
    mount(container: HTMLElement, host: FeatureHost, first?: readonly FollowupAct[]): () => void;
    /** A reply the side panel copied or inserted while serving this tab (TabProtocol `remindedHere`): a 催付 marks the buyer shown now. */
    remindedHere: typeof remindedFromSide;
  };
  /**
   * What every panel loads as soon as it is shown: the panel beside the page's own dialogs and a page
   * that stops narrowing (lib/panel/page-fit.ts), and the reply clock (lib/panel/clock-run.tsx: the
   * card's wait, the 等待中 list, answered waits reported), which is not needed before the page is read;
   * and the dead panel after an update (components/panel/StalePanel.tsx), which must be in the tab
   * before the runtime goes; and, as the new panel starts after an update, the texts the agent had
   * typed in the old one (components/panel/LeftTexts.tsx, from `watch`).
   */
  fit: { watch: typeof watchPageFit; clock: typeof startClock; stale: typeof drawStale };
}
export type FeatureName = keyof Features;
export const FEATURE_NAMES = ['remarks', 'teach', 'guard', 'suggest', 'taught', 'check', 'followups', 'fit'] as const satisfies readonly FeatureName[];

interface Registry {
  remarks?: Features['remarks'];
  teach?: Features['teach'];
  guard?: Features['guard'];
  suggest?: Features['suggest'];
  taught?: Features['taught'];
  check?: Features['check'];
  followups?: Features['followups'];
  fit?: Features['fit'];
  waiting?: { [N in FeatureName]?: (() => void)[] };
}
const KEY = '__kfFeatures';

function registry(): Registry {
  const g = globalThis as unknown as Record<string, Registry>;
  return (g[KEY] ??= {});
}

/** Called by a feature script once it has been injected. */
export function registerFeature<N extends FeatureName>(name: N, impl: Features[N]): void {
  const r = registry();
  r[name] = impl as Registry[N];
  for (const wake of r.waiting?.[name] ?? []) wake();
  if (r.waiting) delete r.waiting[name];
}

const pending = new Map<FeatureName, Promise<unknown>>();

/** The feature, injecting its script first if this page has not loaded it yet. */
export function loadFeature<N extends FeatureName>(name: N): Promise<Features[N]> {
  const ready = registry()[name];
  if (ready) return Promise.resolve(ready as Features[N]);
  let p = pending.get(name) as Promise<Features[N]> | undefined;
  if (!p) {
    p = new Promise<Features[N]>((resolve, reject) => {
      const r = registry();
      const waiting: Record<string, (() => void)[]> = (r.waiting ??= {});
      (waiting[name] ??= []).push(() => resolve(r[name] as Features[N]));
      call('loadFeature', { name }).catch((err: Error) => {
        pending.delete(name);
        reject(err);
      });
    });
    pending.set(name, p);
  }
  return p;
}
