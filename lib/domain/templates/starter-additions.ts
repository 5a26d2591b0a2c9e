import type { Template, TemplateLibrary } from './types';

/**
 * Starter replies added after libraries were already being stored, one list per update that added
 * them. At an extension update the worker adds each list a stored library has not had yet
 * (`newStarterReplies`; lib/messaging/handlers/core.ts upgradeStarterLibrary), and the options page
 * offers any it could not. Add a new list here whenever starter.ts gains replies, never append to an
 * old one: the machine keeps how many lists its library has had, and a library holding any reply of
 * a list had that update.
 */
export const STARTER_ADDED: readonly (readonly string[])[] = [
  // 2026-12-04: a chosen 延迟发货 or 合并发货 showed no card for a buyer whose order had shipped.
  ['delay-check', 'merge-ask'],
  // 2026-12-04, later the same day: the same for 查件, 改地址 and 取消订单.
  ['tracking-check', 'address-check', 'cancel-check'],
  // 2026-12-05: a refund chase with no refund on the page got 退款已完成 at Alt+1; an extra item got 发错货.
  ['refund-check', 'extra-item'],
  // 2026-12-05, QA pass T: an exchange already sent back got 退货挽留 (是哪里不满意呢), 仅退款 and a
  // refund short of what was paid had no fitting reply.
  ['exchange-check', 'exchange-back-received', 'exchange-back-on-way', 'refund-only', 'refund-amount-diff'],
  // 2026-12-05, later: a return already sent (退货寄出了，单号…) got how-to-return replies, and 掉色 got
  // 新衣有气味 on the cards.
  ['return-sent', 'quality-fading'],
  // 2026-12-06: where the goods ship from (从哪里发货) had no reply of its own.
  ['ship-from'],
  // 2026-12-06, later: which ways of paying the shop takes (能用花呗吗) got the payment reminders, no answer.
  ['pay-methods'],
  // 2026-12-06, night: whether the parcel comes to the door or waits at a pick-up point (能不能送上门) got 默认快递.
  ['courier-door'],
  // 2026-12-07: a bad review threatened (再不解决我就给差评了) got the complaint's replies, none aimed at the threat.
  ['review-threat'],
  // 2026-12-07, the pre-sale walk: wrapping or a card for a present (送人的 能帮忙包装一下吗) got 细节待核实, a size
  // the buyer usually wears (平时穿38的鞋 要拍多大) 询问身高体重, and postage to a far place before any order
  // (新疆能发吗 运费多少) 运费与快递可达, which speaks of an order placed.
  ['gift-wrap', 'size-usual', 'postage-region'],
  // 2026-12-07, later: how the return-postage insurance works (运费险怎么用, 有运费险吗) led with 非质量问题运费, which
  // tells the buyer to pay the postage — wrong for an order that carries the insurance.
  ['return-insurance'],
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
 * (else before the nearest later one, else at the end); its group is added when the library has none by that name, and a /code
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
    let at = -1;
    for (let j = i - 1; j >= 0 && at < 0; j--) {
      const k = templates.findIndex((t) => t.id === starter.templates[j]!.id);
      if (k >= 0) at = k + 1;
    }
    // The starter's first replies (the welcomes) have no earlier neighbour: before the next one held.
    for (let j = i + 1; j < starter.templates.length && at < 0; j++) at = templates.findIndex((t) => t.id === starter.templates[j]!.id);
    if (at < 0) at = templates.length;
    templates.splice(at, 0, copy);
    if (!groups.includes(copy.group)) groups.push(copy.group);
    added.push(s.id);
  });
  return { library: { ...lib, groups, templates }, added };
}

/**
 * How many STARTER_ADDED lists every library stored before the count was kept (`starter-added` in
 * meta, since b531d82 on 2026-12-05) had already been offered: the options page's StarterAddedNotice
 * offered lists 1–2 from 3c40f54 (2026-12-04) and list 3 from 67cce23 (2026-12-05), and the worker
 * added nothing by itself before b531d82. So a library without the count may be missing any of them
 * because the agent deleted the replies or clicked 不用了，不再提示 — whose record is in the options
 * page's localStorage (`kf-starter-added-seen`), out of the worker's reach — and an update must not
 * bring them back; that page still offers the ones its record has not seen. Fixed at 3 for good: a
 * list added from now on is not "known" to a library from before, and is added to it once.
 */
export const LISTS_BEFORE_COUNT = 3;

/**
 * What an extension update adds to a stored library: the replies of every list from `applied` on
 * (the number of STARTER_ADDED lists this machine's library has had; undefined for a library stored
 * before that was kept: `known`, the lists older versions had already offered) of which the library
 * holds none — a library holding one had that update, so its missing ones were deleted by the agent
 * and stay deleted. Nor any of `skip` (a kind of starter reply the agent removed, starter-kinds.ts),
 * whichever list it comes in. Replies the library holds are never touched (an edited copy keeps the agent's
 * text). `applied` comes back as the number of lists now had, to be kept once the library is saved;
 * a second run with it adds nothing, whatever was deleted in between. `library` is null when there
 * is nothing to add.
 */
export function newStarterReplies(
  lib: TemplateLibrary,
  starter: TemplateLibrary,
  applied: number | undefined,
  added: readonly (readonly string[])[] = STARTER_ADDED,
  known = LISTS_BEFORE_COUNT,
  skip: ReadonlySet<string> = new Set(),
): { library: TemplateLibrary | null; added: string[]; applied: number } {
  const from = Math.max(0, applied ?? known);
  const have = new Set(lib.templates.map((t) => t.id));
  const ids = added.slice(from).filter((list) => !list.some((id) => have.has(id))).flat().filter((id) => !skip.has(id));
  const r = ids.length ? addStarterReplies(lib, starter, ids) : null;
  return { library: r?.added.length ? r.library : null, added: r?.added ?? [], applied: Math.max(added.length, from) };
}
