/**
 * CSS for the remark components. The panel lives in a shadow root, so the host adds this string
 * to its <style>; nothing here is global. Every class carries the kf-rm- prefix.
 */
import { FONT_EN, FONT_ZH } from '../fonts';

export const REMARK_CSS = `
.kf-rm { font: 13px/1.5 ${FONT_ZH}; color: #1f2329; display: flex; flex-direction: column; gap: 8px; }
.kf-rm:lang(en) { font-family: ${FONT_EN}; }
.kf-rm h3, .kf-rm h4 { margin: 0; font-size: 13px; font-weight: 600; }
.kf-rm-meaning { color: #4e5969; font-size: 12px; margin: 0; }
.kf-rm-flag { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.kf-rm-flag-gray { background: #9ca3af; } .kf-rm-flag-red { background: #ef4444; } .kf-rm-flag-yellow { background: #eab308; }
.kf-rm-flag-green { background: #22c55e; } .kf-rm-flag-blue { background: #3b82f6; } .kf-rm-flag-purple { background: #a855f7; }
.kf-rm-field { display: flex; flex-direction: column; gap: 2px; }
.kf-rm-field > span { font-size: 12px; color: #4e5969; }
.kf-rm-req { color: #dc2626; margin-left: 2px; }
.kf-rm-help { font-size: 11px; color: #646a73; }
.kf-rm input, .kf-rm select, .kf-rm textarea { font: inherit; padding: 4px 8px; border: 1px solid #c9cdd4; border-radius: 6px; background: #fff; color: inherit; min-width: 0; }
.kf-rm input:focus, .kf-rm select:focus, .kf-rm textarea:focus { outline: 2px solid #ffb27a; border-color: #e85d04; }
.kf-rm-money { display: flex; align-items: center; gap: 4px; }
.kf-rm-money input { flex: 1; }
.kf-rm-preview { background: #f7f8fa; border: 1px dashed #c9cdd4; border-radius: 6px; padding: 6px 8px; white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.5em; }
.kf-rm-preview-empty { color: #646a73; }
.kf-rm-meta { display: flex; justify-content: space-between; gap: 8px; font-size: 12px; color: #646a73; }
.kf-rm-over { color: #dc2626; font-weight: 600; }
.kf-rm-problems { margin: 0; padding: 6px 8px 6px 22px; background: #fef2f2; color: #991b1b; border-radius: 6px; font-size: 12px; }
.kf-rm-notice { margin: 0; padding: 6px 8px; background: #fffbeb; color: #92400e; border-radius: 6px; font-size: 12px; }
.kf-rm-notice .kf-link { padding: 0; text-align: left; text-decoration: underline; font: inherit; }
.kf-rm-drop { display: flex; flex-direction: column; gap: 4px; padding: 6px 8px; border: 1px solid #fde68a; border-radius: 6px; font-size: 12px; }
.kf-rm-drop-lines { margin: 0; padding-left: 20px; color: #4e5969; word-break: break-all; }
.kf-rm-ok { margin: 0; padding: 6px 8px; background: #f0fdf4; color: #166534; border-radius: 6px; font-size: 12px; }
.kf-rm-btn { border: 1px solid #c2410c; background: #c2410c; color: #fff; border-radius: 6px; padding: 5px 12px; cursor: pointer; font: inherit; }
.kf-rm-btn:disabled { background: #f2f3f5; border-color: #e5e6eb; color: #c9cdd4; cursor: not-allowed; }
.kf-rm-btn-quiet { background: #fff; color: #4e5969; border-color: #c9cdd4; }
.kf-rm-row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.kf-rm-table { width: 100%; border-collapse: collapse; font-size: 12px; }
.kf-rm-table th { text-align: left; color: #646a73; font-weight: 600; padding: 2px 4px; }
.kf-rm-table td { padding: 2px 4px; }
.kf-rm-table input[type="text"] { width: 100%; box-sizing: border-box; }
.kf-rm-icon { border: 0; background: transparent; cursor: pointer; padding: 2px 4px; color: #4e5969; border-radius: 4px; font: inherit; }
.kf-rm-icon:hover { background: #f2f3f5; }
`;
