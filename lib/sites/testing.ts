/**
 * Test-only helpers for adapter tests (happy-dom): load a fixture page or boot the demo console.
 * Not imported by product code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { ChatMessage, RemarkEditor } from './types';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Epoch ms of a Beijing wall time (month 1–12), as the consoles print times, whatever zone the test runs in. */
export const beijing = (y: number, mo: number, d: number, h: number, mi: number, s = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi, s);

/**
 * Replaces the current document with a fixture page from test/fixtures/, optionally changed first
 * (`transform`: a console's new build, e.g. a class renamed).
 */
export function loadFixture(name: string, url?: string, transform: (html: string) => string = (h) => h): Document {
  if (url) setUrl(url);
  // happy-dom runs no page scripts; external ones would only log load errors.
  const html = transform(readFileSync(resolve(ROOT, 'test', 'fixtures', name), 'utf8')).replace(/<script\b[^>]*\bsrc=[^>]*><\/script>/g, '');
  document.open();
  document.write(html);
  document.close();
  return document;
}

/**
 * Runs one of the fixtures' page scripts (test/fixtures/assets/) on the loaded page, as Chromium runs
 * it there, so a unit test sees the shape the browser tests see (happy-dom runs no page scripts).
 */
export function runFixtureScript(name: string): void {
  new Function(readFileSync(resolve(ROOT, 'test', 'fixtures', 'assets', name), 'utf8'))();
}

/**
 * A console's full redesign, as its updates ship one: every class name of the page renamed (each
 * `class` attribute's tokens; hashed or not), ids, data attributes, inline styles and text kept.
 * A fixture transform (loadFixture's, or the browser tests' openConsole).
 */
export const renameEveryClass = (html: string): string =>
  html.replace(/\bclass="([^"]*)"/g, (_m, names: string) => `class="${names.split(/\s+/).filter(Boolean).map((c) => `r2-${c.split('').reverse().join('')}`).join(' ')}"`);

/**
 * Grows the open conversation as consoles keep it, the whole history in the page: `copies` runs of
 * the page's own message rows (`rows`) in page order, then clones of the rows at the `trailing`
 * indexes (an image, a system notice) after the last. Returns how many rows the page then has.
 */
export function growHistory(rows: string, copies: number, trailing: number[] = []): number {
  const own = Array.from(document.querySelectorAll(rows));
  for (let c = 1; c < copies; c++) for (const row of own) own[0]!.before(row.cloneNode(true));
  let last = own.at(-1)!;
  for (const i of trailing) {
    const copy = own[i]!.cloneNode(true) as Element;
    last.after(copy);
    last = copy;
  }
  return document.querySelectorAll(rows).length;
}

/**
 * readMessages at every limit from 0 to past the number of messages, and at 500: always the last
 * `limit` of `all` (what the page shows, oldest first), as when every row was read and then cut.
 */
export function expectTails(read: (limit: number) => ChatMessage[], all: ChatMessage[]): void {
  for (let limit = 0; limit <= all.length + 2; limit++) expect(read(limit), `limit ${limit}`).toEqual(limit > 0 ? all.slice(-limit) : []);
  expect(read(500)).toEqual(all.slice(-500));
}

function setUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
}

/**
 * Boots the real demo console (index.html + app.js) in happy-dom at `path` (e.g. '/chat?auto=0').
 * Returns its `window.__demo` hooks.
 */
export function bootDemo(path = '/chat?auto=0'): DemoHooks {
  setUrl('http://127.0.0.1:5173' + path);
  sessionStorage.clear();
  const html = readFileSync(resolve(ROOT, 'test', 'demo', 'site', 'index.html'), 'utf8').replace(/<script[^>]*><\/script>/g, '').replace(/<link[^>]*>/g, '');
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, '').replace(/<\/html>\s*$/, '');
  const js = readFileSync(resolve(ROOT, 'test', 'demo', 'site', 'app.js'), 'utf8');
  new Function(js)();
  return (window as unknown as { __demo: DemoHooks }).__demo;
}

export interface DemoHooks {
  sent: { nick: string; text: string }[];
  inputLog: { type: string; value: string }[];
  pushBuyerMessage(nick: string, text: string, at?: number): void;
  setAutoMessages(on: boolean): void;
  draft(): string;
  setInputKind(kind: 'textarea' | 'contenteditable' | 'controlled'): void;
  orders(): { id: string; buyer: string; status: string; flag: string; remark: string }[];
  payOrder(id: string): void;
  shipOrder(id: string): void;
  openRemark(id: string): void;
  activeBuyerId(): string;
  conversations(): { id: string; messages: { from: 'buyer' | 'agent'; text: string; at: number }[] }[];
}

/**
 * A remark editor's flag is not read, never gray, when the page checks none of its flag radios or
 * checks one whose value is no flag index ('', 'gray', '9'). The radios are left as they were found.
 */
export function expectFlagNotRead(editor: RemarkEditor, radios: HTMLInputElement[]): void {
  const checked = radios.find((r) => r.checked);
  for (const r of radios) r.checked = false;
  expect(editor.readFlag()).toBeNull();
  const first = radios[0]!;
  const value = first.value;
  for (const v of ['', 'gray', '9']) {
    first.value = v;
    first.checked = true;
    expect(editor.readFlag(), v).toBeNull();
  }
  first.value = value;
  // (happy-dom does not uncheck the other radios of a group: done by hand.)
  for (const r of radios) r.checked = r === checked;
}
