/**
 * The panel's CSS, injected into its shadow root (no global styles touch the host page). The buyer
 * card's own rules (components/customers/styles.ts) are not here: the card is drawn in its frame
 * (entrypoints/card/), which adds them; every seller page would otherwise download them for nothing.
 * Nor are the fill-in form's (components/fillStyles.ts), the page check's (components/PageCheck.tsx)
 * the guard's (components/panel/GuardPrompt.tsx) or the follow-up form's (components/panel/FollowupActions.tsx), which their feature scripts draw, for the same reason.
 * The card frame does not shrink (flex: none; a flex item is a block anyway): the panel is a column
 * that scrolls, and an iframe in it shrank to its default 150 px whenever the panel overflowed,
 * cutting off the card's history and follow-ups (seen 2026-12-06 at 1280×720 and 1400×900).
 * `overflow-wrap: anywhere` on the panel: a buyer's nickname, message or a reply filled with them can
 * be one unbroken run (120 letters, no spaces) wherever it is shown — header, notices, rows — and
 * must break inside the panel, not run past its edge; `anywhere` (not `break-word`) also lets flex
 * rows shrink around it.
 */
import { FONT_EN, FONT_ZH } from './fonts';

export const PANEL_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.kf-panel, .kf-tab { font: 13px/1.5 ${FONT_ZH}; color: #1f2329; }
:lang(en) { font-family: ${FONT_EN}; }
.kf-panel { position: fixed; top: 0; right: 0; bottom: 0; width: 340px; z-index: 2147483000; display: flex; flex-direction: column;
  background: #fff; border-left: 1px solid #e5e6eb; box-shadow: -4px 0 16px rgba(0,0,0,.06); overflow-y: auto;
  contain: strict; overflow-wrap: anywhere; }
.kf-tab { position: fixed; right: 0; top: 40%; z-index: 2147483000; writing-mode: vertical-rl; padding: 12px 6px; border: 0;
  border-radius: 8px 0 0 8px; background: #c2410c; color: #fff; cursor: pointer; font-weight: 600; }
.kf-head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 12px; background: #fff7f0; border-bottom: 1px solid #ffe1cc; position: sticky; top: 0; z-index: 1; }
.kf-head strong { color: #c2410c; margin-right: 4px; }
.kf-title { flex: 1; min-width: 9em; }
.kf-btns { display: flex; align-items: center; gap: 8px; margin-left: auto; }
.kf-site { display: inline-block; color: #646a73; font-size: 12px; }
.kf-icon { border: 0; background: transparent; cursor: pointer; font-size: 15px; padding: 2px 6px; color: #4e5969; border-radius: 4px; }
.kf-icon:hover { background: #f2f3f5; }
section { padding: 8px 12px; border-bottom: 1px solid #f2f3f5; }
h3 { margin: 0 0 6px; font-size: 12px; color: #646a73; font-weight: 600; }
.kf-label { color: #646a73; margin-right: 6px; font-size: 12px; }
.kf-buyer-name { font-weight: 600; }
.kf-card-frame { flex: none; width: 100%; border: 0; margin: 0; background: transparent; color-scheme: normal; }
.kf-muted { color: #646a73; margin: 4px 0; }
.kf-chip { border: 1px solid #ffb27a; background: #fff3e8; color: #c2410c; border-radius: 999px; padding: 1px 10px; margin: 2px 4px 2px 0; cursor: pointer; font-size: 12px; }
.kf-chip-menu { display: flex; flex-wrap: wrap; margin-top: 6px; padding: 6px; background: #fafafa; border-radius: 6px; }
.kf-chip-option { border-color: #e5e6eb; background: #fff; color: #1f2329; }
.kf-link { border: 0; background: none; color: #1d4ed8; cursor: pointer; font-size: 12px; padding: 0 4px; }
.kf-list { list-style: none; margin: 0; padding: 0; }
.kf-tpl { display: flex; align-items: flex-start; gap: 4px; margin: 4px 0; }
.kf-tpl-main { flex: 1; text-align: left; border: 1px solid #e5e6eb; background: #fff; border-radius: 6px; padding: 6px 8px; cursor: pointer; font: inherit; color: inherit; }
.kf-tpl-main:hover, .kf-marked .kf-tpl-main { border-color: #e85d04; background: #fffaf5; }
.kf-tpl-title { font-weight: 600; margin-right: 6px; }
.kf-tpl-body { color: #4e5969; font-size: 12px; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; white-space: pre-wrap; }
.kf-reason { display: block; color: #646a73; font-size: 11px; margin-top: 2px; }
.kf-kbd { font: 11px ui-monospace, monospace; background: #f2f3f5; border-radius: 3px; padding: 0 4px; margin-right: 6px; color: #4e5969; }
.kf-code { font: 11px ui-monospace, monospace; color: #7c3aed; margin-right: 4px; }
.kf-search { width: 100%; padding: 6px 10px; border: 1px solid #c9cdd4; border-radius: 6px; font: inherit; }
.kf-search:focus { outline: 2px solid #ffb27a; border-color: #e85d04; }
.kf-groups { display: flex; flex-wrap: wrap; gap: 4px; margin: 8px 0; }
.kf-group { border: 1px solid #e5e6eb; background: #fff; border-radius: 4px; padding: 1px 8px; cursor: pointer; font: inherit; font-size: 12px; }
.kf-group.kf-on { background: #c2410c; color: #fff; border-color: #c2410c; }
.kf-basis summary { cursor: pointer; color: #646a73; font-size: 12px; }
.kf-basis ol { margin: 4px 0; padding-left: 18px; }
.kf-notice { margin: 8px 12px; padding: 6px 10px; border-radius: 6px; display: flex; gap: 8px; justify-content: space-between; align-items: flex-start; }
.kf-notice>button { flex: none; }
.kf-info { background: #eff6ff; color: #1e3a8a; }
.kf-warn { background: #fffbeb; color: #92400e; }
.kf-error { background: #fef2f2; color: #991b1b; }
.kf-actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 6px; }
.kf-actions button, button.kf-primary { border: 1px solid #c9cdd4; background: #fff; border-radius: 4px; padding: 3px 12px; cursor: pointer; font: inherit; }
button.kf-primary { background: #c2410c; border-color: #c2410c; color: #fff; }
.kf-clock { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.kf-clock-item[data-level="amber"] { background: #fffbeb; color: #b45309; }
.kf-clock-item[data-level="red"] { background: #fef2f2; color: #b91c1c; }
.kf-clock-list { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; width: 100%; }
.kf-clock-item { border: 1px solid #e5e6eb; background: #fff; border-radius: 4px; padding: 0 6px; cursor: pointer; font: inherit; font-size: 12px; }
.kf-clock-buyer { max-width: 90px; display: inline-block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
.kf-foot { margin-top: auto; padding: 8px 12px; color: #646a73; font-size: 11px; border-top: 1px solid #f2f3f5; }
`;
