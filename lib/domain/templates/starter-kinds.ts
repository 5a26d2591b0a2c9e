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
    'size-usual', // 您平时穿…码的话
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
 * starter reply it has no list for, and the shop never chose to delete a welcome as such. What tells
 * a welcome lost with the kind from one the shop deleted by hand is the worker's mark (`meta`
 * 'starter-added', StarterMark below): every removal since the first wrote `without`, and from
 * 2026-12-06 a removal also writes these ids as `settled` (it takes none of them), so a mark that
 * names the kind without `settled` is an earlier version's removal. The options page's record of that
 * removal (`kf-starter-added-seen`) was used until then; a page whose localStorage was cleared never
 * offered them.
 */
export const LEFT_KINDS: Record<StarterKind, readonly string[]> = {
  clothing: ['welcome-new', 'welcome-returning'],
};

/** The LEFT_KINDS ids of the kinds the mark says were removed, in LEFT_KINDS order. */
const leftOf = (m: StarterMark) => m.without.flatMap((k) => LEFT_KINDS[k]);

/** Whether the removal the mark records has not been reckoned yet (a version before 2026-12-06 made it): its safety copy is worth reading. */
export function lostUnreckoned(mark: unknown): boolean {
  const m = readStarterMark(mark);
  return leftOf(m).length > 0 && !m.settled;
}

/**
 * The starter replies to offer back to `lib` (LEFT_KINDS order), and the mark to keep (`changed`:
 * worth writing). Offered: the ids of LEFT_KINDS a removal by an earlier version may have taken (the
 * mark names the kind), not in the library and not settled. Settled, for good: what that removal did
 * not take — at the first reckoning, by its safety copy (`copy`, the library 备份 删除服装类起始话术前
 * holds, when one is kept): an id the copy lacks or holds edited stayed out of the removal; with no copy
 * kept, nothing is known and only the library counts —, one held in the library (deleted from now on,
 * it stays deleted), and `answered` (added or declined on the options page).
 */
export function settleLostWithKind(
  lib: TemplateLibrary,
  mark: unknown,
  starter: TemplateLibrary,
  copy?: TemplateLibrary | null,
  answered: readonly string[] = [],
): { ids: string[]; mark: unknown; changed: boolean } {
  const m = readStarterMark(mark);
  const left = leftOf(m);
  if (!left.length) return { ids: [], mark, changed: false };
  const shipped = new Map(starter.templates.map((s) => [s.id, s]));
  const taken = (id: string) => {
    const t = copy?.templates.find((x) => x.id === id);
    const s = shipped.get(id);
    // A copy's record is the extension's own, but an odd one counts as edited rather than throwing.
    return !!t && !!s && Array.isArray(t.scenarios) && untouchedStarter(t, s);
  };
  const settled = new Set(m.settled ?? (copy ? left.filter((id) => !taken(id)) : []));
  const held = new Set(lib.templates.map((t) => t.id));
  for (const id of left) if (held.has(id) || answered.includes(id)) settled.add(id);
  const next = left.filter((id) => settled.has(id));
  const changed = !m.settled || next.length !== m.settled.length;
  return { ids: left.filter((id) => !settled.has(id)), mark: changed ? writeStarterMark({ ...m, settled: next }) : mark, changed };
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
  /**
   * Of the replies the removed kinds once listed (LEFT_KINDS), those with nothing to offer back:
   * not taken by the removal, held in the library since, added back or declined (settleLostWithKind).
   * Absent: a removal by a version before 2026-12-06, not reckoned yet.
   */
  settled?: string[];
}

export function readStarterMark(mark: unknown): StarterMark {
  if (typeof mark === 'number') return { lists: mark, without: [] };
  const m = (mark ?? {}) as { lists?: unknown; without?: unknown; settled?: unknown };
  const without = Array.isArray(m.without) ? (m.without.filter((k) => typeof k === 'string' && k in STARTER_KINDS) as StarterKind[]) : [];
  const settled = Array.isArray(m.settled) ? m.settled.filter((id): id is string => typeof id === 'string') : undefined;
  return { ...(typeof m.lists === 'number' && { lists: m.lists }), without, ...(settled && { settled }) };
}

/** The stored form: a bare number while no kind was removed (what versions before read). */
export function writeStarterMark(m: StarterMark): unknown {
  return m.without.length ? m : m.lists;
}

/** The starter ids an update must not add to this library (the kinds the agent removed). */
export function removedIds(m: StarterMark): Set<string> {
  return new Set(m.without.flatMap((k) => STARTER_KINDS[k]));
}
