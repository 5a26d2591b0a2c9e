/**
 * Robust locators for elements the agent picked on a page we have no adapter for.
 *
 * Consoles regenerate their class names on every build (css-1x2y3z, sc-abc, _a1b2c3, styles__x8Jd2),
 * so a picked element is described by several candidates, strongest first, none of which uses a
 * generated-looking token:
 *   1. a stable-looking id (#replyBox, not #react-select-3-input or #:r1:);
 *   2. a unique stable attribute: data-testid/data-*, aria-label, name, placeholder, role, title, type;
 *   3. the element that follows a short text label ("买家：");
 *   4. the shortest unique structural path (tag names, stable attributes, nth-of-type) up to an
 *      anchor, and the full nth-of-type path from <body> — both survive a class-name change that keeps
 *      the page's structure.
 * At run time the first candidate that still finds an acceptable element wins (see resolve()).
 * Pure DOM code: no browser.* calls, runs in happy-dom.
 */

/** One way to find an element again. `css`: a selector; `label`: the element after a text label. */
export type Locator = { css: string } | { label: string };

const MAX_CANDIDATES = 6;
const MAX_ATTR_LEN = 80;

/** Attributes worth anchoring on, most stable first. `data-*` not listed here are tried after. */
const STABLE_ATTRS = ['data-testid', 'data-test', 'data-qa', 'data-role', 'data-name', 'aria-label', 'name', 'placeholder', 'role', 'title', 'type', 'for'];

/** Class/id prefixes that CSS-in-JS tools, CSS modules and frameworks generate. */
const GENERATED_PREFIX = /^(css-|sc-|jsx-|jss\d|emotion-|svelte-|makeStyles-|styled-|tw-|ng-|v-[0-9a-f]|data-v-|ember\d|react-|rc-|mui-|radix-|headlessui-|:)/i;
const VOWELS = /[aeiou]/gi;

/**
 * True for a class name or id token that looks machine-generated: a known generator prefix, a
 * leading underscore with 4+ chars (_a1b2c3), a CSS-modules suffix (name__x8Jd2), or a segment that
 * mixes letters and digits (c-7fd2a1, 1x2y3z), is a long run of digits, or has almost no vowels.
 */
export function isGeneratedToken(token: string): boolean {
  if (!token) return true;
  if (GENERATED_PREFIX.test(token)) return true;
  if (/^_[\w-]{4,}$/.test(token)) return true;
  if (/__[\w-]{5,}$/.test(token) && /\d/.test(token.split('__').pop() ?? '')) return true;
  for (const seg of token.split(/[-_]+/)) {
    if (!seg) continue;
    if (/\d{3,}/.test(seg)) return true;
    if (seg.length >= 5 && /\d/.test(seg) && /[a-z]/i.test(seg)) return true;
    if (seg.length >= 4 && /\d/.test(seg) && /[a-z]/i.test(seg) && /[A-Z]/.test(seg) && /[a-z]/.test(seg)) return true;
    if (/^[a-z]{6,}$/i.test(seg) && (seg.match(VOWELS)?.length ?? 0) / seg.length < 0.15) return true;
  }
  return false;
}

/** An id we can count on across reloads and builds (no generated look, no counters). */
export function isStableId(id: string): boolean {
  if (!id || id.length > 64 || /\s/.test(id)) return false;
  if (/\d{2,}/.test(id)) return false;
  return !isGeneratedToken(id);
}

/** An attribute value that describes the element rather than its current content. */
function isStableValue(el: Element, name: string, value: string): boolean {
  if (!value || value.length > MAX_ATTR_LEN) return false;
  if (/\d{4,}/.test(value)) return false;
  if (name.startsWith('data-') && isGeneratedToken(value) && !/^[a-z]+$/i.test(value)) return false;
  // A title/aria-label equal to the element's text is content (a buyer's nickname), not structure.
  const text = textOf(el);
  if ((name === 'title' || name === 'aria-label' || name === 'data-name') && text && value.trim() === text) return false;
  return true;
}

