import { BuyerTag } from './BuyerTag';
import { PageText } from '@/components/PageText';
import { useContext, useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { usePanel, usePanelState } from './PanelContext';
import { TemplateBrowser } from './TemplateBrowser';
import { getLocale, t } from '@/lib/i18n';
import { consoleName } from '@/lib/sites/names';
import { TeachContext } from '@/lib/teach/context';
import type { PendingFill } from '@/lib/panel/controller';
import { call } from '@/lib/messaging/client';

/**
 * Where the suggest feature script draws the fill-in form (components/FillPrompt.tsx). It is always
 * in by then: a reply has fill-ins to ask for only once that script's renderer has rendered it.
 * Drawn in a layout effect, so the form's first field has the focus before the next key press.
 */
function FillSlot(props: { pending: PendingFill }) {
  const panel = usePanel();
  const el = useRef<HTMLDivElement>(null);
  const unmount = useRef<(() => void) | null>(null);
  const locale = getLocale();
  useLayoutEffect(() => {
    if (panel.engine && el.current) unmount.current = panel.engine.fillPrompt(el.current, { pending: props.pending, panel, locale });
  }, [props.pending, locale]);
  useEffect(() => () => unmount.current?.(), []);
  return <div ref={el} style="display:contents" />;
}

/** The side panel on a console page: situation, suggestions, search and the whole library. */
export function Panel() {
  const panel = usePanel();
  const s = usePanelState();
  const who = s.pageKind === 'chat' ? s : s.orderBuyer;
  const searchRef = useRef<HTMLInputElement>(null);
  const startTeach = useContext(TeachContext);
  // The console changed and its chat box is gone: offer to teach the page again (copy keeps working).
  // So is a conversation whose messages can no longer be read, or an order page whose orders and remark box cannot.
  const pageChanged = (s.pageKind === 'chat' && (!s.inputFound || s.messagesUnread || s.buyerUnread)) || !!s.ordersUnread;
  const offerTeach = startTeach && pageChanged;

  // Alt+K: a layout effect, so the search box has focus before the agent's next key press is
  // handled (an effect ran a frame later and the first letters went into the chat box).
  useLayoutEffect(() => {
    if (s.focusSearchTick > 0) searchRef.current?.focus();
  }, [s.focusSearchTick]);

  if (s.collapsed) {
    return (
      // Named by what they do (the title alone loses to the content: ⟩ was read out as "⟩").
      <button class="kf-tab" data-kf="expand" title={(s.notice ? `${s.notice.text}\n` : '') + t('panel.expand')} aria-label={t('panel.expand')} onClick={() => panel.setCollapsed(false)}>
        {t('app.name')}
      </button>
    );
  }

  return (
    <aside class="kf-panel" data-kf="panel" lang={getLocale()} aria-label={t('app.name')}>
      <header class="kf-head">
        {/* The console's name goes under the product's when both do not fit on one line, never cut:
            an ellipsis hid all of it in English, and 快手's 未经实测 (its what-it-means on hover). */}
        <div class="kf-title">
          <strong>{t('app.name')}</strong>{' '}
          <span class="kf-site" title={s.siteName?.why && consoleName(s.siteName.why, getLocale())}>
            {s.siteName ? consoleName(s.siteName, getLocale()) : t('panel.noSite')}
          </span>
        </div>
        {/* One group: at the narrowest panel (260 px, beside a wide dialog) it goes whole under the names,
            which otherwise stood one word a line beside it. */}
        <div class="kf-btns">
          <button class="kf-link" data-kf="check-open" title={t('check.openHint')} onClick={() => panel.runPageCheck()}>
            {t('check.open')}
          </button>
          {/* The way to the settings (names, cut-off, rules) from where the agent works; through the worker:
              a content script cannot open the options page itself. */}
          <button class="kf-link" data-kf="open-settings" onClick={() => call('openOptions', { tab: 'shop' }).catch(() => {})}>
            {t('panel.settings')}
          </button>
          <button class="kf-icon" data-kf="collapse" title={t('panel.collapse')} aria-label={t('panel.collapse')} onClick={() => panel.setCollapsed(true)}>
            ⟩
          </button>
        </div>
      </header>
      {s.notice && (
        <div class={`kf-notice kf-${s.notice.kind}`} role="status" data-kf="notice">
          <span>{s.notice.text}</span>
          {pageChanged && (
            <button class="kf-link" data-kf="notice-check" onClick={() => panel.runPageCheck()}>
              {t('check.open')}
            </button>
          )}
          {offerTeach && (
            <button class="kf-link" data-kf="teach" onClick={() => startTeach()}>
              {t('teach.start')}
            </button>
          )}
          <button class="kf-link" onClick={() => panel.dismissNotice()}>
            {t('panel.dismiss')}
          </button>
        </div>
      )}
      {/* Whose card it is: the chat's buyer, or the one buyer an order's detail page names (its card below). */}
      {who && (
        <section class="kf-buyer" data-kf="buyer">
          <span class="kf-label">{t('panel.buyer')}</span>
          {/* Buyer nicknames come from the page: rendered as text, never HTML. */}
          <span class="kf-buyer-name" data-kf="buyer-name">{who.buyer ? <PageText text={who.buyer} /> : t(s.buyerUnread ? 'panel.buyerUnknown' : 'panel.noBuyer')}</span>
          <BuyerTag nickname={who.buyer} buyerId={who.buyerId} />
        </section>
      )}
      {s.pending && <FillSlot pending={s.pending} />}
      {/* The features' own sections (lib/panel/page-features/), in their order; the order sections also
          beside a chat that has a remark box (an order sidebar). */}
      {s.sections
        .filter((x) => x.slot === 'top' || (x.slot === 'chat' ? s.pageKind === 'chat' : s.pageKind.startsWith('order') || s.remarkEditor))
        .filter((x) => !x.when || x.when(s))
        .map((x) => (
          <x.component key={x.name} />
        ))}
      <TemplateBrowser searchRef={searchRef} />
      <footer class="kf-foot">{s.inputFound ? t('panel.keysHint') : t('panel.copyMode')}</footer>
    </aside>
  );
}
