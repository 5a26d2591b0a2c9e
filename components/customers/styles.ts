import { FIELD_CSS } from '../fieldStyles';

/**
 * The buyer card's CSS (with its clock, CardClock), added to the panel's in the card frame only (entrypoints/card/).
 * A fact (备注, 偏好 …) scrolls in its own box past 160 px, as the history does past 120: the card frame keeps its
 * card's whole height in the panel (components/panelStyles.ts), and a note of thousands of characters made the card
 * many screens tall, its 编辑 button scrolled far from the note (seen 2026-12-06, card-whole-texts.e2e).
 */
export const CUSTOMER_CSS = `
${FIELD_CSS}
.kf-cc { background: #fcfcfd; }
.kf-cc-head { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
.kf-cc-spacer { flex: 1; }
.kf-seg { border-radius: 4px; padding: 0 6px; font-size: 12px; font-weight: 600; background: #f2f3f5; color: #4e5969; }
.kf-seg-vip { background: #fef3c7; color: #92400e; }
.kf-seg-returning { background: #e0f2fe; color: #075985; }
.kf-seg-difficult { background: #fee2e2; color: #991b1b; }
.kf-cc-tag { border: 1px solid #e5e6eb; border-radius: 999px; padding: 0 8px; font-size: 12px; color: #4e5969; word-break: break-all; }
.kf-cc-orders { font-size: 12px; margin: 0 0 0 4px; }
.kf-cc-facts { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 6px 0; font-size: 12px; }
.kf-cc-facts dt { color: #646a73; }
.kf-cc-facts dd { margin: 0; white-space: pre-wrap; word-break: break-word; max-height: 160px; overflow-y: auto; }
.kf-cc-history { list-style: none; margin: 4px 0; padding: 0; font-size: 12px; max-height: 120px; overflow-y: auto; }
.kf-cc-history li { display: flex; gap: 6px; padding: 1px 0; }
/* The date and the kind keep their width; only the text wraps (a long note squeezed the date to "12-\n02"). */
.kf-cc-history time { flex: none; white-space: nowrap; color: #646a73; font: 11px ui-monospace, monospace; padding-top: 1px; }
.kf-cc-kind { flex: none; color: #c2410c; white-space: nowrap; }
.kf-cc-text { min-width: 0; white-space: pre-wrap; word-break: break-word; }
/* The buyer's open follow-ups (CardFollowups): the due time after the text, red once overdue. */
.kf-cc-fu .kf-cc-text { flex: 1; }
.kf-cc-history time.kf-cc-fu-overdue { color: #b91c1c; }
.kf-cc-quick { display: flex; gap: 6px; margin-top: 6px; }
.kf-cc-quick .kf-search { flex: 1; }
.kf-cc-error, .kf-cc-slow { color: #991b1b; background: #fef2f2; border-radius: 4px; padding: 4px 8px; margin: 4px 0; font-size: 12px; }
/* A save still waiting for the background: a warning, not an error (nothing failed, nothing is lost). */
.kf-cc-slow { color: #92400e; background: #fffbeb; }
.kf-cc-select { display: flex; flex-wrap: wrap; align-items: center; margin-top: 6px; }
.kf-cc-select .kf-chip:disabled { opacity: .45; cursor: default; }
.kf-cc-pending { margin-top: 6px; padding: 6px 8px; background: #fffaf5; border: 1px solid #ffd8b8; border-radius: 6px; font-size: 12px; }
.kf-cc-pending p { margin: 0 0 4px; }
.kf-warn-text { color: #92400e; }
.kf-cc-edit { margin-top: 6px; }
.kf-cc-old { font-size: 12px; }
.kf-cc-old .kf-link { padding: 0 0 0 6px; }
.kf-cc-old-view { margin: 4px 0; padding: 2px 8px; border-left: 2px solid #e5e6eb; }
.kf-clock-pill { border-radius: 999px; padding: 1px 10px; font-size: 12px; font-weight: 600; background: #ecfdf5; color: #047857; }
.kf-clock-pill[data-level="amber"] { background: #fffbeb; color: #b45309; }
.kf-clock-pill[data-level="red"] { background: #fef2f2; color: #b91c1c; }
.kf-clock-pill[data-level="answered"] { background: #f2f3f5; color: #646a73; font-weight: 400; }
`;
