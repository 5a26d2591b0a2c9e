/**
 * Team mode in the background. The worker cannot load code on demand (Chromium refuses
 * importScripts after start-up and import() in service workers), and PouchDB with the sync engine
 * is ~125 KB, so the sync runs in an offscreen document (team-sync.html) created only while team
 * mode is on; this module stays small. It
 *  - queues the keys of every local write (lib/storage/changes.ts) and syncs 2 s after the last one
 *    (50 ms while a UI is open);
 *  - syncs at start-up and every 5 minutes (chrome.alarms), and when asked (options, popup);
 *  - while a UI is open (popup, options, side panel, a console's buyer card: each holds a `kf-ui`
 *    port, lib/messaging/ui-port.ts) keeps the team page in live mode: the server's changes arrive
 *    as they happen; the last UI closing ends it and the alarms carry on;
 *  - keeps the status (已同步 / 离线 n 条待同步 / the error) in storage.local for every page.
 * Without team mode nothing here contacts anything.
 */
import { browser, type Runtime } from '../browser';
import { UI_PORT } from '../messaging/ui-port';
import { announceChange } from '../messaging/client';
import { onAlone, shared } from '../messaging/turn';
import { setLocalChangeListener } from '../storage/changes';
import { queueDirty } from '../team/dirty';
import { dirtyOf, type TeamDataArea } from '../team/local-stores';
import { syncTaughtScriptsQuietly } from '../teach/background-api';
import { resetSuggestEngine } from '../messaging/handlers/learned';
import { libraryWrittenElsewhere } from '../messaging/handlers/core';
import { isTeamConfig, LIVE_DEBOUNCE_MS, TEAM_CONFIG_KEY, TEAM_STATUS_KEY, type TeamConfig, type TeamStatus } from '../team/config';
import type { TeamRole } from '../team/names';
import type { SyncErrorKind } from '../team/sync';

export const TEAM_ALARM = 'kf-team-sync';
const DEBOUNCE_MS = 2000;
const PAGE = 'team-sync.html';

export interface TeamPageReply {
  status: TeamStatus;
  areas: TeamDataArea[];
  /** The shop's member list as the replica has it (kept for handover targets). */
  members?: TeamMember[];
}

export interface TeamMember {
  name: string;
  role: TeamRole;
}

/** Review and proposal operations the team page runs on its replicas. */
export type TeamOpRequest =
  | { op: 'review' }
  | { op: 'myProposals' }
  | { op: 'propose'; template: unknown }
  | { op: 'decide'; id: string; accepted: boolean; reason?: string }
  | { op: 'resolveConflict'; template: unknown }
  | { op: 'resolveRules'; ruleSet: unknown }
  | { op: 'resolveSite'; origin: string; site: unknown }
  | { op: 'dismissRefused'; doneOver?: boolean; reopened?: string; gone?: string[] };

export type TeamOpReply = { ok: true; value: any } | { ok: false; kind: SyncErrorKind | 'off'; message: string };

export const TEAM_MEMBERS_KEY = 'kf:team:members';

/** The open UIs' ports (lib/messaging/ui-port.ts). */
const uiPorts = new Set<Runtime.Port>();

/** Cached: only this module writes the configuration. */
let config: Promise<TeamConfig | null> | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

export function loadTeamConfig(): Promise<TeamConfig | null> {
  // A failed read is not kept: the next call reads again instead of failing for the worker's life
  // (a reset that races a newer value only costs one more read of storage).
  config ??= browser.storage.local.get(TEAM_CONFIG_KEY).then(
    (r) => (isTeamConfig(r[TEAM_CONFIG_KEY]) ? (r[TEAM_CONFIG_KEY] as TeamConfig) : null),
    (e) => {
      config = null;
      throw e;
    },
  );
  return config;
}

/** Team mode off (one object: the worker's bundle has a budget). */
const OFF: TeamStatus = { state: 'off', pending: 0 };

