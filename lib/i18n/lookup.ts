/**
 * The lookup behind t(): the registered string bundles and the current locale. The pages import
 * ./index (this, with the panel's core strings registered); the worker imports this module
 * directly and registers only the bundles it speaks (follow-up notifications, the badge title),
 * so the UI strings stay out of background.js.
 */

export type Locale = 'zh-CN' | 'en';
type Dict = Record<string, string>;
export interface MessageBundle {
  zh: Dict;
  en: Dict;
}

const bundles: MessageBundle[] = [];
let current: Locale = 'zh-CN';

/** Feature modules register their strings once at import time (pure data, no browser calls). */
export function registerMessages(bundle: MessageBundle): void {
  if (!bundles.includes(bundle)) bundles.push(bundle);
}

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

function lookup(locale: Locale, key: string): string | undefined {
  for (const b of bundles) {
    const text = locale === 'en' ? b.en[key] : b.zh[key];
    if (text !== undefined) return text;
  }
  return undefined;
}

/**
 * A message with its parameters: `{count}` is the value; `{count|one|many}` is the text for that
 * number, `one` for exactly 1 (English needs it; Chinese strings never use it), written as the
 * ending where the words share a start: `{count} buyer{count||s}`, `repl{count|y|ies}`,
 * `{count|is|are}`. A form may name parameters itself, so the number shows only where English says
 * it: `{count|latest message|last {count} messages}` (not "last 1 message"). A parameter not given
 * stays visible. Every formatter of locale strings uses this.
 */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)(\|(.*?)\|((?:\{\w+\}|[^}])*))?\}/g, (m, k: string, forms?: string, one?: string, many?: string) =>
    k in params ? (forms ? fill(params[k] == 1 ? one! : many!, params) : `${params[k]}`) : m,
  );
}

/** Looks a key up in the current locale, falling back to Chinese, then to the key itself. */
export function t(key: string, params?: Record<string, string | number>): string {
  return fill(lookup(current, key) ?? lookup('zh-CN', key) ?? key, params);
}

/**
 * A problem line shown as a list item of its own. English problems start in lower case ("reply 2
 * (id …): same id as reply 1") because they are also put inside sentences ("… failed: reply 2 …");
 * alone on a line they read as a sentence, with a capital. Chinese has no case: unchanged.
 */
export function asItem(line: string): string {
  return current === 'en' ? line.replace(/^[a-z]/, (c) => c.toUpperCase()) : line;
}
