// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PANEL_WIDTH_PX, reservePanelSpace } from './layout';

describe('reservePanelSpace', () => {
  it('narrows the page while open, leaves the style untouched when called again, and removes it when closed', async () => {
    reservePanelSpace(document, true);
    const style = document.getElementById('kf-layout')!;
    expect(style.textContent).toContain(`margin-right: ${PANEL_WIDTH_PX}px`);
    const seen: MutationRecord[] = [];
    const mo = new MutationObserver((r) => seen.push(...r));
    mo.observe(style, { childList: true, characterData: true, subtree: true });
    for (let i = 0; i < 5; i++) reservePanelSpace(document, true);
    await Promise.resolve();
    mo.disconnect();
    // The panel state changes many times per conversation switch: an unchanged rule is not rewritten
    // (a rewrite would make the page restyle and lay out everything again).
    expect(seen).toEqual([]);
    reservePanelSpace(document, false);
    expect(document.getElementById('kf-layout')).toBeNull();
  });
});
