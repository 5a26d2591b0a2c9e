import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Followup } from '@/lib/domain/followups/types';
import { FOLLOWUP_SECTIONS, type FollowupGroupSlice, type FollowupList as ListData, type FollowupSection, type HandoverTargets } from '@/lib/messaging/protocol-followups';
import { decodeTarget, shiftName, targetName } from '../HandoverPicker';
import { t } from '@/lib/i18n';
import { usePopupApi } from './PopupContext';
import { FollowupRow, notesFullText, platformName, platformsShown, type RowAction } from './FollowupRow';
import { notesFullRoom } from '@/lib/domain/followups/notes';
import { AddFollowupForm } from './AddFollowupForm';
import { DoneOverNotice, useTeamNotices } from './DoneOverNotice';
import { formatDue, shopZoneLabel } from './format';
import { announce } from '../announce';
import { followupTitleTagged } from '@/lib/domain/followups/text';
import { reasonText } from '@/lib/messaging/reason';
import { notDoneText } from '@/lib/messaging/not-done';
import { openableUrl } from '@/lib/domain/followups/target';
import { allDayShift } from '@/lib/domain/followups/rules';

/** Items per group on the first screen; the rest of a group comes in pages of MORE_PAGE. */
export const FIRST_PAGE = 5;
export const MORE_PAGE = 50;
/** Rows rendered at first: about a screenful. Groups past it start folded (header and count). */
export const FIRST_SCREEN_ROWS = 16;
const OPEN_BY_DEFAULT: ReadonlySet<FollowupSection> = new Set(['handover', 'overdue', 'today']);
const keyOf = (g: { section: string; kind: string }) => `${g.section}/${g.kind}`;

/**
 * Today's follow-ups: overdue / today / later (and snoozed, done today, collapsed), each grouped by
 * kind in urgency order. Fast with thousands of items: the background sends counts and the first
 * items of each group; a group grows on demand ("show more"), a collapsed section renders nothing.
 * Items handed to this agent or their shift come first (交接给我 / 夜班交接).
 * Keys: ↑/↓ move, Enter open, D done, S snooze, N note, H hand over.
 */
