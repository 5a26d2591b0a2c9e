/**
 * Reaching the in-page panel the way the shipped extension builds it: its shadow root is closed,
 * so neither the page nor Playwright's selectors see inside. These helpers evaluate in the
 * extension's content-script world instead (a CDP session finds the isolated world whose origin
 * is chrome-extension://…; there `chrome.dom.openOrClosedShadowRoot` opens the closed root), and
 * in the buyer-card frame (an extension page inside the panel) through Playwright's page.frames().
 *
 * PanelLocator mirrors the part of Playwright's Locator the tests use, with the same waiting and
 * strictness rules: single-element methods wait until exactly one element matches and throw when
 * several do. Clicks and typing are real input (page.mouse / page.keyboard at the element), so the
 * panel sees trusted events as it does from an agent. A locator resolves in the panel's shadow root
 * when anything there matches, else in the buyer-card frame.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';

type Step = { css: string } | { nth: number };
interface Found<T> {
  n: number;
  value?: T;
}

const DEFAULT_TIMEOUT = 15_000;

// ---- the content-script world of a page (CDP) -------------------------------------------------

interface World {
  cdp: CDPSession;
  contexts: Map<number, { id: number; origin: string; auxData?: { frameId?: string; type?: string; isDefault?: boolean } }>;
}
const worlds = new WeakMap<Page, Promise<World>>();

function worldOf(page: Page): Promise<World> {
  let w = worlds.get(page);
  if (!w) {
    w = (async () => {
      const cdp = await page.context().newCDPSession(page);
      const world: World = { cdp, contexts: new Map() };
      cdp.on('Runtime.executionContextCreated', (e) => world.contexts.set(e.context.id, e.context as never));
      cdp.on('Runtime.executionContextDestroyed', (e) => world.contexts.delete(e.executionContextId));
      cdp.on('Runtime.executionContextsCleared', () => world.contexts.clear());
      await cdp.send('Runtime.enable');
      return world;
    })();
    worlds.set(page, w);
  }
  return w;
}

/**
 * Evaluates `expression` in the extension's content-script world of the page's top frame (the
 * newest one, when the extension was reloaded under the page).
 * Returns `undefined` when that world does not exist (yet): no content script, or a navigation.
 */