export async function loadTeamStatus(): Promise<TeamStatus> {
  return ((await browser.storage.local.get(TEAM_STATUS_KEY))[TEAM_STATUS_KEY] as TeamStatus | undefined) ?? OFF;
}

/** 退出团队模式 under way (leaveTeam): the status stays 'leaving' until it is done, a join waits for it. */
let leaving: Promise<TeamStatus> | null = null;
const LEAVING: TeamStatus = { state: 'leaving', pending: 0 };

async function setStatus(s: TeamStatus, leave?: 1): Promise<TeamStatus> {
  // A round or a live update answering during the leave must not say 已同步 (or show the sign-in form
  // as if it were over): only the leave writes the status until it is done.
  if (leaving && !leave) return s;
  await browser.storage.local.set({ [TEAM_STATUS_KEY]: s });
  await announceChange('team');
  return s;
}

type OffscreenApi = {
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
};
const offscreen = (): OffscreenApi | undefined => (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;

let creating: Promise<void> | null = null;
async function ensurePage(): Promise<void> {
  const api = offscreen();
  // The status shows this code in words (options → 团队).
  if (!api) throw new Error('unsupported');
  creating ??= api
    .createDocument({ url: PAGE, reasons: ['WORKERS'], justification: 'Team sync' })
    // "Only a single offscreen document may be created": it is already there.
    .catch(() => undefined)
    .finally(() => (creating = null));
  await creating;
}

/** Rounds run one after another, so the status of the last one requested is the one left. */
let queue: Promise<unknown> = Promise.resolve();
function queued<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn);
  queue = run.catch(() => 0);
  return run;
}

/** The page went away before it answered (Chrome closed it, or it was reloaded). */
const PAGE_GONE = /(channel|port) closed|end does not exist/i;

/**
 * Sends `msg` to the team page, opening it first. A page closed before it answered is opened again
 * and asked once more: its work is in IndexedDB (replicas with their checkpoints, the dirty keys
 * still in flight), so the second round picks up where the first was cut off.
 */
async function askPage<T>(msg: Record<string, unknown>, cut?: () => boolean): Promise<T | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      await ensurePage();
      // Checked in the same turn as the send: a cut sent after reaches the page after this message.
      if (cut?.()) return;
      return (await browser.runtime.sendMessage(msg)) as T | undefined;
    } catch (err) {
      if (attempt > 0 || !PAGE_GONE.test(String((err as Error)?.message ?? err))) throw err;
    }
  }
}

/** What a round or a live update changed: announced to the pages; the status stored (when it has one). */
async function applyReply(reply: Omit<TeamPageReply, 'status'> & { status?: TeamStatus }): Promise<TeamStatus | undefined> {
  for (const area of reply.areas) {
    // The worker's own copies: taught sites' content scripts, the suggestion engine's picks, the library read.
    if (area === 'sites') await syncTaughtScriptsQuietly();
    if (area === 'learned') resetSuggestEngine();
    if (area === 'library') libraryWrittenElsewhere();
    await announceChange(area);
  }
  if (reply.members) await browser.storage.local.set({ [TEAM_MEMBERS_KEY]: reply.members });
  // The server's role now (a supervisor made agent): the UI and the next round follow it.
  const role = reply.status?.role;
  const cfg = role && (await loadTeamConfig());
  if (cfg && cfg.role !== role) await saveConfig({ ...cfg, role });
  return reply.status && setStatus(reply.status);
}

/** Live mode on (a UI is open; opens the team page) or off (the last UI closed; only if the page is there). */
async function setLive(on: boolean): Promise<void> {
  const ask = async () => {
    const cfg = await loadTeamConfig();
    if (!cfg) return;
    const msg = { kfTeam: 'live', config: cfg, on };
    await (on ? askPage(msg) : browser.runtime.sendMessage(msg)).catch(() => undefined);
  };
  // On opens the shop's replicas: in the rounds' queue, so never just after 退出团队模式 deleted
  // them with the configuration read before it (the replicas were made again, empty but there).
  return on ? queued(ask) : ask();
}

