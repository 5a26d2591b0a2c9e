import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { registerMessages, setLocale, t, type Locale } from '@/lib/i18n';
import { fillPromptMessages } from '@/lib/i18n/messages/fill-prompt';
import { replyRowMessages } from '@/lib/i18n/messages/reply-rows';
import { call } from '@/lib/messaging/client';
import { parseClock } from '@/lib/domain/time-words';
import type { PanelController, PendingFill } from '@/lib/panel/controller';
import { PastCutoff } from './PastCutoff';
import { FILL_CSS } from './fillStyles';

registerMessages(fillPromptMessages);
registerMessages(replyRowMessages);

export interface FillPromptProps {
  pending: PendingFill;
  /** The panel's fill-in actions (lib/panel/controller.ts). */
  panel: Pick<PanelController, 'updateFill' | 'confirmFill' | 'cancelFill' | 'preview'>;
  /** The panel's language (the feature script's strings are its own copy). */
  locale: Locale;
}

/**
 * Asks for the fill-ins a template needs ({尺码?}, {单号?}) before inserting it. In the suggest
 * feature script (entrypoints/suggest-feature.ts), not content.js: there are fill-ins to ask for only
 * once a reply has been rendered, and the renderer comes with that script; so the form is there the
 * moment it is needed. Its own Preact tree inside the panel (drawFillPrompt).
 */
export function FillPrompt({ pending, panel }: FillPromptProps) {
  const first = useRef<HTMLInputElement>(null);
  // The first fill-in takes the focus as the form appears, whatever opened it (a click, Alt+1…9,
  // `/code`): else the agent's typing stays in the chat box and Enter sends it to the buyer.
  // (autoFocus does nothing in the panel's shadow root.) A new form has a new `missing` list;
  // typing in a field keeps it. Layout effect: before the agent's next key press is handled.
  // Selected: a value read from the buyer's messages is replaced by the first key the agent types.
  useLayoutEffect(() => {
    first.current?.focus();
    first.current?.select();
  }, [pending.missing]);
  // A cut-off typed that does not read as a time (parseClock: 14:00, 下午2点, 2pm) fills in no
  // shipping day: said at once, and counted as unfilled, so the reply does not go in with {发货日} by one Enter.
  const cutoffName = pending.missing.find((name) => /^(截单时间|cutoff)$/i.test(name));
  const typedCutoff = cutoffName ? (pending.fills[cutoffName] ?? '').trim() : '';
  const cutoffUnread = typedCutoff !== '' && parseClock(typedCutoff) === null;
  const empty = pending.missing.filter((name) => !(pending.fills[name] ?? '').trim() || (cutoffUnread && name === cutoffName));
  const heading = t('panel.fillTitle', { title: pending.template.title });
  return (
    <form
      class="kf-fill"
      data-kf="fill"
      role="dialog"
      aria-label={heading}
      onSubmit={(e) => {
        e.preventDefault();
        panel.confirmFill();
      }}
      onKeyDown={(e) => {
        // A held Enter would answer the empty-fill-in warning the first Enter brought up: inserted unread.
        if (e.key === 'Enter' && e.repeat) e.preventDefault();
        else if (e.key === 'Escape' && !e.isComposing) panel.cancelFill();
      }}
    >
      <style>{FILL_CSS}</style>
      <p>{heading}</p>
      {panel.preview(pending.template)?.pastCutoff && <PastCutoff />}
      {pending.missing.map((name, i) => (
        <label class="kf-field">
          <span>{name}</span>
          <input
            data-kf="fill-input"
            data-name={name}
            value={pending.fills[name] ?? ''}
            ref={i ? undefined : first}
            onInput={(e) => panel.updateFill(name, (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
      ))}
      {/* {店铺} / {客服} (and aliases, lib/domain/templates/variables.ts) come from the settings: asked
          here on every reply until set there. */}
      {pending.missing.some((name) => /^(店铺|客服|shop|agent)$/i.test(name)) && (
        <button type="button" class="kf-link" data-kf="fill-open-settings" onClick={() => call('openOptions', { tab: 'shop' }).catch(() => {})}>
          {t('panel.setNamesInOptions')}
        </button>
      )}
      {/* 截单时间 is asked only while the owner has not confirmed the shop's cut-off (RenderContext.cutoffUnconfirmed). */}
      {cutoffUnread && (
        <p class="kf-notice kf-warn" role="alert" data-kf="fill-cutoff-unread">
          {t('panel.cutoffUnread', { value: typedCutoff })}
        </p>
      )}
      {cutoffName && (
        <p class="kf-notice" data-kf="fill-cutoff-unconfirmed">
          {t('panel.cutoffUnconfirmed')}{' '}
          <button type="button" class="kf-link" data-kf="fill-confirm-cutoff" onClick={() => call('openOptions', { tab: 'shop' }).catch(() => {})}>
            {t('panel.confirmCutoffInOptions')}
          </button>
        </p>
      )}
      {pending.warned && empty.length > 0 && (
        <p class="kf-notice kf-warn" data-kf="fill-warning">
          {t('panel.unfilledWarning', { names: empty.map((n) => `{${n}}`).join(' ') })}
        </p>
      )}
      <div class="kf-actions">
        <button type="submit" class="kf-primary" data-kf="fill-ok">
          {pending.warned && empty.length ? t('panel.insertAnyway') : pending.mode === 'insert' ? t('panel.insert') : t('panel.copy')}
        </button>
        <button type="button" onClick={() => panel.cancelFill()}>
          {t('panel.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Draws the form into `container` (again on each call, with the pending fill-in as it is now: the
 * same tree, so a field keeps its focus and caret); returns the unmount function.
 */
export function drawFillPrompt(container: HTMLElement, props: FillPromptProps): () => void {
  setLocale(props.locale);
  render(<FillPrompt {...props} />, container);
  return () => render(null, container);
}
