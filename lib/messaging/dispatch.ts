/**
 * The background's message dispatcher: the only way into user data. Registered once by
 * entrypoints/background.ts. It checks who sent the message, which verbs that sender may use, and
 * turns failures into replies the caller can show. Handlers live in handlers/<feature>.ts.
 */
import { answerWith, browser, type Runtime } from '../browser';
import { corePageSchemas, isEnvelope, type Reply, type Verb } from './protocol';
import { customersPageSchemas } from './protocol-customers';
import { followupsPageSchemas } from './protocol-followups';
import { guardPageSchemas } from './protocol-guard';
import { ordersPageSchemas } from './protocol-orders';
import { rulesPageSchemas } from './protocol-rules';
import { sitesPageSchemas } from './protocol-sites';
import { featuresPageSchemas } from './protocol-features';
import { learnedPageSchemas } from './protocol-learned';
import { SchemaError, type Schema } from './schema';
import { inTurn } from './turn';
import { pageOrigin, pagePlatform } from './sender';
import { toStorageError } from '../storage/db';
import { Conflict, InvalidPayload, UploadLost, type HandlerContext, type HandlerDef, type SenderKind } from './handlers/types';
import { coreHandlers } from './handlers/core';
import { orderHandlers } from './handlers/orders';
import { backupHandlers } from './handlers/backup';
import { featureHandlers } from './handlers/features';
import { sitesHandlers } from './handlers/sites';
import { rulesHandlers } from './handlers/rules';
import { followupHandlers } from './handlers/followups';
import { customersHandlers } from './handlers/customers';
import { guardHandlers } from './handlers/guard';
import { learnedHandlers } from './handlers/learned';
import { teamHandlers } from './handlers/team';
import { dataHandlers } from './handlers/data';

export type { SenderKind };

/** Every verb's handler, one set per feature (handlers/<feature>.ts). */
const handlers: Record<string, HandlerDef<unknown, unknown>> = Object.assign(
  {},
  coreHandlers,
  orderHandlers,
  backupHandlers,
  featureHandlers,
  sitesHandlers,
  rulesHandlers,
  followupHandlers,
  customersHandlers,
  guardHandlers,
  learnedHandlers,
  teamHandlers,
  dataHandlers,
);

/**
 * What a seller page may send, per verb (declared beside each verb in protocol*.ts). A verb a
 * content script may call must have one (registry.test.ts checks); without it the call is refused.
 */
export const pageSchemas: Partial<Record<Verb, Schema<unknown>>> = Object.assign(
  {},
  corePageSchemas(),
  customersPageSchemas(),
  followupsPageSchemas(),
  ordersPageSchemas(),
  rulesPageSchemas(),
  sitesPageSchemas(),
  featuresPageSchemas(),
  guardPageSchemas(),
  learnedPageSchemas(),
);

/** Who sent this? null = not us (another extension or a web page): refuse. */
export function classifySender(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab && sender.url && /^https?:/.test(sender.url)) return 'content-script';
  return null;
}

const refuse = (code: string, message: string): Reply<unknown> => ({ ok: false, error: { code, message } });

export async function dispatch(message: unknown, kind: SenderKind | null, ctx: Omit<HandlerContext, 'sender'> = {}): Promise<Reply<unknown>> {
  if (!kind) return refuse('forbidden', 'unknown sender');
  if (!isEnvelope(message) || !Object.hasOwn(handlers, message.kf)) return refuse('invalid', 'unknown message');
  const def = handlers[message.kf as Verb]!;
  // A verb a page may call has a schema too (registry.test.ts checks); lacking either, it is refused.
  const schema = pageSchemas[message.kf as Verb];
  if (kind === 'content-script' && !(def.content && schema)) return refuse('forbidden', `${message.kf} is not available to pages`);
  let payload: unknown = message.payload;
  try {
    // A page's payload is checked against the verb's schema before anything runs; the handler
    // gets the checked copy (declared fields only, bound to the page's own console).
    if (kind === 'content-script') payload = schema!.parse(payload, message.kf, { pagePlatform: pagePlatform(ctx.url), pageOrigin: pageOrigin(ctx.url) });
    const rid = typeof message.rid === 'string' && /^[0-9a-z]{1,16}$/.test(message.rid) ? message.rid : undefined;
    // Whole-data verbs run alone; a write is not made after a deletion that came after it (turn.ts).
    return { ok: true, value: await inTurn(def.alone, () => def.handle(payload as never, { sender: kind, ...ctx, ...(rid ? { rid } : {}) }), 0, def.writes) };
  } catch (err) {
    if (err instanceof SchemaError || err instanceof InvalidPayload) return refuse('invalid', err.message);
    if (err instanceof Conflict) return refuse('conflict', err.message);
    if (err instanceof UploadLost) return refuse('upload-lost', err.message);
    const se = toStorageError(err);
    return refuse(se.code, se.message);
  }
}

export function registerHandlers(): void {
  const origin = browser.runtime.getURL('');
  browser.runtime.onMessage.addListener(
    answerWith((message: unknown, sender: Runtime.MessageSender) => {
      if (!isEnvelope(message)) return undefined; // not ours: let other listeners answer
      return dispatch(message, classifySender(sender, browser.runtime.id, origin), { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url });
    }),
  );
}
