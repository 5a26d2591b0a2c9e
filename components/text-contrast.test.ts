/**
 * Grey text (labels, hints, empty states, the key help) is read all day at 11–13 px: it must reach
 * 4.5:1 (WCAG AA, normal text) on every surface it is drawn on. QA measured 3.06–3.50:1 for
 * #86909c on the panel, the card and the popup. Checked on the stylesheets themselves: every rule
 * whose text colour is a grey, against its own background when it sets one, else against each
 * surface of that page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PANEL_CSS } from './panelStyles';
import { CUSTOMER_CSS } from './customers/styles';
import { REMARK_CSS } from './remarks/styles';

const file = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** Each page's CSS and the backgrounds its text sits on (white, the header, chip list, fill-in box, card, the options page). */
const SHEETS: Record<string, { css: string; surfaces: string[] }> = {
  panel: { css: PANEL_CSS, surfaces: ['#ffffff', '#fff7f0', '#fafafa', '#fffaf5'] },
  card: { css: PANEL_CSS + CUSTOMER_CSS, surfaces: ['#ffffff', '#fcfcfd', '#fffaf5'] },
  remarks: { css: REMARK_CSS, surfaces: ['#ffffff', '#f7f8fa'] },
  popup: { css: file('../entrypoints/popup/style.css'), surfaces: ['#ffffff'] },
  options: { css: file('../entrypoints/options/style.css'), surfaces: ['#ffffff', '#f7f8fa'] },
  sidepanel: { css: file('../entrypoints/sidepanel/style.css'), surfaces: ['#ffffff'] },
};

const rgb = (hex: string): number[] => {
  const h = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c).slice(1) : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
};
const luminance = (hex: string) =>
  rgb(hex)
    .map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};
/** Grey text: a neutral colour (channels within 24 of each other: #646a73, not #c2410c) darker than white. */
const isGrey = (hex: string) => Math.max(...rgb(hex)) - Math.min(...rgb(hex)) <= 24 && Math.max(...rgb(hex)) < 224;

/** `selector → [colour, background?]` for every rule that sets a grey text colour. */
function greyText(css: string): { selector: string; color: string; background?: string }[] {
  const out = [];
  for (const [, selector, body] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const color = body!.match(/(?:^|[;\s])color:\s*(#[0-9a-f]{3,6})\b/i)?.[1];
    const background = body!.match(/background(?:-color)?:\s*(#[0-9a-f]{3,6})\b/i)?.[1];
    // A disabled control is exempt (WCAG 1.4.3): it says "not now" by being faint.
    if (color && isGrey(color) && !/:disabled/.test(selector!)) out.push({ selector: selector!.trim(), color, background });
  }
  return out;
}

describe('grey text contrast', () => {
  for (const [page, { css, surfaces }] of Object.entries(SHEETS)) {
    it(`reaches 4.5:1 on every surface of the ${page}`, () => {
      const low = greyText(css).flatMap(({ selector, color, background }) =>
        (background ? [background] : surfaces).filter((bg) => contrast(color, bg) < 4.5).map((bg) => `${selector}: ${color} on ${bg} = ${contrast(color, bg).toFixed(2)}`),
      );
      expect(low).toEqual([]);
    });
  }

  it('covers the labels, hints and empty states QA measured', () => {
    const checked = (css: string) => greyText(css).map((r) => r.selector);
    // 买家 / 等待中 / 识别 / 推荐话术, 依据买家最近 3 条消息, 匹配：…, the key hint, 还没有记录…, 选中文字存为：
    expect(checked(PANEL_CSS)).toEqual(expect.arrayContaining(['.kf-label', 'h3', '.kf-basis summary', '.kf-reason', '.kf-foot', '.kf-muted']));
    // 时间均为北京时间, 今天还没有记录到回复。, ↑↓ 选择 · Enter 打开 …
    expect(checked(SHEETS.popup!.css)).toEqual(expect.arrayContaining(['.kf-zone', '.kf-muted, .kf-keys']));
  });

  it('keeps the hierarchy: secondary text lighter than body text', () => {
    const label = greyText(PANEL_CSS).find((r) => r.selector === '.kf-label')!.color;
    expect(contrast(label, '#ffffff')).toBeLessThan(contrast('#1f2329', '#ffffff'));
    expect(contrast(label, '#ffffff')).toBeLessThan(contrast('#4e5969', '#ffffff'));
  });
});