export function FollowupList(props: { onFirstRender?: () => void; initial?: ListData | null }) {
  const api = usePopupApi();
  // Fetched before the first render (entrypoint), so the list is on screen in the first paint.
  const [data, setData] = useState<ListData | null>(props.initial ?? null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  /** What went wrong with the agent's last action, on the row it was for (not at the top, out of view). */
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);
  const [open, setOpen] = useState<Set<FollowupSection>>(() => new Set(OPEN_BY_DEFAULT));
  const [selected, setSelected] = useState<string | null>(null);
  const [noteFor, setNoteFor] = useState<string | null>(null);
  const [snoozeFor, setSnoozeFor] = useState<string | null>(null);
  const [handoverFor, setHandoverFor] = useState<string | null>(null);
  const [targets, setTargets] = useState<HandoverTargets | null>(null);
  // The shop's taught pages: an item's 打开 goes to them and to the supported consoles only (target.ts).
  const [taught, setTaught] = useState<string[]>([]);
  useEffect(() => {
    // Not asked: the consoles alone (a worker that cannot answer now leaves 打开 to them).
    api.call('listTaughtSites').then((list) => list.map((s) => s.origin)).then(setTaught, () => undefined);
  }, []);
  /** Groups the agent folded or unfolded; the others follow the first-screen budget. */
  const [folded, setFolded] = useState<Map<string, boolean>>(() => new Map());
  const shown = useRef(FIRST_PAGE);
  const openRef = useRef(open);
  openRef.current = open;
  /**
   * The item the agent last added or handed over: it stays on screen where the background now files
   * it. Handed to the night shift or added in the evening it is due after midnight, in 以后, which
   * starts folded; without this it vanished under the agent's hands between 20:00 and 24:00.
   */
  const keep = useRef<{ id: string; show: boolean } | null>(null);
  // Answers can cross (a change announcement and the action's own reload): the newest request wins.
  const sent = useRef(0);
  const shownSeq = useRef(0);

  const load = useCallback(() => {
    const seq = ++sent.current;
    const reveal = keep.current?.id;
    api.call('listFollowups', { perGroup: shown.current, sections: [...openRef.current], ...(reveal ? { reveal } : {}) }).then(
      (d) => {
        if (seq < shownSeq.current) return;
        shownSeq.current = seq;
        setData(d);
        setError(null);
        const at = d.revealed;
        if (!at || !keep.current?.show || keep.current.id !== at.id) return;
        keep.current.show = false;
        if (!openRef.current.has(at.section)) {
          openRef.current = new Set(openRef.current).add(at.section);
          setOpen(openRef.current);
        }
        setFolded((prev) => new Map(prev).set(keyOf(at), false));
        setSelected(at.id);
      },
      (e: Error) => setError(t('followups.popup.loadFailed', { reason: e.message })),
    );
  }, [api]);

  /** Reloads and keeps `id` on screen: its section opened and its group unfolded if need be. */
  const reveal = useCallback(
    (id: string) => {
      keep.current = { id, show: true };
      load();
    },
    [load],
  );

  useEffect(() => {
    if (!props.initial) load();
    return api.onChanged(['followups'], () => load());
  }, [load]);

  const reported = useRef(false);
  useLayoutEffect(() => {
    if (data && !reported.current) {
      reported.current = true;
      props.onFirstRender?.();
    }
  }, [data]);

  // Which groups show their rows: unfolded ones, and by default those within the first screenful.
  const visible = useMemo(() => {
    const out = new Set<string>();
    let budget = FIRST_SCREEN_ROWS;
    for (const g of data?.groups ?? []) {
      if (!open.has(g.section)) continue;
      const choice = folded.get(keyOf(g));
      if (choice === false || (choice === undefined && budget > 0)) out.add(keyOf(g));
      if (choice === undefined) budget -= g.items.length;
    }
    return out;
  }, [data, open, folded]);

  // Every item of every section, loaded or not: a console tag that came and went with folding, or with a
  // section opened, would read as a change.
  const showPlatform = useMemo(() => !!data && platformsShown(data), [data]);
  // What is said of a row names it as the row does: with its console when the rows show one.
  const spoken = (item: Followup) => {
    const title = followupTitleTagged(item, t);
    return showPlatform && item.platform ? `${platformName(item.platform)} · ${title}` : title;
  };

  // Rows in display order, for the arrow keys.
  const rows = useMemo(() => {
    const list: { item: Followup; section: FollowupSection }[] = [];
    for (const g of data?.groups ?? []) if (visible.has(keyOf(g))) for (const item of g.items) list.push({ item, section: g.section });
    return list;
  }, [data, visible]);

  // Keep a selection that still exists; else the first row.
  useEffect(() => {
    if (!rows.length) return;
    if (!selected || !rows.some((r) => r.item.id === selected)) setSelected(rows[0]!.item.id);
  }, [rows]);

  // Team mode: what to tell this agent (a colleague's close of their snooze, a reopen of their close).
  const team = useTeamNotices();
  /** A colleague's reopen of this item after this agent closed it, while the item is still as that reopen left it. */
  const reopenedBy = (item: Followup) => {
    const n = team.notices?.reopened.find((d) => d.id === item.id);
    return n && item.status !== 'done' && item.reopenedAt === n.at ? n : null;
  };

  // The row of a reopen to tell of is brought on screen once, its section opened: the new date is often
  // in 以后, which starts folded, and the notice would go unseen there.
  const broughtUp = useRef(new Set<string>());
  useEffect(() => {
    const fresh = team.notices?.reopened.filter((n) => !broughtUp.current.has(`${n.at} ${n.id}`)) ?? [];
    for (const n of fresh) broughtUp.current.add(`${n.at} ${n.id}`);
    if (fresh.length) reveal(fresh[fresh.length - 1]!.id);
  }, [team.notices]);

  const failed = (item: Followup, text: string) => {
    setSelected(item.id);
    setRowError({ id: item.id, text });
  };

  const run = async (item: Followup, action: RowAction) => {
    setStatus(null);
    setRowError(null);
    // Acted on or opened: the agent has seen the colleague's reopen. 完成 and 重新打开 reach a verb that
    // writes the item, whose worker drops it; 打开 and a form opening (备注, 推迟, 交给…) drop it here
    // (the form's verb then asks nothing again). Until 2026-12-06 a 完成 dropped it twice.
    const told = reopenedBy(item);
    if (told) team.seenReopened(told, action !== 'done' && action !== 'reopen');
    try {
      if (action === 'note') {
        setNoteFor(item.id);
        return;
      }
      if (action === 'snooze') {
        // A choice of times (SnoozeMenu); S or 推迟 again closes it.
        setSnoozeFor(snoozeFor === item.id ? null : item.id);
        return;
      }
      if (action === 'handover') {
        if (!targets) setTargets(await api.call('handoverTargets'));
        setHandoverFor(handoverFor === item.id ? null : item.id);
        return;
      }
      if (action === 'open') {
        // Enter on a row without 打开 (a to-do typed here names no page): say so on the row.
        if (!openableUrl(item, taught) || !(await api.call('openFollowup', { id: item.id })).url) failed(item, t('followups.popup.noLink'));
        return;
      }
      // The next item takes the selection when this one leaves the list.
      const i = rows.findIndex((r) => r.item.id === item.id);
      const next = rows[i + 1]?.item.id ?? rows[i - 1]?.item.id ?? null;
      await api.call('updateFollowup', action === 'done' ? { id: item.id, action: 'done' } : { id: item.id, action: 'reopen' });
      // The row only moves to another section: a screen reader is told what happened, naming the item
      // as its row does (a masked buyer with their tag: two S*******n are two different items).
      announce(t(action === 'done' ? 'followups.popup.saidDone' : 'followups.popup.saidReopened', { title: spoken(item) }));
      if (action !== 'reopen') setSelected(next);
      load();
    } catch (e) {
      failed(item, action === 'done' || action === 'reopen' ? notDoneText(e, t(`followups.popup.notDone.${action}`), t('followups.popup.unchanged.item')) : t('followups.popup.actionFailed', { reason: reasonText(e) }));
    }
  };

  /** The time picked in the 推迟 menu (null: closed without one). The next row takes the selection. */
  const snoozeTo = async (item: Followup, until: number | null) => {
    setSnoozeFor(null);
    setRowError(null);
    if (until === null) return setSelected(item.id);
    const i = rows.findIndex((r) => r.item.id === item.id);
    try {
      await api.call('updateFollowup', { id: item.id, action: 'snooze', until });
      announce(t('followups.popup.saidSnoozed', { title: spoken(item), time: formatDue(until, Date.now(), data?.utcOffsetMinutes ?? null) }));
      setSelected(rows[i + 1]?.item.id ?? rows[i - 1]?.item.id ?? null);
      load();
    } catch (e) {
      failed(item, notDoneText(e, t('followups.popup.notDone.snooze'), t('followups.popup.unchanged.item')));
    }
  };

  /** Resolves false when the note could not be saved: the input then stays open with the text, to try again. */
  const saveNote = async (item: Followup, text: string | null): Promise<boolean> => {
    setSelected(item.id);
    setRowError(null);
    if (text) {
      try {
        await api.call('updateFollowup', { id: item.id, action: 'note', text });
        announce(t('followups.popup.saidNote', { title: spoken(item) }));
        load();
      } catch (e) {
        // Refused by the worker as not fitting (another window added a note meanwhile): said as the input says it.
        const room = notesFullRoom(e);
        failed(item, room === null ? t('followups.popup.noteFailed', { reason: reasonText(e) }) : notesFullText(room, text.length));
        return false;
      }
    }
    setNoteFor(null);
    return true;
  };

  const handOver = async (item: Followup, value: string | null) => {
    setHandoverFor(null);
    setSelected(item.id);
    setRowError(null);
    if (value === null) return;
    const to = decodeTarget(value);
    if (!to && !item.assignee && !item.shift && !item.handover) return;
    try {
      keep.current = { id: item.id, show: true };
      await api.call('updateFollowup', { id: item.id, action: 'assign', to });
      const said = to ? t('handover.done', { to: targetName(to) }) : t('handover.taken');
      // Shown above the list, and said: a status line that appears with its text is often not read.
      setStatus(said);
      announce(said);
      reveal(item.id);
    } catch (e) {
      failed(item, notDoneText(e, to ? t('followups.popup.notDone.assign', { to: targetName(to) }) : t('followups.popup.notDone.take'), t('followups.popup.unchanged.item')));
    }
  };

  const more = async (g: FollowupGroupSlice) => {
    try {
      const page = await api.call('listFollowupGroup', { section: g.section, kind: g.kind, offset: g.items.length, limit: MORE_PAGE });
      shown.current = Math.max(shown.current, g.items.length + page.items.length);
      setData((d) =>
        d && { ...d, groups: d.groups.map((x) => (keyOf(x) === keyOf(g) ? { ...x, total: page.total, items: [...x.items, ...page.items] } : x)) },
      );
    } catch (e) {
      setStatus(t('followups.popup.actionFailed', { reason: reasonText(e) }));
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing || e.keyCode === 229 || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    const i = rows.findIndex((r) => r.item.id === selected);
    const current = rows[i];
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      e.preventDefault();
      const j = Math.min(rows.length - 1, Math.max(0, (i < 0 ? -1 : i) + (key === 'ArrowDown' ? 1 : -1)));
      if (rows[j]) setSelected(rows[j]!.item.id);
      return;
    }
    if (!current) return;
    const done = current.section === 'done';
    const action: RowAction | null =
      key === 'Enter'
        ? done ? null : 'open'
        : key === 'd' ? (done ? null : 'done') : key === 's' ? (done ? null : 'snooze') : key === 'n' ? 'note' : key === 'h' ? (done ? null : 'handover') : null;
    if (!action) return;
    e.preventDefault();
    void run(current.item, action);
  };

  if (error) return <p class="kf-error" role="alert" data-kf="popup-error">{error}</p>;
  if (!data) return <p class="kf-muted" data-kf="popup-loading">{t('followups.popup.loading')}</p>;

  const c = data.counts;
  const zoneLabel = shopZoneLabel(data.utcOffsetMinutes, data.now);
  const nothing = c.overdue + c.today + c.upcoming + c.snoozed === 0;
  const toggle = (s: FollowupSection) => {
    const next = new Set(open);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    openRef.current = next;
    setOpen(next);
    // A section opened for the first time has counts only: fetch its first items.
    if (next.has(s) && data.groups.some((g) => g.section === s && g.items.length === 0 && g.total > 0)) load();
  };
  const fold = (g: FollowupGroupSlice, show: boolean) => setFolded((prev) => new Map(prev).set(keyOf(g), !show));

  return (
    // data-loaded: the follow-ups and the team's notices have both answered — what the list says is complete.
    <div class="kf-fu-view" data-kf="followups" data-ready="true" data-loaded={team.notices ? 'true' : undefined}>
      <p class="kf-summary" data-kf="summary" data-badge={c.badge} data-overdue={c.overdue} data-today={c.today}>
        {t('followups.popup.summary', { overdue: c.overdue, today: c.today, upcoming: c.upcoming })}
      </p>
      {zoneLabel && <p class="kf-zone" data-kf="shop-zone" title={t('followups.popup.zoneHint')}>{zoneLabel}</p>}
      {status && <p class="kf-status" role="status" data-kf="popup-status">{status}</p>}
      <DoneOverNotice items={team.notices?.doneOver ?? []} onDismiss={team.dismissDoneOver} now={data.now} zone={data.utcOffsetMinutes} />
      {nothing && <p class="kf-empty" data-kf="empty">{t('followups.view.empty')}</p>}
      <div role="listbox" aria-label={t('followups.popup.title')} onKeyDown={onKeyDown}>
        {FOLLOWUP_SECTIONS.map((section) => {
          const count = c[section];
          if (count === 0) return null;
          const isOpen = open.has(section);
          return (
            <section class={`kf-sec kf-sec-${section}`} data-kf="section" data-section={section}>
              <h2>
                <button class="kf-sec-toggle" aria-expanded={isOpen} data-kf="section-toggle" onClick={() => toggle(section)}>
                  {isOpen ? '▾' : '▸'} {sectionTitle(section, data)} <span class="kf-count">{count}</span>
                </button>
              </h2>
              {isOpen &&
                data.groups
                  .filter((g) => g.section === section)
                  .map((g) => (
                    <div class="kf-group" data-kf="group" data-kind={g.kind}>
                      <h3>
                        <button class="kf-group-toggle" data-kf="group-toggle" aria-expanded={visible.has(keyOf(g))} onClick={() => fold(g, !visible.has(keyOf(g)))}>
                          {t(`followups.kind.${g.kind}`)} <span class="kf-count">{g.total}</span>
                        </button>
                      </h3>
                      {visible.has(keyOf(g)) && <ul class="kf-fu-list">
                        {g.items.map((item) => (
                          <FollowupRow
                            key={item.id}
                            item={item}
                            section={section}
                            now={data.now}
                            zone={data.utcOffsetMinutes}
                            selected={item.id === selected}
                            editingNote={noteFor === item.id}
                            onSelect={setSelected}
                            onAction={(f, a) => void run(f, a)}
                            onNote={saveNote}
                            handoverTargets={handoverFor === item.id ? targets : null}
                            settings={data.settings}
                            snoozing={snoozeFor === item.id ? { settings: data.settings } : null}
                            taught={taught}
                            onSnooze={(f, until) => void snoozeTo(f, until)}
                            onHandover={(f, v) => void handOver(f, v)}
                            error={rowError?.id === item.id ? rowError.text : null}
                            showPlatform={showPlatform}
                            reopened={reopenedBy(item)}
                          />
                        ))}
                      </ul>}
                      {visible.has(keyOf(g)) && g.items.length < g.total && (
                        <button class="kf-more" data-kf="more" onClick={() => void more(g)}>
                          {t('followups.popup.more', { count: Math.min(MORE_PAGE, g.total - g.items.length) })}
                        </button>
                      )}
                    </div>
                  ))}
            </section>
          );
        })}
      </div>
      <AddFollowupForm
        zone={data.utcOffsetMinutes}
        // Round the clock (全天白班) a handover note is for whoever is on next, not for a night shift.
        allDay={!!data.settings && allDayShift(data.settings)}
        onAdded={(added) => {
          announce(t('followups.popup.saidAdded', { title: followupTitleTagged(added, t) }));
          reveal(added.id);
        }}
      />
    </div>
  );
}

/** 交接给我 / 夜班交接 (team mode), 夜班交接 (this machine alone): named after the shift that hands over. */
function sectionTitle(section: FollowupSection, data: ListData): string {
  if (section === 'done') return t('followups.popup.doneToday');
  if (section !== 'handover') return t(`followups.view.${section}`);
  const from = shiftName(data.viewer?.shift === 'night' ? 'day' : 'night');
  return t(data.viewer?.user ? 'handover.section.team' : 'handover.section.local', { from });
}
