import { describe, expect, it } from 'vitest';
import { minifyCss } from './minify-css';
import { PANEL_CSS } from '../components/panelStyles';

/**
 * Each rule as a browser reads it, written out independently of the minifier: its selectors, where
 * a space is the descendant combinator (`.kf-head strong` is not `.kf-headstrong`, `.a .b` is not
 * `.a.b`) and only the spaces around `>`, `+`, `~` mean nothing; its declarations, name and value,
 * where a space separates values (`12px 6px`) and only the spaces after a comma mean nothing.
 * Comparing with all whitespace stripped let a minifier that dropped a descendant space pass.
 */
function rules(css: string) {
  const collapse = (x: string) => x.trim().replace(/\s+/g, ' ');
  return css
    .split('}')
    .filter((rule) => rule.trim())
    .map((rule) => {
      const [head, body = ''] = rule.split('{');
      return {
        selectors: head!.split(',').map((sel) => collapse(sel).replace(/ ?([>+~]) ?/g, '$1')),
        declarations: body
          .split(';')
          .filter((d) => d.trim())
          .map((d) => [collapse(d.slice(0, d.indexOf(':'))), collapse(d.slice(d.indexOf(':') + 1)).replace(/, /g, ',')]),
      };
    });
}

describe('the panel CSS as shipped', () => {
  it('drops only meaningless whitespace', () => {
    expect(minifyCss('\n.a , .b > .c { padding: 12px 6px;\n  font: 13px/1.5 ${X}; }\n.d :focus { color: #fff; }\n')).toBe(
      '.a,.b>.c{padding:12px 6px;font:13px/1.5 ${X}}.d :focus{color:#fff}',
    );
  });

  it('keeps every rule of the panel CSS (same selectors and declarations, in order)', () => {
    expect(rules(minifyCss(PANEL_CSS))).toEqual(rules(PANEL_CSS));
    expect(minifyCss(PANEL_CSS).length).toBeLessThan(PANEL_CSS.length * 0.9);
  });
});
