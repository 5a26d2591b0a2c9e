import type { Template, TemplateLibrary } from './types';

/**
 * Starter replies added after libraries were already being stored, one list per update that added
 * them. A stored library never gains a starter reply by itself (nothing rewrites it behind the
 * agent's back), so the options page offers these; add a new list here whenever starter.ts gains
 * replies, never append to an old one (a library holding any reply of a list had that update).
 */
export const STARTER_ADDED: readonly (readonly string[])[] = [
  // 2026-12-04: a chosen 延迟发货 or 合并发货 showed no card for a buyer whose order had shipped.
  ['delay-check', 'merge-ask'],
  // 2026-12-04, later the same day: the same for 查件, 改地址 and 取消订单.
  ['tracking-check', 'address-check', 'cancel-check'],
  // 2026-12-05: a refund chase with no refund on the page got 退款已完成 at Alt+1; an extra item got 发错货.
  ['refund-check', 'extra-item'],
];

/**
 * The starter replies to offer a stored library, in starter order: those of an update none of
 * whose replies the library holds (a library holding one of them had that update, so a missing one
 * was deleted by the agent), and that this machine has not `seen` (ids the agent dismissed, added,
 * or had in the library before).
 */
export function starterAdditions(
  lib: TemplateLibrary,
  starter: TemplateLibrary,
  seen: readonly string[],
  added: readonly (readonly string[])[] = STARTER_ADDED,
): Template[] {
  const have = new Set(lib.templates.map((t) => t.id));
  const offered = new Set(
    added.filter((ids) => !ids.some((id) => have.has(id))).flatMap((ids) => ids.filter((id) => !seen.includes(id))),
  );
  return starter.templates.filter((t) => offered.has(t.id));
}

/**
 * Adds the starter replies `ids` the library lacks (a new object; the input is not changed). Each
 * goes after the nearest earlier starter reply the library holds, so it lands among its neighbours
 * (else at the end); its group is added when the library has none by that name, and a /code
 * another reply already uses is left off (two replies cannot share one).
 */
export function addStarterReplies(lib: TemplateLibrary, starter: TemplateLibrary, ids: readonly string[]): { library: TemplateLibrary; added: string[] } {
  const templates = [...lib.templates];
  const groups = [...lib.groups];
  const added: string[] = [];
  starter.templates.forEach((s, i) => {
    if (!ids.includes(s.id) || templates.some((t) => t.id === s.id)) return;
    const copy: Template = structuredClone(s);
    if (copy.code && templates.some((t) => t.code === copy.code)) delete copy.code;
    let at = templates.length;
    for (let j = i - 1; j >= 0; j--) {
      const k = templates.findIndex((t) => t.id === starter.templates[j]!.id);
      if (k >= 0) {
        at = k + 1;
        break;
      }
    }
    templates.splice(at, 0, copy);
    if (!groups.includes(copy.group)) groups.push(copy.group);
    added.push(s.id);
  });
  return { library: { ...lib, groups, templates }, added };
}
