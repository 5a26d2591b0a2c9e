/**
 * A SiteAdapter built from what the agent taught (record.ts): the chat input, the message list, the
 * buyer's name and the remark box, each found through its candidate locators. Also the fallback
 * that lets a taught site repair a supported console whose page changed (withTaughtFallback).
 */
import { readOrMissing, SiteElementMissing, type ChatMessage, type FlagColor, type PageKind, type RemarkEditor, type SiteAdapter } from '../types';
import { asName, flagOfRadio, lastRead } from '../dom';
import { observeDom } from '../observe';
import { probeWith } from '../probe';
import { isEditable, isOwnElement, resolveLocators, textOf, type Locator } from './locator';
import type { TaughtField, TaughtSite } from './record';

/** Words in class names/attributes that mark the agent's own messages vs the buyer's. */
const AGENT_HINT = /(^|[-_\s])(self|mine|me|my|right|agent|seller|kefu|kf|staff|service|servicer|send|sent|out|outgoing|owner)($|[-_\s])/i;
const BUYER_HINT = /(^|[-_\s])(buyer|customer|left|other|guest|visitor|user|recv|received|receive|in|incoming|client)($|[-_\s])/i;

function locate(doc: Document, locs: Locator[] | undefined, accept?: (el: Element) => boolean): HTMLElement | null {
  if (!locs?.length) return null;
  return resolveLocators(doc, locs, { accept }) as HTMLElement | null;
}

/** The repeated items of a message list: its children, or the children of its single wrapper. */
export function messageItems(list: Element): Element[] {
  let container: Element = list;
  for (let i = 0; i < 3 && container.childElementCount === 1; i++) container = container.firstElementChild!;
  // Not textOf(c) !== '': the same test without building every item's collapsed text (this runs on
  // every page change, over the whole history).
  return Array.from(container.children).filter((c) => !isOwnElement(c) && /\S/.test(c.textContent ?? ''));
}

/** The message text of one item: its longest text leaf (skips names and times around a bubble). */
export function messageText(item: Element): string {
  let best = item.childElementCount === 0 ? textOf(item) : '';
  for (const el of Array.from(item.querySelectorAll('*'))) {
    if (el.childElementCount > 0 || isOwnElement(el)) continue;
    const t = textOf(el);
    if (t.length > best.length) best = t;
  }
  return best || textOf(item);
}

function hintTokens(el: Element): string {
  const parts: string[] = [];
  for (let p: Element | null = el, depth = 0; p && depth < 3; p = p.firstElementChild, depth++) {
    parts.push(p.getAttribute('class') ?? '');
    for (const a of Array.from(p.attributes)) if (a.name.startsWith('data-') || a.name === 'aria-label') parts.push(a.value);
  }
  return parts.join(' ');
}

/**
 * Who wrote an item: the class/attribute words first (buyer/self/right…), then the layout (agents'
 * bubbles sit on the right in every console we know). Defaults to the buyer.
 */
export function messageSide(item: Element, list: Element): ChatMessage['from'] {
  const hints = hintTokens(item);
  if (AGENT_HINT.test(hints) && !BUYER_HINT.test(hints)) return 'agent';
  if (BUYER_HINT.test(hints) && !AGENT_HINT.test(hints)) return 'buyer';
  const box = list.getBoundingClientRect();
  if (box.width > 0) {
    let bubble: Element = item;
    for (const el of Array.from(item.querySelectorAll('*'))) {
      if (el.childElementCount === 0 && textOf(el) === messageText(item)) {
        bubble = el;
        break;
      }
    }
    const r = bubble.getBoundingClientRect();
    if (r.width > 0 && r.width < box.width * 0.9) {
      const centre = r.left + r.width / 2;
      if (centre > box.left + box.width * 0.55) return 'agent';
    }
  }
  return 'buyer';
}

const ORDER_ID = /\d{15,20}/;

