// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { roveKeys, roveSituations } from './rove-keys';

afterEach(() => document.body.replaceChildren());

/**
 * A situation list as ScenarioChips draws it, laid out in rows of `perRow` buttons 80 px wide and
 * 24 px high (happy-dom lays nothing out: each button reports its box).
 */
function list(ids: string[], opts: { perRow: number; current?: string; shown?: string }) {
  const section = document.createElement('section');
  if (opts.shown) section.innerHTML = `<button data-kf="chip" data-scenario="${opts.shown}"></button>`;
  const group = document.createElement('div');
  group.dataset.kf = 'situation-list';
  ids.forEach((id, i) => {
    const b = document.createElement('button');
    b.dataset.scenario = id;
    b.setAttribute('aria-current', String(id === opts.current));
    const left = (i % opts.perRow) * 80;
    const top = Math.floor(i / opts.perRow) * 24;
    b.getBoundingClientRect = () => ({ left, top, width: 72, height: 20, right: left + 72, bottom: top + 20, x: left, y: top, toJSON() {} }) as DOMRect;
    group.append(b);
  });
  section.append(group);
  document.body.append(section);
  roveSituations(section);
  const focused = () => (document.activeElement as HTMLElement | null)?.dataset.scenario;
  const stops = () => ids.filter((_, i) => (group.children[i] as HTMLElement).tabIndex === 0);
  const press = (key: string, mods: KeyboardEventInit = {}) => {
    const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods });
    document.activeElement!.dispatchEvent(e);
    return e.defaultPrevented;
  };
  const focus = (id: string) => group.querySelector<HTMLElement>(`[data-scenario="${id}"]`)!.focus();
  return { section, group, focused, stops, press, focus };
}

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];

describe('the situation list as one Tab stop', () => {
  it('starts on the situation picked before, else the one shown, else the first', () => {
    expect(list(IDS, { perRow: 4, current: 'g', shown: 'c' }).stops()).toEqual(['g']);
    document.body.replaceChildren();
    expect(list(IDS, { perRow: 4, shown: 'c' }).stops()).toEqual(['c']);
    document.body.replaceChildren();
    expect(list(IDS, { perRow: 4, shown: 'zz' }).stops()).toEqual(['a']);
  });

  it('←/→ move to the one before or after, round the ends; Home and End to the first and last; the stop follows', () => {
    const l = list(IDS, { perRow: 4 });
    l.focus('a');
    expect(l.press('ArrowRight')).toBe(true);
    expect(l.focused()).toBe('b');
    l.press('ArrowLeft');
    l.press('ArrowLeft');
    expect(l.focused()).toBe('j');
    l.press('Home');
    expect(l.focused()).toBe('a');
    l.press('End');
    expect(l.focused()).toBe('j');
    expect(l.stops()).toEqual(['j']);
  });

  it('↑/↓ go to the nearest button in the row drawn above or below, and stay at the first and last row', () => {
    // a b c d / e f g h / i j
    const l = list(IDS, { perRow: 4 });
    l.focus('b');
    l.press('ArrowDown');
    expect(l.focused()).toBe('f');
    l.press('ArrowDown');
    expect(l.focused()).toBe('j');
    l.press('ArrowDown');
    expect(l.focused()).toBe('j');
    l.press('ArrowUp');
    expect(l.focused()).toBe('f');
    // From d, below is h; from h the short last row's nearest is j.
    l.focus('h');
    l.press('ArrowDown');
    expect(l.focused()).toBe('j');
    l.focus('c');
    l.press('ArrowUp');
    expect(l.focused()).toBe('c');
    expect(l.stops()).toEqual(['c']);
  });

  it('leaves Enter, Space, Escape, Tab and keys with a modifier to the buttons and the panel', () => {
    const l = list(IDS, { perRow: 4 });
    l.focus('b');
    for (const k of ['Enter', ' ', 'Escape', 'Tab', 'x']) expect(l.press(k)).toBe(false);
    expect(l.press('ArrowRight', { altKey: true })).toBe(false);
    expect(l.press('ArrowRight', { shiftKey: true })).toBe(false);
    expect(l.focused()).toBe('b');
  });

  it('is set up once per list: a later draw keeps the stop where the arrows left it', () => {
    const l = list(IDS, { perRow: 4, shown: 'c' });
    l.focus('c');
    l.press('ArrowRight');
    roveSituations(l.section);
    expect(l.stops()).toEqual(['d']);
    // One listener: one step per key.
    l.press('ArrowRight');
    expect(l.focused()).toBe('e');
  });

  it('does nothing without a list (closed) or outside one', () => {
    expect(() => roveSituations(null)).not.toThrow();
    expect(() => roveSituations(document.createElement('section'))).not.toThrow();
    const e = new KeyboardEvent('keydown', { key: 'ArrowRight', cancelable: true });
    Object.defineProperty(e, 'currentTarget', { value: document.createElement('div') });
    roveKeys(e);
    expect(e.defaultPrevented).toBe(false);
  });
});
