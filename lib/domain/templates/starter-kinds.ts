import type { Template, TemplateLibrary } from './types';
import { STARTER_REWORDS } from './starter-rewords';

/**
 * Starter replies written for one kind of shop, by id (starter.ts: ids are stable). The starter is a
 * clothing shop's: these replies only make sense for clothes (a 家居 or 食品 shop's agent was offered
 * 尺码推荐 for a buyer asking a product's size, QA pass S defect 10). Replies that name a size or
 * 穿着 in passing but answer a question every shop gets (七天无理由退货, 退货挽留, 换货流程, 打消顾虑,
 * 质量问题处理方案, 断货待补…) are not listed: a shop without them would lose a whole answer. A size
 * question then gets 细节待核实（24小时内回复）, the generic size/spec reply. Kept apart from starter.ts
 * so the options page and worker-extras.js carry this list, not the whole starter library; a new
 * clothing-only starter reply is added here too (starter-kinds.test.ts checks each id exists).
 * The two welcomes were listed until 2026-12-06: they spoke of 尺码、面料、搭配 and 穿着, so a shop that
 * removed the kind was left with no plain welcome at all; they are now worded for any shop.
 */
export const STARTER_KINDS = {
  clothing: [
    'product-material',
    'product-compare', // 买家秀，上身效果
    'product-match',
    'size-ask',
    'size-recommend',
    'size-model',
    'size-between',
    'size-chart',
    'size-runs-small',
    'size-exchange-ok',
    'quality-odor',
  ],
} as const satisfies Record<string, readonly string[]>;

export type StarterKind = keyof typeof STARTER_KINDS;

/**
 * Starter replies a kind listed once and no longer does: the two welcomes left `clothing` on
 * 2026-12-06. A version before then removed them with the kind (删除服装类起始话术), so a shop that
 * sells no clothes was left without a plain welcome, and nothing brought them back: no update adds a
 * starter reply it has no list for, and the shop never chose to delete a welcome as such. That
 * page's removal also wrote the kind's ids, welcomes included, to the 内置话术新增 record
 * (`kf-starter-added-seen`, components/options/StarterAddedNotice.tsx), and no other step writes a
 * welcome there: that record is what tells a welcome lost with the kind from one the shop deleted.
 */
export const LEFT_KINDS: Record<StarterKind, readonly string[]> = {
  clothing: ['welcome-new', 'welcome-returning'],
};

/**
 * The starter replies to offer back to `lib` (starter order of LEFT_KINDS): removed with a kind by a
 * version that still listed them (`seen` holds them: that removal wrote them there), not in the
 * library, and not yet `answered` here (offered and added or declined, or held in the library on this
 * machine since — so one the shop deletes from now on is gone for good).
 */
export function lostWithKind(lib: TemplateLibrary, seen: readonly string[], answered: readonly string[]): string[] {
  const have = new Set(lib.templates.map((t) => t.id));
  return Object.values(LEFT_KINDS)
    .flat()
    .filter((id) => seen.includes(id) && !answered.includes(id) && !have.has(id));
}

/**
 * A stored copy the agent never edited: title, text, /code and situations as the starter has them
 * (the text may be an earlier starter wording, starter-rewords.ts). Anything else is the agent's own.
 */
export function untouchedStarter(t: Template, s: Template): boolean {
  return (
    t.title === s.title &&
    (t.body === s.body || !!STARTER_REWORDS[s.id]?.includes(t.body)) &&
    (t.code ?? '') === (s.code ?? '') &&
    t.scenarios.join() === s.scenarios.join()
  );
}

/** The untouched (removable) and edited (kept) copies of `kind`'s starter replies the library holds. */
export function kindCopies(lib: TemplateLibrary, starter: TemplateLibrary, kind: StarterKind): { untouched: Template[]; edited: Template[] } {
  const ids: readonly string[] = STARTER_KINDS[kind];
  const shipped = new Map(starter.templates.map((s) => [s.id, s]));
  const untouched: Template[] = [];
  const edited: Template[] = [];
  for (const t of lib.templates) {
    const s = ids.includes(t.id) ? shipped.get(t.id) : undefined;
    if (s) (untouchedStarter(t, s) ? untouched : edited).push(t);
  }
  return { untouched, edited };
}

/**
 * The library without the untouched copies of `kind`'s starter replies (a new object), and a group
 * those emptied dropped (尺码推荐 when none is left); null when there is none to remove.
 */
export function withoutKind(lib: TemplateLibrary, starter: TemplateLibrary, kind: StarterKind): { library: TemplateLibrary | null; removed: string[]; kept: string[] } {
  const { untouched, edited } = kindCopies(lib, starter, kind);
  const kept = edited.map((t) => t.id);
  if (!untouched.length) return { library: null, removed: [], kept };
  const gone = new Set(untouched);
  const templates = lib.templates.filter((t) => !gone.has(t));
  const emptied = new Set(untouched.map((t) => t.group).filter((g) => !templates.some((t) => t.group === g)));
  return { library: { groups: lib.groups.filter((g) => !emptied.has(g)), templates }, removed: untouched.map((t) => t.id), kept };
}

/**
 * What this machine keeps in `meta` 'starter-added' (lib/messaging/handlers/core.ts): how many
 * STARTER_ADDED lists its library has had (a bare number, as before 2026-12-05), and, once the agent
 * removed a kind's starter replies, `without` naming it: an update then adds none of that kind's
 * replies, now or in a later list (they were removed on purpose).
 */
export interface StarterMark {
  lists?: number;
  without: StarterKind[];
}

export function readStarterMark(mark: unknown): StarterMark {
  if (typeof mark === 'number') return { lists: mark, without: [] };
  const m = (mark ?? {}) as { lists?: unknown; without?: unknown };
  const without = Array.isArray(m.without) ? (m.without.filter((k) => typeof k === 'string' && k in STARTER_KINDS) as StarterKind[]) : [];
  return { ...(typeof m.lists === 'number' && { lists: m.lists }), without };
}

/** The stored form: a bare number while no kind was removed (what versions before read). */
export function writeStarterMark(m: StarterMark): unknown {
  return m.without.length ? m : m.lists;
}

/** The starter ids an update must not add to this library (the kinds the agent removed). */
export function removedIds(m: StarterMark): Set<string> {
  return new Set(m.without.flatMap((k) => STARTER_KINDS[k]));
}
