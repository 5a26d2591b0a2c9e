import { useEffect, useState } from 'preact/hooks';
import { atTime, type Zone } from '@/lib/domain/time';
import { emptyRemarkNote } from '@/lib/domain/remarks';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { remarks } from '@/lib/i18n/messages/remarks';
import { remarksPanel } from '@/lib/i18n/messages/remarks-panel';
import { ruleText } from '@/lib/i18n/messages/remarks-presets';
import type { RemarkController, RemarkState } from '@/lib/panel/remarks';
import { RemarkForm } from './RemarkForm';
import { RemarkCheck } from './RemarkCheck';
import { useRemarkState, useRemarks } from './RemarkContext';

registerMessages(remarks);
registerMessages(remarksPanel);

/**
 * The panel's section on order pages. With a remark box open: what the flag requires, the form that
 * writes the remark, and the live check of what is in the box. Otherwise: the remarks on this page
 * that break the rules. Order ids, buyers and remarks come from the page: rendered as text only.
 */
export function RemarkPanel(props: RemarkBoxProps = {}) {
  const ctl = useRemarks();
  return ctl ? <RemarkSection ctl={ctl} {...props} /> : null;
}

export interface RemarkBoxProps {
  /**
   * The console's adapter finds no remark box (JD's order list: findsRemarkBox): the panel says it
   * only checks the remarks already on the orders, never that it will write one when a box opens.
   */
  noBox?: boolean;
  /** Teaches the page its remark box (the teach picker, its remark-box step only). */
  onTeach?: () => void;
}

function RemarkSection({ ctl, ...box }: { ctl: RemarkController } & RemarkBoxProps) {
  const s = useRemarkState(ctl);
  return (
    <section class="kf-remarks" data-kf="remarks">
      <h3>{t('remarks.panel.heading')}</h3>
      {s.error && <p class="kf-rm-notice" data-kf="remark-error">{s.error}</p>}
      {s.notice && (
        <p class={s.notice.kind === 'info' ? 'kf-rm-ok' : 'kf-rm-notice'} role="status" data-kf="remark-notice">
          {s.notice.text}
        </p>
      )}
      {s.unrecorded && (
        <div class="kf-rm-notice" role="alert" data-kf="remark-unrecorded" data-count={s.unrecorded.count}>
          <p>{t('remarks.panel.unrecorded', { reason: s.unrecorded.reason })}</p>
          {/* Without it a 重试 that failed again leaves the panel as it was, like a click that did nothing. */}
          {s.unrecorded.tries > 1 && <p data-kf="remark-tries">{t('remarks.panel.unrecordedTries', { tries: s.unrecorded.tries })}</p>}
          <button type="button" data-kf="remark-retry" onClick={() => void ctl.retryUnrecorded()}>
            {t('remarks.panel.retry')}
          </button>
        </div>
      )}
      {s.editor && s.ruleSet ? <OpenBox ctl={ctl} s={s} /> : <Lint ctl={ctl} s={s} {...box} />}
    </section>
  );
}

function OpenBox({ ctl, s }: { ctl: RemarkController; s: RemarkState }) {
  const ed = s.editor!;
  const ruleSet = s.ruleSet!;
  const [now, refresh] = useShopDay(s.zone);
  const overrideApplies = ed.override && ed.override.text === ed.text && ed.override.flag === ed.flag;
  return (
    <div class="kf-rm" data-kf="remark-editor" data-order-id={ed.orderId} data-flag={ed.flag ?? 'unread'}>
      <p class="kf-rm-meaning">
        <span data-kf="remark-order">{t('remarks.panel.order', { orderId: ed.orderId })}</span>
        {ed.buyer && <span> · {ed.buyer}</span>}
        <span> · {t('remarks.panel.rules', { name: ruleText(ruleSet.name) })}</span>
      </p>
      {/* A link, not only words: a new agent cannot sign a remark until they find that field. */}
      {!s.agent.trim() && (
        <p class="kf-rm-notice" data-kf="remark-no-agent">
          <button type="button" class="kf-link" data-kf="remark-no-agent-open" onClick={() => ctl.openSettings()}>
            {t('remarks.panel.noAgent')}
          </button>
        </p>
      )}
      <RemarkForm
        key={`${ed.orderId}:${ed.flag}${ed.left ? ':left' : ''}`}
        {...(ed.left ? { initial: ed.left } : {})}
        ruleSet={ruleSet}
        flag={ed.flag}
        {...(ed.status ? { status: ed.status } : {})}
        platform={s.platform}
        agent={s.agent}
        now={now}
        clock={Date.now}
        onStale={refresh}
        zone={s.zone}
        noShip={s.noShip}
        previousRemark={ed.text}
        boxChanged={ed.text !== (ed.written ?? ed.original)}
        {...(ed.boxMax ? { boxMax: ed.boxMax } : {})}
        onUseText={(text, _line, basedOn) => void ctl.useText(text, basedOn)}
      />
      {/* What the box holds, whoever wrote it (the form's line, a colleague's, one typed by hand). */}
      <h4>{t('remarks.panel.boxCheck')}</h4>
      {ed.held && ed.problems.length > 0 && (
        <p class="kf-rm-problems" role="alert" data-kf="remark-held">
          {t('remarks.panel.held')}
        </p>
      )}
      {overrideApplies && ed.problems.length > 0 ? (
        <p class="kf-rm-notice" data-kf="remark-override-ready">{t('remarks.panel.overrideReady', { reason: ed.override!.reason })}</p>
      ) : (
        <RemarkCheck
          key={ed.orderId}
          problems={ed.problems}
          empty={ed.flag && emptyRemarkNote(ed.text, ruleSet, ed.flag)}
          onOverride={(reason) => ctl.overrideAndSave(reason)} />
      )}
    </div>
  );
}

