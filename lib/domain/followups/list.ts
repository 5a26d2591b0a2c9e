/**
 * The popup's list from the sorted sections: each section's items by kind, at most `perGroup` of a
 * group where the section is asked for, and the group of the item just acted on up to it. Pure, in
 * worker-extras.js (the worker asks for it only when a list is asked for; handlers/followups.ts).
 */
import { FOLLOWUP_SECTIONS, type FollowupGroupSlice, type FollowupList, type FollowupSection } from '../../messaging/protocol-followups';
import { isHandedTo, type HandoverViewer } from './handover';
import type { Followup, FollowupSettings } from './types';
import { groupByKind, todayView } from './view';
import { atTime } from '../time';

export type FollowupSections = Record<FollowupSection, Followup[]> & { badge: number };

/**
 * Every section's items, in display order (the popup's whole list, and the CSV export). Items
 * handed to the viewer or their shift move from overdue/today/upcoming to the handover section.
 */
export function followupSections(
  items: readonly Followup[],
  now: number,
  settings: Partial<FollowupSettings> & Pick<FollowupSettings, 'utcOffsetMinutes'>,
  viewer?: HandoverViewer,
): FollowupSections {
  const view = todayView(items, now, settings);
  const startOfToday = atTime(now, 0, settings.utcOffsetMinutes);
  const done = items
    .filter((f) => f.status === 'done' && (f.closedAt ?? 0) >= startOfToday)
    .sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  const mine = (f: Followup) => !!viewer && isHandedTo(f, viewer, settings);
  const handover = [...view.overdue, ...view.today, ...view.upcoming].filter(mine);
  handover.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
  const rest = (list: Followup[]) => (handover.length ? list.filter((f) => !mine(f)) : list);
  return { handover, overdue: rest(view.overdue), today: rest(view.today), upcoming: rest(view.upcoming), snoozed: view.snoozed, done, badge: view.badgeCount };
}

export function followupList(
  sections: FollowupSections,
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
  // Of every section, not only the slices sent: the popup's console tags do not come and go with folding.
  const consoles = [...new Set(FOLLOWUP_SECTIONS.flatMap((s) => sections[s].flatMap((f) => (f.platform ? [f.platform] : []))))];
  return { now, counts, groups, consoles, utcOffsetMinutes, ...(viewer ? { viewer } : {}), ...(revealed ? { revealed } : {}) };
}