export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** CSS.escape where the environment has it; a conservative fallback otherwise (happy-dom has it). */
export function cssEscape(value: string): string {
  const g = globalThis as { CSS?: { escape?(v: string): string } };
  if (g.CSS?.escape) return g.CSS.escape(value);
  return value.replace(/[^a-zA-Z0-9_\u00a0-\uffff-]/g, (c) => `\\${c}`);
}

const attrSel = (name: string, value: string) => `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;

/** True for what the extension itself put into the page (kf- tags, ids, classes, data-kf). */
export function isOwnElement(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parentElement) {
    if (p.tagName.toLowerCase().startsWith('kf-')) return true;
    if (p.hasAttribute('data-kf') || p.id.startsWith('kf-')) return true;
  }
  return false;
}

function rootOf(el: Element): ParentNode {
  return el.ownerDocument;
}

function queryAll(root: ParentNode, css: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(css)).filter((e) => !isOwnElement(e));
  } catch {
    return [];
  }
}

function uniquelyFinds(root: ParentNode, css: string, el: Element): boolean {
  const found = queryAll(root, css);
  return found.length === 1 && found[0] === el;
}

/** The stable attributes of an element as selector fragments, strongest first. */
export function stableAttributeSelectors(el: Element): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (name: string) => {
    const value = el.getAttribute(name);
    if (value === null || seen.has(name) || !isStableValue(el, name, value)) return;
    seen.add(name);
    out.push(attrSel(name, value));
  };
  for (const name of STABLE_ATTRS) push(name);
  for (const a of Array.from(el.attributes)) {
    if (a.name.startsWith('data-') && !a.name.startsWith('data-kf') && !a.name.startsWith('data-v-')) push(a.name);
  }
  if (el.getAttribute('contenteditable') === 'true' || el.getAttribute('contenteditable') === '') out.push('[contenteditable]');
  return out;
}

function stableClasses(el: Element): string[] {
  return Array.from(el.classList).filter((c) => !c.startsWith('kf-') && !isGeneratedToken(c) && c.length <= 40);
}

/** One step of a structural path: tag plus, when needed, nth-of-type among same-tag siblings. */
function nthStep(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const parent = el.parentElement;
  if (!parent) return tag;
  const same = Array.from(parent.children).filter((c) => c.tagName === el.tagName);
  return same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(el) + 1})` : tag;
}

/** A step preferring a stable attribute or class that is unique among the siblings, else nthStep. */
function richStep(el: Element): string {
  const tag = el.tagName.toLowerCase();
  if (el.id && isStableId(el.id)) return `#${cssEscape(el.id)}`;
  const parent = el.parentElement;
  const siblings = parent ? Array.from(parent.children) : [el];
  for (const frag of [...stableAttributeSelectors(el), ...stableClasses(el).map((c) => `.${cssEscape(c)}`)]) {
    const sel = `${tag}${frag}`;
    const n = siblings.filter((s) => safeMatches(s, sel)).length;
    if (n === 1) return sel;
  }
  return nthStep(el);
}

function safeMatches(el: Element, css: string): boolean {
  try {
    return el.matches(css);
  } catch {
    return false;
  }
}

/** Ancestors from the element up to (excluding) <html>, nearest first. */
function ancestry(el: Element): Element[] {
  const out: Element[] = [];
  for (let p: Element | null = el; p && p.tagName !== 'HTML'; p = p.parentElement) out.push(p);
  return out;
}

/** The short text label right before the element ("买家：", "订单备注:"), when there is one. */
export function labelBefore(el: Element): string | null {
  let prev = el.previousElementSibling;
  while (prev && !textOf(prev)) prev = prev.previousElementSibling;
  if (prev && prev.childElementCount === 0) {
    const text = textOf(prev);
    if (text.length >= 2 && text.length <= 12 && /[:：]$/.test(text)) return text;
  }
  const id = el.getAttribute('id');
  if (id) {
    const label = el.ownerDocument.querySelector(`label[for="${id.replace(/["\\]/g, '\\$&')}"]`);
    const text = textOf(label);
    if (label && text && text.length <= 20) return text;
  }
  return null;
}

