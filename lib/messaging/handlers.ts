/**
 * The background's message handlers: the only code that writes user data. Registered once by
 * entrypoints/background.ts. Each handler validates its payload; the dispatcher checks the sender.
 */
import { browser, type Runtime } from '../browser';
import { announceChange } from './client';
import { CONTENT_VERBS, isEnvelope, type DataArea, type Reply, type Req, type Res, type Verb } from './protocol';
import { loadLibrary, saveLibrary } from '../storage/library';
import { loadSettings, patchSettings } from '../storage/settings';
import { loadUsage, recordUsage } from '../storage/usage';
import { toStorageError, StorageError } from '../storage/db';
import { exportLibrary, parseLibraryImport } from '../domain/templates/validate';
import { isScenarioId } from '../domain/scenarios';

export type SenderKind = 'extension-page' | 'content-script';

export class InvalidPayload extends Error {
  override name = 'InvalidPayload';
}

interface HandlerContext {
  sender: SenderKind;
  tabId?: number;
  url?: string;
}

type Handler<V extends Verb> = (payload: Req<V>, ctx: HandlerContext) => Promise<Res<V>>;
type HandlerMap = { [V in Verb]: Handler<V> };

function obj(p: unknown, what: string): Record<string, unknown> {
  if (!p || typeof p !== 'object' || Array.isArray(p)) throw new InvalidPayload(`${what}: expected an object`);
  return p as Record<string, unknown>;
}

async function changed<T>(area: DataArea, value: T): Promise<T> {
  await announceChange(area);
  return value;
}

export const handlers: HandlerMap = {
  getLibrary: () => loadLibrary(),
  async saveLibrary(payload) {
    const parsed = parseLibraryImport({ format: 'kefu-library', version: 1, ...obj(payload, 'saveLibrary') });
    if (!parsed.ok) throw new InvalidPayload(parsed.errors.join('\n'));
    return changed('library', await saveLibrary(parsed.library));
  },
  async importLibrary(payload) {
    const parsed = parseLibraryImport(obj(payload, 'importLibrary').json);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    await saveLibrary(parsed.library);
    await announceChange('library');
    return { ok: true, count: parsed.library.templates.length };
  },
  async exportLibrary() {
    const lib = await loadLibrary();
    return exportLibrary(lib);
  },
  getSettings: () => loadSettings(),
  async patchSettings(payload) {
    return changed('settings', await patchSettings(obj(payload, 'patchSettings')));
  },
  async recordUsage(payload) {
    const p = obj(payload, 'recordUsage');
    if (typeof p.templateId !== 'string' || !p.templateId) throw new InvalidPayload('recordUsage: templateId');
    const scenario = isScenarioId(p.scenario) ? p.scenario : null;
    await recordUsage(p.templateId, scenario);
    await announceChange('usage');
  },
  getUsage: () => loadUsage(),
};

/** Who sent this? null = not us (another extension or a web page): refuse. */
export function classifySender(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab && sender.url && /^https?:/.test(sender.url)) return 'content-script';
  return null;
}

export async function dispatch(message: unknown, kind: SenderKind | null, ctx: Omit<HandlerContext, 'sender'> = {}): Promise<Reply<unknown>> {
  if (!kind) return { ok: false, error: { code: 'forbidden', message: 'unknown sender' } };
  if (!isEnvelope(message) || !Object.hasOwn(handlers, message.kf)) {
    return { ok: false, error: { code: 'invalid', message: 'unknown message' } };
  }
  const verb = message.kf;
  if (kind === 'content-script' && !CONTENT_VERBS.has(verb)) {
    return { ok: false, error: { code: 'forbidden', message: `${verb} is not available to pages` } };
  }
  try {
    const handler = handlers[verb] as Handler<Verb>;
    const value = await handler(message.payload as never, { sender: kind, ...ctx });
    return { ok: true, value };
  } catch (err) {
    if (err instanceof InvalidPayload) return { ok: false, error: { code: 'invalid', message: err.message } };
    const se = err instanceof StorageError ? err : toStorageError(err);
    return { ok: false, error: { code: se.code, message: se.message } };
  }
}

export function registerHandlers(): void {
  const origin = browser.runtime.getURL('');
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined; // not ours: let other listeners answer
    return dispatch(message, classifySender(sender, browser.runtime.id, origin), {
      tabId: sender.tab?.id,
      url: sender.url,
    });
  });
}