/** One sync round in the team page; the status is stored and returned. */
export function syncTeamNow(opts: { firstJoin?: boolean; cut?: () => boolean } = {}): Promise<TeamStatus> {
  return queued(async () => {
    const cfg = await loadTeamConfig();
    if (!cfg) return setStatus(OFF);
    const was = await loadTeamStatus();
    const before = await setStatus({ ...was, state: 'syncing' });
    try {
      const reply = await askPage<TeamPageReply>({ kfTeam: 'sync', config: cfg, firstJoin: !!opts.firstJoin, live: uiPorts.size > 0, unasked: !!opts.cut }, opts.cut);
      // Cut before it reached the page: nothing happened.
      if (!reply && opts.cut?.()) return setStatus(was);
      // No reply (the page failed to start) throws here and is reported as the error.
      return (await applyReply(reply!))!;
    } catch (err) {
      return setStatus({ state: 'error', pending: before.pending, message: String((err as Error)?.message ?? err) });
    }
  });
}

/** One review/proposal operation in the team page (team mode only; 'off' otherwise). */
export async function askTeamPage(req: TeamOpRequest): Promise<TeamOpReply> {
  const cfg = await loadTeamConfig();
  if (!cfg) return { ok: false, kind: 'off', message: 'off' };
  try {
    const reply = await askPage<TeamOpReply>({ kfTeam: 'op', config: cfg, req });
    return reply ?? { ok: false, kind: 'server', message: 'the team page did not answer' };
  } catch (err) {
    return { ok: false, kind: 'server', message: String((err as Error)?.message ?? err) };
  }
}

/** Reopen notices whose drop was asked of the team page (id → the reopen's time): a second act on the item asks nothing. */
const dropped = new Map<string, number>();

/**
 * This user acted on a follow-up here (a form of the chat panel, a verb of the popup, the popup
 * opening the item or a form for it): a colleague's reopen of it that the status names
 * (TeamStatus.reopened) is no longer news. The team page is asked only then, and once per reopen:
 * the popup's form drops it as it opens, and the verb its answer reaches does not ask again (until
 * 2026-12-06 the popup and the worker both asked). Before (until 2026-12-06) only the popup's row
 * dropped it: a note added from the panel left it said until the row was acted on.
 */
export const followupActedOn = (id: string): Promise<void> => dropNotices([id], false, () => ({ op: 'dismissRefused', reopened: id }));

/**
 * The user deleted these follow-ups (客户档案 → 删除, 全部删除: `deleted-followups`): their notices
 * go from both lists, the done-over ones too (a deleted buyer's item is no longer said above the
 * popup's list), now rather than at the round (which drops any it finds missing).
 */
export const followupsDeleted = (ids: readonly string[]): Promise<void> => dropNotices(ids, true, (gone) => ({ op: 'dismissRefused', gone }));

/**
 * The notices of `ids` that the stored status names — reopen ones, and with `doneOver` the done-over
 * ones — dropped by the team page (`req`, given the ids it names) and then in the status, in the
 * rounds' queue: after a round under way that read them before the page dropped them. A reopen
 * notice already asked for (the same reopen) asks nothing again.
 */
