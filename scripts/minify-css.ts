/**
 * Build step: the panel's CSS (components/panelStyles.ts) lives in a template literal that esbuild
 * keeps byte for byte, and every seller page downloads it in content.js (size budget in README).
 * Whitespace that carries no meaning goes at build time; the source stays readable.
 */
import type { Plugin } from 'vite';

/**
 * CSS without the whitespace around `{ } ; , >`, after a colon, or before a closing brace's last `;`.
 * A space before a colon is kept (`.a :focus` is a descendant selector); values keep their inner
 * spaces (`12px 6px`); `${…}` placeholders pass through untouched (no whitespace inside them).
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/** Minifies the template literal `PANEL_CSS = \`…\`` of components/panelStyles.ts in the bundle. */
export function minifyPanelCss(): Plugin {
  return {
    name: 'kf-minify-panel-css',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/components/panelStyles.ts')) return null;
      return { code: code.replace(/(PANEL_CSS = `)([^`]*)`/, (_, head: string, css: string) => `${head}${minifyCss(css)}\``), map: null };
    },
  };
}