export async function evaluateInContentWorld<T>(page: Page, expression: string): Promise<{ value: T } | undefined> {
  const w = await worldOf(page);
  const { frameTree } = await w.cdp.send('Page.getFrameTree');
  const top = frameTree.frame.id;
  // The newest: after an extension reload the old copy's world stays, with its runtime gone.
  const ctx = [...w.contexts.values()].filter((c) => c.auxData?.frameId === top && c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')).at(-1);
  if (!ctx) return undefined;
  try {
    const r = await w.cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`in the content-script world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return { value: r.result.value as T };
  } catch (err) {
    // The world went away under us (navigation, reload): report it as absent; callers retry.
    if (/Cannot find context|Execution context was destroyed|Inspected target navigated|context with specified id/i.test(String(err))) return undefined;
    throw err;
  }
}

/** Runs `fn(roots, arg)` in the content-script world, with the panel's (closed) shadow roots. */
export async function evaluateInPanel<T, A = undefined>(page: Page, fn: (roots: ShadowRoot[], arg: A) => T | Promise<T>, arg?: A): Promise<T> {
  const expr = `(async () => { globalThis.__name ??= (f) => f; const roots = [...document.querySelectorAll('kf-panel')].map((h) => chrome.dom.openOrClosedShadowRoot(h)).filter(Boolean); return (${fn.toString()})(roots, ${JSON.stringify(arg ?? null)}); })()`;
  const r = await evaluateInContentWorld<T>(page, expr);
  if (!r) throw new Error('the extension’s content-script world is not in this page');
  return r.value;
}

// ---- one resolver, run in the panel's world or in the card frame ------------------------------

/**
 * The code both worlds run: resolves the steps from the given roots and applies one operation.
 * `:text-is("…")` (Playwright's exact-text pseudo class) is understood at the end of a step.
 */
const RESOLVER = String.raw`
  const queryAll = (root, css) => {
    const m = /:text-is\("((?:[^"\\]|\\.)*)"\)$/.exec(css);
    const list = [...root.querySelectorAll(m ? css.slice(0, m.index) : css)];
    return m ? list.filter((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim() === JSON.parse('"' + m[1] + '"')) : list;
  };
  const resolve = (roots, steps) => {
    let els = roots;
    for (const s of steps) {
      if ('nth' in s) els = s.nth < 0 ? els.slice(s.nth).slice(0, 1) : els[s.nth] ? [els[s.nth]] : [];
      else els = [...new Set(els.flatMap((e) => queryAll(e, s.css)))];
    }
    return els;
  };
  const visible = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  };
  const disabled = (e) => e.matches(':disabled') || e.getAttribute('aria-disabled') === 'true';
  const ops = {
    count: (els) => els.length,
    texts: (els) => els.map((e) => e.textContent ?? ''),
    innerTexts: (els) => els.map((e) => e.innerText ?? ''),
    anyVisible: (els) => els.some(visible),
    text: (els) => els[0].textContent,
    innerText: (els) => els[0].innerText,
    attr: (els, name) => els[0].getAttribute(name),
    value: (els) => els[0].value,
    disabled: (els) => disabled(els[0]),
    visible: (els) => visible(els[0]),
    rect: (els) => { const r = els[0].getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; },
    /** Scrolled into view; where to click; whether a click there reaches the element. */
    target: (els) => {
      const e = els[0];
      e.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = e.getBoundingClientRect();
      const x = r.x + r.width / 2, y = r.y + r.height / 2;
      const root = e.getRootNode();
      const hit = root.elementFromPoint ? root.elementFromPoint(x, y) : null;
      return { x, y, visible: visible(e), enabled: !disabled(e), hits: !!hit && (hit === e || e.contains(hit)) };
    },
    focus: (els) => {
      const e = els[0];
      e.focus();
      if (typeof e.select === 'function') e.select();
      else if (e.isContentEditable) { const r = document.createRange(); r.selectNodeContents(e); const s = (e.getRootNode().getSelection?.() ?? getSelection()); s.removeAllRanges(); s.addRange(r); }
      return { type: e.type ?? '', visible: visible(e), enabled: !disabled(e) };
    },
    setValue: (els, v) => {
      const e = els[0];
      const proto = Object.getPrototypeOf(e);
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(e, v);
      e.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      e.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    evaluateAll: (els, a) => (0, eval)('(' + a.fn + ')')(els, a.arg),
  };
  const SINGLE = new Set(['text', 'innerText', 'attr', 'value', 'disabled', 'visible', 'rect', 'target', 'focus', 'setValue']);
`;

function program(roots: string, steps: Step[], op: string, arg: unknown): string {
  return `(async () => { globalThis.__name ??= (f) => f; ${RESOLVER}
    const els = resolve(${roots}, ${JSON.stringify(steps)});
    const op = ${JSON.stringify(op)};
    if (SINGLE.has(op) && els.length !== 1) return { n: els.length };
    return { n: els.length, value: await ops[op](els, ${JSON.stringify(arg ?? null)}) };
  })()`;
}

const PANEL_ROOTS = `[...document.querySelectorAll('kf-panel')].map((h) => chrome.dom.openOrClosedShadowRoot(h)).filter(Boolean)`;

/** The buyer-card frame of the page's panel (an extension page), if there is one. */
export function cardFrame(page: Page): Frame | undefined {
  return page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/card\.html/.test(f.url()));
}

/** Where the card frame sits in the page (to turn its coordinates into the page's). */
async function cardFrameOffset(page: Page): Promise<{ x: number; y: number }> {
  return evaluateInPanel(page, (roots) => {
    const f = roots.map((r) => r.querySelector('iframe')).find(Boolean);
    if (!f) return { x: 0, y: 0 };
    const r = f.getBoundingClientRect();
    return { x: r.x + f.clientLeft, y: r.y + f.clientTop };
  });
}

type Where = 'panel' | 'card';

async function run<T>(page: Page, steps: Step[], op: string, arg?: unknown): Promise<Found<T> & { where: Where }> {
  const inPanel = await evaluateInContentWorld<Found<T>>(page, program(PANEL_ROOTS, steps, op, arg));
  const panelCount = inPanel?.value.n ?? 0;
  if (panelCount > 0 || op === 'count' && !cardFrame(page)) return { ...(inPanel?.value ?? { n: 0 }), where: 'panel' };
  const frame = cardFrame(page);
  if (frame) {
    try {
      const inCard = (await frame.evaluate(program('[document]', steps, op, arg))) as Found<T>;
      if (inCard.n > 0) return { ...inCard, where: 'card' };
    } catch {
      // the frame is navigating or gone: nothing there now
    }
  }
  return { ...(inPanel?.value ?? { n: 0 }), where: 'panel' };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- the Locator-like object ----------------------------------------------------------------

export class PanelLocator {
  constructor(
    private readonly page: Page,
    private readonly steps: Step[],
    private readonly description: string,
  ) {}

  locator(selector: string): PanelLocator {
    return new PanelLocator(this.page, [...this.steps, { css: selector }], `${this.description} >> ${selector}`);
  }
  first(): PanelLocator {
    return this.nth(0);
  }
  last(): PanelLocator {
    return this.nth(-1);
  }
  nth(index: number): PanelLocator {
    return new PanelLocator(this.page, [...this.steps, { nth: index }], `${this.description} >> nth=${index}`);
  }
  toString(): string {
    return `inPanel(${this.description})`;
  }

  /** Waits until exactly one element matches (and `ready` holds for it), then returns the op's value. */
  private async one<T>(op: string, arg?: unknown, opts: { timeout?: number; ready?: (v: T) => boolean } = {}): Promise<{ value: T; where: Where }> {
    const deadline = Date.now() + (opts.timeout ?? DEFAULT_TIMEOUT);
    let last = 0;
    for (;;) {
      const r = await run<T>(this.page, this.steps, op, arg);
      if (r.n > 1) throw new Error(`strict mode violation: ${this} resolved to ${r.n} elements`);
      last = r.n;
      if (r.n === 1 && (!opts.ready || opts.ready(r.value as T))) return { value: r.value as T, where: r.where };
      if (Date.now() > deadline) throw new Error(`${op} on ${this}: ${last ? 'the element was not ready' : 'no element'} within ${opts.timeout ?? DEFAULT_TIMEOUT} ms`);
      await sleep(50);
    }
  }

  async count(): Promise<number> {
    return (await run<number>(this.page, this.steps, 'count')).n;
  }
  async allTextContents(): Promise<string[]> {
    return (await run<string[]>(this.page, this.steps, 'texts')).value ?? [];
  }
  async allInnerTexts(): Promise<string[]> {
    return (await run<string[]>(this.page, this.steps, 'innerTexts')).value ?? [];
  }
  async textContent(o: { timeout?: number } = {}): Promise<string | null> {
    return (await this.one<string | null>('text', undefined, o)).value;
  }
  async innerText(o: { timeout?: number } = {}): Promise<string> {
    return (await this.one<string>('innerText', undefined, o)).value;
  }
  async getAttribute(name: string, o: { timeout?: number } = {}): Promise<string | null> {
    return (await this.one<string | null>('attr', name, o)).value;
  }
  async inputValue(o: { timeout?: number } = {}): Promise<string> {
    return (await this.one<string>('value', undefined, o)).value;
  }
  async isDisabled(o: { timeout?: number } = {}): Promise<boolean> {
    return (await this.one<boolean>('disabled', undefined, o)).value;
  }
  async isEnabled(o: { timeout?: number } = {}): Promise<boolean> {
    return !(await this.isDisabled(o));
  }
  /** Like Playwright: false when nothing matches, no waiting. */
  async isVisible(): Promise<boolean> {
    const r = await run<boolean>(this.page, this.steps, 'anyVisible');
    return r.n > 0 && !!r.value;
  }
  async isHidden(): Promise<boolean> {
    return !(await this.isVisible());
  }
  async boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const r = await run<{ x: number; y: number; width: number; height: number }>(this.page, this.steps, 'rect');
    if (r.n !== 1 || !r.value) return null;
    if (r.where === 'panel') return r.value;
    const off = await cardFrameOffset(this.page);
    return { ...r.value, x: r.value.x + off.x, y: r.value.y + off.y };
  }
  async evaluateAll<R, A = undefined>(fn: (els: Element[], arg: A) => R, arg?: A): Promise<R> {
    return (await run<R>(this.page, this.steps, 'evaluateAll', { fn: fn.toString(), arg: arg ?? null })).value as R;
  }

  async waitFor(o: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const state = o.state ?? 'visible';
    const deadline = Date.now() + (o.timeout ?? DEFAULT_TIMEOUT);
    for (;;) {
      const r = await run<boolean>(this.page, this.steps, 'anyVisible');
      if (state !== 'detached' && r.n > 1) throw new Error(`strict mode violation: ${this} resolved to ${r.n} elements`);
      const done = state === 'attached' ? r.n > 0 : state === 'detached' ? r.n === 0 : state === 'visible' ? r.n > 0 && !!r.value : r.n === 0 || !r.value;
      if (done) return;
      if (Date.now() > deadline) throw new Error(`waitFor(${state}) on ${this}: timed out after ${o.timeout ?? DEFAULT_TIMEOUT} ms`);
      await sleep(50);
    }
  }

  /** A real mouse click at the element's centre, once it is visible, enabled and not covered. */
  async click(o: { timeout?: number } = {}): Promise<void> {
    type Target = { x: number; y: number; visible: boolean; enabled: boolean; hits: boolean };
    const ready = (t: Target) => t.visible && t.enabled && t.hits;
    // Like Playwright's own actionability check, the element must also be stable: the panel
    // re-renders a few ms after an insertion (refined suggestions, guard warnings), and a click
    // aimed at a box that has just moved lands on whatever took its place.
    const deadline = Date.now() + (o.timeout ?? DEFAULT_TIMEOUT);
    let { value, where } = await this.one<Target>('target', undefined, { ...o, ready });
    for (;;) {
      await sleep(80);
      const again = await this.one<Target>('target', undefined, { timeout: Math.max(0, deadline - Date.now()), ready });
      const stable = again.value.x === value.x && again.value.y === value.y && again.where === where;
      ({ value, where } = again);
      if (stable || Date.now() > deadline) break;
    }
    const off = where === 'card' ? await cardFrameOffset(this.page) : { x: 0, y: 0 };
    await this.page.mouse.click(value.x + off.x, value.y + off.y);
  }

  /** Focuses the element. */
  async focus(o: { timeout?: number } = {}): Promise<void> {
    await this.one('focus', undefined, { ...o, ready: (f: { visible: boolean }) => f.visible });
  }

  /**
   * Replaces the field's text as typed input: focus, select all, insert the text through the
   * keyboard (an input event like an IME commit). Date-like inputs get their value set directly.
   */
  async fill(value: string, o: { timeout?: number } = {}): Promise<void> {
    type F = { type: string; visible: boolean; enabled: boolean };
    const { value: f } = await this.one<F>('focus', undefined, { ...o, ready: (x) => x.visible && x.enabled });
    if (['date', 'time', 'datetime-local', 'month', 'week', 'color', 'range'].includes(f.type)) {
      await this.one('setValue', value, o);
      return;
    }
    if (value === '') await this.page.keyboard.press('Backspace');
    else await this.page.keyboard.insertText(value);
  }

  /** Focuses the element and presses a key (real keyboard input). */
  async press(key: string, o: { timeout?: number } = {}): Promise<void> {
    await this.focus(o);
    await this.page.keyboard.press(key);
  }

  /** Focuses the element and types key by key (real keyboard input). */
  async pressSequentially(text: string, o: { timeout?: number; delay?: number } = {}): Promise<void> {
    await this.focus(o);
    await this.page.keyboard.type(text, { delay: o.delay });
  }
}