async function dropNotices(ids: readonly string[], doneOver: boolean, req: (named: string[]) => TeamOpRequest): Promise<void> {
  const st = await loadTeamStatus();
  if (st.state === 'off' || st.state === 'leaving') return;
  const mine = (n: { id: string }) => ids.includes(n.id);
  const fresh = st.reopened?.filter((n) => mine(n) && dropped.get(n.id) !== n.at) ?? [];
  const over = (doneOver && st.doneOver?.filter(mine)) || [];
  // The notices are in the status only as a round that synced left them (or a round under way
  // started from one: it keeps that round's lists). A failed round's status (离线, an error) has none,
  // though the team page still keeps them: it is asked for the ids themselves. Before (until
  // 2026-12-07) a note from the panel while 离线 dropped nothing, and the round back online said it again.
  const unknown = st.lastSyncAt === undefined || (st.state !== 'synced' && st.state !== 'syncing');
  if (!unknown && !fresh.length && !over.length) return;
  for (const n of fresh) dropped.set(n.id, n.at);
  if (!(await askTeamPage(req(unknown ? [...ids] : [...new Set([...fresh, ...over].map((n) => n.id))]))).ok) {
    for (const n of fresh) dropped.delete(n.id);
    return;
  }
  await queued(async () => {
    const s = await loadTeamStatus();
    const next: TeamStatus = { ...s, reopened: s.reopened?.filter((n) => !mine(n)), doneOver: s.doneOver?.filter((n) => !doneOver || !mine(n)) };
    if (next.reopened?.length === s.reopened?.length && next.doneOver?.length === s.doneOver?.length) return;
    if (!next.reopened?.length) delete next.reopened;
    if (!next.doneOver?.length) delete next.doneOver;
    await setStatus(next);
  });
}

/** The member list from the last round (empty before the first, or outside team mode). */
export async function loadTeamMembers(): Promise<TeamMember[]> {
  if (!(await loadTeamConfig())) return [];
  const v = (await browser.storage.local.get(TEAM_MEMBERS_KEY))[TEAM_MEMBERS_KEY];
  return Array.isArray(v) ? (v as TeamMember[]) : [];
}

/**
 * A round nobody asked for (the timer after a write, the alarm, start-up) holds the whole-data lock
 * like a verb, so it never pulls or writes in the middle of 删除全部数据 or an import; a whole-data
 * verb cuts it (onAlone): a round waiting for the server ends at once as offline, one not yet sent
 * to the team page does not start. Taken outside
 * the rounds' queue: 删除全部数据 leaves team mode through that queue, which a round waiting on
 * the lock inside it would block. Rounds a verb asks for (同步, joining) are under the verb's hold.
 */
let rounds = 0;
let cuts = 0;
/**
 * `live`: the live pull's batches imported (the page's `pulled`) — the same unasked holder: it
 * wrote the stores beside a whole-data verb (lock5); cut, what is left is imported by the round
 * that follows the verb. No configuration by then (删除全部数据 left team mode): nothing is written.
 */
function round(live?: 1): Promise<unknown> {
  const n = cuts;
  const cut = () => n !== cuts;
  rounds++;
  return shared(async () =>
    // In the rounds' queue like a round: 退出团队模式 (queued) must not fall between reading the
    // configuration and the page opening the shop's replicas for it — they would be made again.
    live ? queued(() => loadTeamConfig().then((config) => config && askPage<TeamPageReply>({ kfTeam: 'import', config, unasked: 1 }, cut))).then((r) => r && applyReply(r)) : syncTeamNow({ cut }),
  )
    .catch(() => 0)
    .finally(() => rounds--);
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(
    () => {
      timer = null;
      void round();
    },
    uiPorts.size ? LIVE_DEBOUNCE_MS : DEBOUNCE_MS,
  );
}

async function saveConfig(cfg: TeamConfig): Promise<TeamConfig> {
  await browser.storage.local.set({ [TEAM_CONFIG_KEY]: cfg });
  config = Promise.resolve(cfg);
  return cfg;
}

export async function connectTeam(cfg: TeamConfig): Promise<TeamStatus> {
  // Not in the middle of a leave (another tab's 退出团队模式): it would remove this configuration.
  await leaving?.catch(() => 0);
  await saveConfig(cfg);
  await browser.alarms.create(TEAM_ALARM, { periodInMinutes: 5 });
  return syncTeamNow({ firstJoin: true });
}

/** Changes this machine's shift (the rest of the configuration stays). */
export async function setTeamShift(shift: 'day' | 'night'): Promise<TeamConfig | null> {
  const cfg = await loadTeamConfig();
  if (!cfg) return null;
  const next = await saveConfig({ ...cfg, shift });
  await announceChange('team');
  return next;
}