/**
 * The moment the form's preview is drawn for, drawn anew at the shop's midnight (and on `refresh`):
 * a remark line carries the date it is written into the box (RemarkForm's 使用), so a box opened
 * at 23:59 and used after midnight shows and writes the new day. Only the date is shown, so
 * nothing changes in between.
 */
function useShopDay(zone: Zone): [number, () => void] {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setTimeout(() => setNow(Date.now()), Math.max(1000, atTime(now, 0, zone, 1) - Date.now()));
    return () => clearTimeout(timer);
  }, [now, zone]);
  return [now, () => setNow(Date.now())];
}

function Lint({ ctl, s, noBox, onTeach }: { ctl: RemarkController; s: RemarkState } & RemarkBoxProps) {
  const en = getLocale() === 'en';
  const { unread, checked } = s;
  const allRead = !unread.flag && !unread.remark && !unread.orders;
  return (
    <div class="kf-rm" data-kf="remark-lint-summary">
      {/* What could not be read is said first, and no "all fine" is claimed over it. */}
      {unread.orders > 0 && (
        <p class="kf-rm-notice" data-kf="remark-unread" data-part="orders" data-count={unread.orders}>
          {t('remarks.panel.unreadOrders', { count: unread.orders, shown: s.shown })}
        </p>
      )}
      {(['flag', 'remark'] as const).map(
        (part) =>
          unread[part] > 0 && (
            <p class="kf-rm-notice" data-kf="remark-unread" data-part={part} data-count={unread[part]}>
              {t(part === 'flag' ? 'remarks.panel.unreadFlag' : 'remarks.panel.unreadRemark', { count: unread[part] })}
            </p>
          ),
      )}
      {s.lint.length > 0 ? (
        <>
          <p class="kf-rm-notice" data-kf="remark-lint-count" data-count={s.lint.length} data-checked={checked}>
            {t('remarks.panel.lintCount', { count: s.lint.length, checked })}
          </p>
          <p class="kf-rm-help">{t('remarks.panel.lintHint')}</p>
          <ul class="kf-list" data-kf="remark-lint-list">
            {s.lint.map((l) => (
              <li key={l.orderId} data-order-id={l.orderId}>
                <button type="button" class="kf-link" data-kf="remark-lint-order" onClick={() => ctl.scrollToOrder(l.orderId)}>
                  {l.orderId}
                </button>
                <span class="kf-rm-help">{en ? l.problems[0]?.messageEn : l.problems[0]?.message}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        // "All fine" only over a page read whole; otherwise what was checked, and nothing about the rest.
        s.ruleSet && (
          <p class={allRead && checked ? 'kf-rm-ok' : 'kf-rm-help'} data-kf="remark-lint-count" data-count="0" data-checked={checked}>
            {t(!checked ? 'remarks.panel.lintNothing' : allRead ? 'remarks.panel.lintNone' : 'remarks.panel.lintChecked', { checked })}
          </p>
        )
      )}
      {noBox ? (
        <div class="kf-rm-help" data-kf="remark-no-box">
          <p>{t('remarks.panel.noBox')}</p>
          {onTeach && (
            <button type="button" class="kf-link" data-kf="remark-teach" onClick={onTeach}>
              {t('remarks.panel.teachBox')}
            </button>
          )}
        </div>
      ) : (
        <p class="kf-rm-help">{t('remarks.panel.noEditor')}</p>
      )}
    </div>
  );
}