/** A form/dialog-like container around the remark box, with a save button. */
function remarkEditor(doc: Document, box: HTMLTextAreaElement): RemarkEditor | null {
  let root: HTMLElement | null = box.closest<HTMLElement>('[role="dialog"], dialog, form');
  for (let p = box.parentElement, depth = 0; !root && p && depth < 6; p = p.parentElement, depth++) {
    if (p.querySelector('button')) root = p;
  }
  if (!root) return null;
  const buttons = Array.from(root.querySelectorAll<HTMLElement>('button, [role="button"], input[type="submit"]'));
  const saveButton = buttons.find((b) => /保存|确定|提交|确认|save|ok|submit/i.test(textOf(b) || (b as HTMLInputElement).value || '')) ?? buttons[0];
  if (!saveButton) return null;
  // The order number is usually shown near the box: the container, then a few levels up, then the URL.
  let orderId = '';
  for (let p: HTMLElement | null = root, depth = 0; !orderId && p && depth < 4; p = p.parentElement, depth++) {
    orderId = textOf(p).match(ORDER_ID)?.[0] ?? '';
  }
  orderId ||= doc.location?.href.match(ORDER_ID)?.[0] ?? '';
  return {
    orderId,
    textarea: box,
    saveButton,
    root,
    readFlag(): FlagColor | null {
      // A flag radio the page shows checked, by the platform index; anything else (no radio checked,
      // none at all, a value that is no index) is not read, never gray: the remark form asks the agent.
      const checked = root.querySelector<HTMLInputElement>('input[type="radio"]:checked');
      return flagOfRadio(checked);
    },
  };
}

export function createTaughtAdapter(site: TaughtSite): SiteAdapter {
  const f = site.fields;
  const find = (doc: Document, field: TaughtField, accept?: (el: Element) => boolean) => locate(doc, f[field], accept);
  const findInput = (doc: Document) => find(doc, 'chatInput', isEditable);
  const findList = (doc: Document) => find(doc, 'messageList');
  const findRemark = (doc: Document) => find(doc, 'remarkBox', (el) => el.tagName === 'TEXTAREA' || isEditable(el));
  const readBuyer = (doc: Document) => asName(textOf(find(doc, 'buyerName')));
  /** The last `limit` messages of `items` (the list's messageItems), read from the end. */
  const readItems = (list: Element, items: Element[], limit: number): ChatMessage[] =>
    lastRead(items, limit, (item) => {
      const text = messageText(item);
      return text ? { from: messageSide(item, list), text } : undefined;
    });
  const readMessages = (doc: Document, limit: number): ChatMessage[] => {
    const list = findList(doc);
    return list ? readItems(list, messageItems(list), limit) : [];
  };
  const inputCss = f.chatInput?.find((l): l is { css: string } => 'css' in l)?.css;
  // The page check names the taught field whose element is not found (the agent can re-teach it).
  const probeFinds: Record<TaughtField, (doc: Document) => Element | null> = {
    chatInput: findInput,
    messageList: findList,
    buyerName: (doc) => find(doc, 'buyerName'),
    remarkBox: findRemark,
  };
  const taughtSet = (field: TaughtField) => (f[field]?.length ? { [field]: field } : undefined);
  const adapter: SiteAdapter = {
    id: `taught:${site.origin}`,
    platform: 'taught',
    // The agent's page's own title, in both languages.
    name: { zh: site.name, en: site.name },
    verifiedAgainst: 'taught',
    chatLocation: 'page',
    matches: (url) => url.origin === site.origin,
    // A page with both a chat and a remark box (an order sidebar by the chat) is a chat page: the
    // panel checks a remark box wherever the adapter finds one (findRemarkEditor), so the taught box
    // is enforced there too.
    pageKind(doc): PageKind {
      if (findInput(doc) || findList(doc)) return 'chat';
      if (findRemark(doc)) return 'order-detail';
      return f.chatInput || f.messageList ? 'chat' : 'unknown';
    },
    readBuyer,
    readMessages,
    findChatInput(doc) {
      const el = findInput(doc);
      if (!el) throw new SiteElementMissing(site.origin, 'chat input');
      return el;
    },
    observeConversation(doc, signal, onChange) {
      observeDom(doc, signal, onChange, {
        ignoreInside: inputCss,
        key: () => {
          const list = findList(doc);
          const items = list ? messageItems(list) : [];
          const last = list ? readItems(list, items, 1)[0]?.text : '';
          return `${readBuyer(doc)}\u0000${items.length}\u0000${last ?? ''}\u0000${findInput(doc) ? 1 : 0}`;
        },
      });
    },
    findRemarkEditor(doc) {
      const box = findRemark(doc);
      return box?.tagName === 'TEXTAREA' ? remarkEditor(doc, box as HTMLTextAreaElement) : null;
    },
    observeOrders(doc, signal, onChange) {
      observeDom(doc, signal, onChange, { events: ['change'] });
    },
    probe(doc) {
      const finds = (name: string) => probeFinds[name as TaughtField](doc) != null;
      const lines = probeWith(
        adapter,
        doc,
        {
          buyer: taughtSet('buyerName'),
          buyerId: 'none',
          messages: taughtSet('messageList'),
          chatInput: taughtSet('chatInput'),
          remarkEditor: taughtSet('remarkBox'),
        },
        finds,
      );
      // probeWith checks order reads on order pages only; a taught box beside a chat is used there too.
      if (f.remarkBox?.length && !lines.some((l) => l.what === 'remark-editor')) {
        lines.push({ what: 'remark-editor', ok: adapter.findRemarkEditor?.(doc) != null, missing: finds('remarkBox') ? [] : ['remarkBox'] });
      }
      // A box whose page shows no flag radio at all has no flag to read (the form asks for it): found
      // is a good read. Radios of which none reads are a failed one.
      const editor = lines.find((l) => l.what === 'remark-editor' && !l.ok) && adapter.findRemarkEditor?.(doc);
      if (editor && !editor.root.querySelector('input[type="radio"]')) lines.find((l) => l.what === 'remark-editor')!.ok = true;
      return lines;
    },
  };
  return adapter;
}

