/**
 * The reply clock: how long the open buyer has waited since their oldest unanswered message (from
 * the message times the adapter reads), coloured at the platform's thresholds; the buyers waiting
 * longest (等待中, click to switch where the console allows); and, when the shop's reply appears,
 * the wait is reported for the day's first-response figures (a conversation hash and two times,
 * no buyer data). No polling: the page is re-read when the DOM changes; one timer runs only while
 * a buyer waits (the open one or one in the list), for the visible count.
 */
import type { PanelFeature } from '../page-feature';
import { Store } from '../store';
import { call } from '../../messaging/client';
import { observeDom } from '../../sites/observe';
import { waitingSince } from '../../domain/clock/wait';
import type { ClockPlatform } from '../../domain/clock/types';
import { fnv1a } from '../../domain/hash';
import { ReplyClock, type ClockUiState } from '@/components/panel/ReplyClock';
import { t } from '../../i18n';

const MESSAGES_READ = 50;

export const replyClock: PanelFeature = {
  name: 'reply-clock',
  init({ controller, adapter, doc, addSection }, signal) {
    const platform = adapter.platform as ClockPlatform;
    const ui = new Store<ClockUiState>({ platform, since: null, now: Date.now(), waiting: [], canOpen: !!adapter.openConversation, hint: null });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: { conversation: string; since: number } | null = null;

    const tick = () => {
      clearTimeout(timer);
      timer = undefined;
      if (signal.aborted || !someoneWaits()) return;
      const now = Date.now();
      ui.set({ now });
      timer = setTimeout(tick, 1000 - (now % 1000) + 5);
    };
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });

    const someoneWaits = () => ui.get().since !== null || ui.get().waiting.length > 0;
    /** Starts the one countdown timer if a buyer waits and it is not running. */
    const ensureTicking = () => {
      if (timer === undefined && someoneWaits()) tick();
    };

    const conversationKey = () => adapter.readBuyerIdentity?.(doc)?.id ?? controller.store.get().buyer ?? '';

    const readWaiting = () =>
      (adapter.readWaiting?.(doc) ?? []).filter((w) => Number.isFinite(w.since)).sort((a, b) => a.since - b.since);

    const read = () => {
      if (controller.store.get().pageKind !== 'chat') {
        last = null;
        if (ui.get().since !== null) ui.set({ since: null });
        return;
      }
      const messages = adapter.readMessages(doc, MESSAGES_READ);
      const since = waitingSince(messages);
      const conversation = conversationKey();
      // The shop answered the buyer we saw waiting: report the wait (first response of the day counts).
      if (last && last.conversation === conversation && (since === null || since > last.since)) {
        const reply = messages.find((m) => m.from === 'agent' && typeof m.at === 'number' && m.at >= last!.since);
        const at = Math.min(Date.now(), reply?.at ?? Date.now());
        if (conversation && at >= last.since) {
          void call('recordAnsweredWait', { platform, conversation: fnv1a(`${platform}\u0000${conversation}`), since: last.since, at }).catch(() => {});
        }
      }
      last = since !== null && conversation ? { conversation, since } : null;
      ui.set({ since, now: Date.now(), waiting: readWaiting(), hint: null });
      ensureTicking();
    };

    controller.onPageRead(() => {
      if (!signal.aborted) read();
    });
    // Other conversations' waits change in the list without the open conversation changing.
    if (adapter.readWaiting) {
      observeDom(
        doc,
        signal,
        () => {
          ui.set({ waiting: readWaiting(), now: Date.now() });
          ensureTicking();
        },
        { key: () => JSON.stringify(readWaiting()) },
      );
    }

    const open = (buyer: string) => {
      const ok = adapter.openConversation?.(doc, buyer) ?? false;
      ui.set({ hint: ok ? null : t('clock.cannotOpen') });
    };
    addSection({ name: 'reply-clock', slot: 'chat', order: 5, component: () => <ReplyClock store={ui} open={open} /> });
  },
};
