/**
 * The keys of a wrapped row of buttons that is one Tab stop (roving tabindex): the situation list
 * under 更改 (components/ScenarioChips.tsx), 25 buttons that were 25 Tabs. Travels in the suggest
 * feature script (features.ts), not in the content script every console page loads: the list is
 * shown only on a chat page, where that script is fetched with the first read; until it is in (or
 * if it fails) the list is plain buttons, reached with Tab.
 */

const centre = (r: DOMRect) => r.left + r.width / 2;

/**
 * Arrow keys, Home and End on the buttons of `e.currentTarget`: ←/→ the one before or after (round
 * the ends), ↑/↓ the nearest one in the row drawn above or below (staying at the first or last row),
 * Home/End the first and last. The button reached takes the Tab stop. Other keys (Enter and Space
 * pick, Escape closes, Tab leaves) are left alone.
 */
export function roveKeys(e: KeyboardEvent): void {
  const all = [...(e.currentTarget as HTMLElement).children] as HTMLElement[];
  const from = e.target as HTMLElement;
  const i = all.indexOf(from);
  const n = all.length;
  const k = e.key;
  if (i < 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing) return;
  let to: HTMLElement | undefined;
  if (k === 'Home') to = all[0];
  else if (k === 'End') to = all[n - 1];
  else if (k === 'ArrowRight' || k === 'ArrowLeft') to = all[(i + (k === 'ArrowRight' ? 1 : n - 1)) % n];
  else if (k === 'ArrowDown' || k === 'ArrowUp') {
    const here = from.getBoundingClientRect();
    const dir = k === 'ArrowDown' ? 1 : -1;
    const boxes = all.map((el) => ({ el, r: el.getBoundingClientRect() }));
    // The buttons of the rows beyond this one in that direction, then the nearest of those rows.
    const beyond = boxes.filter((b) => dir * (b.r.top - here.top) > here.height / 2);
    const row = Math.min(...beyond.map((b) => dir * b.r.top));
    const next = beyond.filter((b) => dir * b.r.top === row).sort((a, b) => Math.abs(centre(a.r) - centre(here)) - Math.abs(centre(b.r) - centre(here)));
    to = next[0]?.el ?? from;
  } else return;
  e.preventDefault();
  for (const el of all) el.tabIndex = el === to ? 0 : -1;
  to!.focus();
}

/**
 * The situation list in `section` (ScenarioChips, called at every draw) as one Tab stop with the
 * keys above: the stop on the button marked `aria-current` (the situation the agent picked before),
 * else the situation's chip shown above the list, else the first. Once per list: later draws keep
 * the stop where the arrow keys left it.
 */
export function roveSituations(section: HTMLElement | null): void {
  const group = section?.querySelector<HTMLElement & { kfRove?: true }>('[data-kf="situation-list"]');
  if (!group || group.kfRove) return;
  group.kfRove = true;
  group.addEventListener('keydown', roveKeys);
  const all = [...group.children] as HTMLElement[];
  const shown = section!.querySelector<HTMLElement>('[data-kf="chip"]')?.dataset.scenario;
  const start = all.find((el) => el.getAttribute('aria-current') === 'true') ?? all.find((el) => el.dataset.scenario === shown) ?? all[0];
  for (const el of all) el.tabIndex = el === start ? 0 : -1;
}
