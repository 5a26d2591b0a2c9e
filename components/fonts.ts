/**
 * The font stacks of every surface (panel, card frame, popup, options, side panel). Chinese first
 * for the Chinese interface: a CJK font draws “” and ’ full-width, as Chinese text sets them. In
 * English those same code points drawn by the CJK font left a full-width gap ("buyer’ s", QA pass I,
 * defect 8), so an English interface (`:lang(en)`, set on each surface's root) names Latin fonts
 * first — macOS, Windows, then Arial (Linux: its metric twin Liberation Sans) — and the CJK ones after, for the
 * shop's own Chinese text (buyers' names, replies) shown in it.
 */
export const FONT_ZH = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif';
export const FONT_EN = `-apple-system, "Segoe UI", Arial, ${FONT_ZH}`;
