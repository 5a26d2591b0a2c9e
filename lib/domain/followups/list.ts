/**
 * The popup's list from the sorted sections: each section's items by kind, at most `perGroup` of a
 * group where the section is asked for, and the group of the item just acted on up to it. Pure, in
 * worker-extras.js (the worker asks for it only when a list is asked for; handlers/followups.ts).
 */
import { FOLLOWUP_SECTIONS, type FollowupGroupSlice, type FollowupList, type FollowupSection } from '../../messaging/protocol-followups';
import type { HandoverViewer } from './handover';
import type { Followup } from './types';
import { groupByKind } from './view';

export function followupList(
  sections: Record<FollowupSection, Followup[]> & { badge: number },
  now: number,
  utcOffsetMinutes: FollowupList['utcOffsetMinutes'],
  perGroup: number,
  withItems: readonly FollowupSection[],
  viewer?: HandoverViewer,
  reveal?: string,
): FollowupList {
  const groups: FollowupGroupSlice[] = [];
  let revealed: FollowupList['revealed'];
  for (const section of FOLLOWUP_SECTIONS) {
    const take = withItems.includes(section) ? perGroup : 0;
    // By kind; the time-ordered sections keep todayView's urgency order.
    for (const g of groupByKind(sections[section])) {
      // The item the agent just acted on comes with its group, up to it, whatever the section: an
      // item due after midnight (handed over or added in the evening) sits in the folded 以后.
      const at = reveal === undefined ? -1 : g.items.findIndex((f) => f.id === reveal);
      if (at >= 0) revealed = { section, kind: g.kind, id: reveal! };
      groups.push({ section, kind: g.kind, total: g.items.length, items: g.items.slice(0, Math.max(take, at + 1)) });
    }
  }
  const counts = Object.fromEntries(FOLLOWUP_SECTIONS.map((s) => [s, sections[s].length])) as FollowupList['counts'];
  counts.badge = sections.badge;
  return { now, counts, groups, utcOffsetMinutes, ...(viewer ? { viewer } : {}), ...(revealed ? { revealed } : {}) };
}