/**
 * A supported console whose page changed: the built-in adapter stays in charge, and what the agent
 * taught on that site fills in where the built-in lookup now fails.
 */
export function withTaughtFallback(builtIn: SiteAdapter, taught: SiteAdapter): SiteAdapter {
  return {
    ...builtIn,
    id: `${builtIn.id}+taught`,
    pageKind(doc) {
      const k = builtIn.pageKind(doc);
      return k === 'unknown' ? taught.pageKind(doc) : k;
    },
    readBuyer: (doc) => builtIn.readBuyer(doc) ?? taught.readBuyer(doc),
    readMessages(doc, limit) {
      try {
        const own = builtIn.readMessages(doc, limit);
        return own.length ? own : taught.readMessages(doc, limit);
      } catch (err) {
        if (!(err instanceof SiteElementMissing)) throw err;
        // The built-in read failed: what was taught reads instead, else the failure stands.
        const learnt = taught.readMessages(doc, limit);
        if (learnt.length) return learnt;
        throw err;
      }
    },
    findChatInput(doc) {
      try {
        return builtIn.findChatInput(doc);
      } catch (err) {
        if (!(err instanceof SiteElementMissing)) throw err;
        return taught.findChatInput(doc);
      }
    },
    observeConversation(doc, signal, onChange) {
      builtIn.observeConversation(doc, signal, onChange);
      taught.observeConversation(doc, signal, onChange);
    },
    // A built-in box it cannot use whole (a renamed save button) leaves the taught one to try.
    findRemarkEditor: (doc) => readOrMissing(() => builtIn.findRemarkEditor?.(doc)) ?? taught.findRemarkEditor?.(doc) ?? null,
  };
}
