/**
 * What an item says — its title, its reason, why it was closed — in the interface's language, made
 * when it is shown (the popup, the buyer card, the CSV export), not when the item is made: an item
 * made while the interface was English reads in Chinese after a switch to Chinese, and back.
 *
 * Items keep their Chinese text too (`title`, `reason`, `closedReason`): older copies of the
 * extension, team members not yet updated and earlier exports read those. An item made before
 * `why` existed shows that stored text, translated where it is one of our fixed sentences.
 */
import { followupsWorker, followupsZh } from '../../i18n/messages/followups';
import { fill } from '../../i18n/lookup';
import type { Followup, FollowupKind } from './types';
import { buyerLabel } from '../customers/buyer-tag';

/**
 * Every Chinese string (messages/followups.ts): what the makers store and the pages and the CSV show.
 * Worker code that stays in background.js uses the worker's own part instead (`WORKER_ZH`,
 * `workerReasonOf`, `sayIn`), so background.js carries neither the English nor the reasons and
 * close reasons only worker-extras.js makes.
 */
export const ZH: Readonly<Record<string, string>> = followupsZh;

/** The Chinese background.js carries (followupsWorker): what the worker says or stores itself. */
export const WORKER_ZH = followupsWorker.zh;
type WorkerKey = keyof typeof WORKER_ZH;

export type TextParams = Record<string, string | number>;
/** Looks a message key up in one language and fills its {placeholders} (lib/i18n's t() fits). */
export type Say = (key: string, params?: TextParams) => string;

/** `say` over one language's dictionary, falling back to the Chinese `chinese`, then to the key. */
function sayOver(dict: Readonly<Record<string, string>>, chinese: Readonly<Record<string, string>>): Say {
  return (key, params) => fill(dict[key] ?? chinese[key] ?? key, params);
}

/** `say` over one language's dictionary, falling back to Chinese, then to the key. */
export function sayFrom(dict: Readonly<Record<string, string>>): Say {
  return sayOver(dict, ZH);
}

/** The Chinese the items store. */
export const zh: Say = sayFrom(ZH);

/** The few sentences the worker says itself (a refused handover), in the shop's language: English when it is English, else Chinese. */
export const sayIn = (locale?: string): Say => sayOver(locale === 'en' ? followupsWorker.en : WORKER_ZH, WORKER_ZH);

const kindKey = (kind: FollowupKind) => `followups.kind.${kind}`;

/** A reason or a close reason written before items named their message: the key of that fixed sentence, if it is one. */
function fixedKey(text: string, prefix: string): string | undefined {
  for (const [key, value] of Object.entries(ZH)) if (key.startsWith(prefix) && value === text && !value.includes('{')) return key;
  return undefined;
}

/**
 * The item's title. Titles the rules made ("拍下未付：小明", or the kind alone) are made again in
 * `say`'s language from the kind and the buyer; `withBuyer: false` leaves the buyer out (the
 * buyer's own card). A title the agent typed is theirs, as typed.
 */
export function followupTitle(f: Pick<Followup, 'kind' | 'title' | 'buyer'>, say: Say, withBuyer = true): string {
  const kind = kindKey(f.kind);
  if (!f.title || f.title === zh(kind)) return say(kind);
  if (f.buyer && f.title === zh('followups.title', { kind: zh(kind), buyer: f.buyer })) {
    return withBuyer ? say('followups.title', { kind: say(kind), buyer: f.buyer }) : say(kind);
  }
  return f.title;
}

/**
 * The title wherever a list or a sentence names the item apart from the buyer's own card (the popup's
 * row, the panel's line after adding it): a rule's title naming a masked buyer the console gave an id
 * carries their tag (`咨询未拍：S*******n · 3f2a`, lib/domain/customers/buyer-tag.ts), so two buyers
 * of that name are two items an agent tells apart. Other titles as `followupTitle` makes them.
 */
export function followupTitleTagged(f: Pick<Followup, 'kind' | 'title' | 'buyer' | 'buyerId'>, say: Say): string {
  const named = followupTitle(f, say);
  const bare = followupTitle(f, say, false);
  return named !== bare && f.buyer ? say('followups.title', { kind: bare, buyer: buyerLabel(f.buyer, f.buyerId) }) : named;
}

/**
 * Why the item is on the list: its message in `say`'s language, else the text it stored (also when
 * it names a message this copy does not know: a newer copy's, or a damaged record's).
 */
export function followupReason(f: Pick<Followup, 'reason' | 'why'>, say: Say): string {
  const { key, params } = f.why ?? {};
  if (key?.startsWith('followups.reason.') && Object.hasOwn(ZH, key)) {
    return say(key, params && typeof params === 'object' ? params : undefined);
  }
  const fixed = fixedKey(f.reason, 'followups.reason.');
  return fixed ? say(fixed) : f.reason;
}

/** Why it was closed ("买家已付款" from a rule, or the agent's own words), in `say`'s language where it is ours. */
export function closedReasonText(reason: string, say: Say): string {
  const key = fixedKey(reason, 'followups.closed.');
  return key ? say(key) : reason;
}

/** A reason as items store it: the Chinese text, and the message it came from. */
export function reasonOf(key: string, params?: TextParams): Pick<Followup, 'reason' | 'why'> {
  return { reason: zh(key, params), why: params ? { key, params } : { key } };
}

/**
 * reasonOf for the reasons the worker itself words again (an unpaid reminder snoozed past the
 * cut-off, unpaidAfterSnooze): only keys background.js carries, so its bundle stays without the rest.
 */
export function workerReasonOf(key: Extract<WorkerKey, `followups.reason.${string}`>, params?: TextParams): Pick<Followup, 'reason' | 'why'> {
  return { reason: fill(WORKER_ZH[key] ?? key, params), why: params ? { key, params } : { key } };
}