/** The element a text label points at: the next non-empty sibling of the leaf with that text, or its `for` target. */
export function findByLabel(root: ParentNode, label: string): Element | null {
  for (const el of queryAll(root, '*')) {
    if (el.childElementCount > 0 || textOf(el) !== label) continue;
    if (el.tagName === 'LABEL') {
      const forId = el.getAttribute('for');
      const target = forId ? el.ownerDocument?.getElementById(forId) : null;
      if (target) return target;
    }
    const next = el.nextElementSibling;
    if (next) return next;
  }
  return null;
}

/**
 * Candidate locators for `el`, strongest first; each one finds exactly `el` in its document now.
 * Never contains a generated-looking class name or id.
 */
export function generateLocators(el: Element): Locator[] {
  const root = rootOf(el);
  const out: Locator[] = [];
  const seen = new Set<string>();
  const add = (css: string) => {
    if (out.length >= MAX_CANDIDATES || seen.has(css)) return;
    if (!uniquelyFinds(root, css, el)) return;
    seen.add(css);
    out.push({ css });
  };
  const tag = el.tagName.toLowerCase();

  if (el.id && isStableId(el.id)) add(`#${cssEscape(el.id)}`);
  for (const frag of stableAttributeSelectors(el)) add(`${tag}${frag}`);
  // The only textarea / contenteditable on the page is a fine anchor too.
  if (tag === 'textarea' || el.hasAttribute('contenteditable')) add(tag === 'textarea' ? 'textarea' : `${tag}[contenteditable]`);

  const label = labelBefore(el);
  if (label && findByLabel(root, label) === el && out.length < MAX_CANDIDATES) out.push({ label });

  // Shortest unique suffix of a path built from rich steps, then one from plain nth-of-type steps.
  const chain = ancestry(el);
  for (const stepOf of [richStep, nthStep]) {
    const steps: string[] = [];
    for (const node of chain) {
      const step = stepOf(node);
      steps.unshift(step);
      const css = steps.join(' > ');
      // A lone tag ("b") is unique today and something else tomorrow: anchor it on one more level.
      const specific = steps.length >= 2 || /[#[]/.test(step);
      if (specific && uniquelyFinds(root, css, el)) {
        add(css);
        break;
      }
      if (step.startsWith('#')) break; // an id anchor that is not unique enough: give up on this path
    }
  }
  // The full path from <body>: the last resort that still ignores every class name.
  const full = chain.map(nthStep).reverse().join(' > ');
  add(full);
  return out;
}

export interface ResolveOptions {
  /** Extra check on a found element (e.g. "is editable" for the chat input). */
  accept?: (el: Element) => boolean;
}

/**
 * The element the first working locator finds. A locator that finds several elements is skipped
 * while a later one finds exactly one; if none is unique, the first acceptable match is used.
 */
export function resolveLocators(root: ParentNode, locators: readonly Locator[], opts: ResolveOptions = {}): Element | null {
  const accept = opts.accept ?? (() => true);
  let fallback: Element | null = null;
  for (const loc of locators) {
    let found: Element[];
    if ('label' in loc) {
      const el = findByLabel(root, loc.label);
      found = el ? [el] : [];
    } else {
      found = queryAll(root, loc.css);
    }
    const ok = found.filter(accept);
    if (ok.length === 1) return ok[0]!;
    if (!fallback && ok.length > 1) fallback = ok[0]!;
  }
  return fallback;
}

/** True for elements an agent can type into. */
export function isEditable(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return true;
  if (tag === 'INPUT') return /^(text|search|)$/i.test((el as HTMLInputElement).type ?? '');
  const ce = el.getAttribute('contenteditable');
  return ce === '' || ce === 'true' || ce === 'plaintext-only';
}

/** Validates a stored locator list (from storage or an import file). */
export function parseLocators(v: unknown): Locator[] | null {
  if (!Array.isArray(v) || v.length === 0 || v.length > 12) return null;
  const out: Locator[] = [];
  for (const item of v) {
    if (!item || typeof item !== 'object') return null;
    const r = item as Record<string, unknown>;
    if (typeof r.css === 'string' && r.css.length > 0 && r.css.length <= 500) out.push({ css: r.css });
    else if (typeof r.label === 'string' && r.label.length > 0 && r.label.length <= 40) out.push({ label: r.label });
    else return null;
  }
  return out;
}