/**
 * Leaves team mode (after a round in progress). The local stores keep every record; the team page
 * deletes its replicas of the shop's records (lib/team/page.ts `leave`) before it is closed. Until
 * then the status is 'leaving' (正在退出团队模式…), for every page: with the configuration already
 * gone, a page reloaded meanwhile would otherwise offer the sign-in form while the replicas are still
 * being deleted (seen in CI 2026-12-06). Kept in storage, so a worker stopped mid-way finishes it
 * when it starts again (registerTeamBackground). A second call joins the first.
 */
export const leaveTeam = (): Promise<TeamStatus> =>
  (leaving ??= (async () => {
    await setStatus(LEAVING, 1);
    return queued(async () => {
      await browser.storage.local.remove(TEAM_CONFIG_KEY);
      config = Promise.resolve(null);
      if (timer) clearTimeout(timer);
      await browser.alarms.clear(TEAM_ALARM);
      await askPage({ kfTeam: 'leave' }).catch(() => 0);
      await offscreen()?.closeDocument().catch(() => 0);
      return setStatus(OFF, 1);
    });
  })().finally(() => (leaving = null)));

/** Registered at every worker start (synchronously: an alarm may be what woke the worker). */
export function registerTeamBackground(): void {
  setLocalChangeListener(async (area, keys) => {
    if (!(await loadTeamConfig())) return;
    await queueDirty(dirtyOf(area, keys));
    schedule();
    // Deleted by the user: their notices go now, not at the round (which drops any it finds missing).
    if (area === 'deleted-followups') void followupsDeleted(keys).catch(() => 0);
  });
  // A whole-data verb cuts the unasked rounds it would wait for (lib/team/page.ts `cut`); one more
  // round, after the verb, says how things stand.
  onAlone(() => {
    if (!rounds) return;
    cuts++;
    void browser.runtime.sendMessage({ kfTeam: 'cut' }).catch(() => 0);
    void round();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_ALARM) void round();
  });
  // A leave the worker stopped in the middle of is finished first (its replicas deleted); else a round.
  void loadTeamStatus().then((st) => (st.state === 'leaving' ? leaveTeam() : loadTeamConfig().then((cfg) => cfg && round())), () => 0);
  const origin = browser.runtime.getURL('');
  browser.runtime.onConnect.addListener((port) => {
    // Extension pages only: a seller page's script cannot keep a connection to the server open.
    if (port.name !== UI_PORT || port.sender?.id !== browser.runtime.id || !port.sender.url?.startsWith(origin)) return;
    uiPorts.add(port);
    port.onDisconnect.addListener(() => {
      uiPorts.delete(port);
      if (!uiPorts.size) void setLive(false);
    });
    void loadTeamConfig().then((cfg) => {
      if (!cfg || !uiPorts.has(port)) return;
      // The page pings while it is open, which keeps this worker (and so the port) alive.
      port.postMessage({ team: true });
      void setLive(true);
    });
  });
  // Updates the team page sends by itself in live mode (离线); back online ('up'), a round nobody
  // asked for, like the alarm's; a live batch arrived ('pulled'), its import under the lock too.
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
    const m = msg as { kfTeamPage?: string; update?: Omit<TeamPageReply, 'status'> & { status?: TeamStatus } } | null;
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL(PAGE))) return undefined;
    if (m?.kfTeamPage === 'up') void round();
    else if (m?.kfTeamPage === 'pulled') void round(1);
    else if (m?.kfTeamPage === 'update' && m.update && Array.isArray(m.update.areas)) void applyReply(m.update);
    return undefined;
  });
  // A worker that stopped while live may have missed the last UI closing: the UIs still open
  // connect again within a second; without any, live mode ends.
  setTimeout(() => {
    if (!uiPorts.size) void setLive(false);
  }, 3000);
}
