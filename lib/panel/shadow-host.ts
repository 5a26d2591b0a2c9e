/**
 * The panel's place in the host page: a `<kf-panel>` element appended to the body, with a closed
 * shadow root holding `<html><head><style>…</style></head><body>` (the same structure, reset and
 * CSS scoping as WXT's createShadowRootUi, which also brought its mount helpers — anchor waiting,
 * auto-mount, options merging: ~3.7 KB gzipped — into every seller page's content script for a
 * panel that is always appended to the body at once).
 */
export interface ShadowHost {
  /** The element to render into (the shadow tree's body). */
  container: HTMLElement;
  remove(): void;
}

export function mountShadowHost(doc: Document, name: string, css: string): ShadowHost {
  const host = doc.createElement(name);
  // Closed: the page's own scripts get no shadowRoot to read the panel through.
  const shadow = host.attachShadow({ mode: 'closed' });
  const html = doc.createElement('html');
  const head = doc.createElement('head');
  const style = doc.createElement('style');
  // The host page's inherited styles stop at the host (as in WXT's reset).
  style.textContent = `:host{all:initial !important;}\n${css}`;
  head.append(style);
  const body = doc.createElement('body');
  html.append(head, body);
  shadow.append(html);
  doc.body.append(host);
  return { container: body, remove: () => host.remove() };
}
