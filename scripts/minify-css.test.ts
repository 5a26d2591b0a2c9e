import { describe, expect, it } from 'vitest';
import { minifyCss } from './minify-css';
import { PANEL_CSS } from '../components/panelStyles';

describe('the panel CSS as shipped', () => {
  it('drops only meaningless whitespace', () => {
    expect(minifyCss('\n.a , .b > .c { padding: 12px 6px;\n  font: 13px/1.5 ${X}; }\n.d :focus { color: #fff; }\n')).toBe(
      '.a,.b>.c{padding:12px 6px;font:13px/1.5 ${X}}.d :focus{color:#fff}',
    );
  });

  it('keeps every rule of the panel CSS (same selectors and declarations, in order)', () => {
    const rules = (css: string) => css.replace(/\s+/g, '').split('}').map((r) => r.replace(/;$/, ''));
    expect(rules(minifyCss(PANEL_CSS))).toEqual(rules(PANEL_CSS).map((r) => r.replace(/;$/, '')));
    expect(minifyCss(PANEL_CSS).length).toBeLessThan(PANEL_CSS.length * 0.9);
  });
});
