/**
 * The team page (offscreen document): owns the PouchDB replicas and runs sync rounds when the
 * background asks. Only chrome.runtime is available here, so results go back in the reply and the
 * background stores the status and announces changed areas.
 */
import { BrowserPouch } from './pouch-browser';
import { TeamSync, TeamSyncError } from './sync';
import { storageStores } from './storage-bridge';
import { isTeamConfig, type TeamConfig, type TeamStatus } from './config';
import type { TeamOpReply, TeamOpRequest, TeamPageReply } from '../background/team';
import type { Template } from '../domain/templates/types';
import type { RuleSet } from '../domain/remarks';
import type { TaughtSite } from '../sites/taught/record';

let engine: { key: string; sync: TeamSync } | null = null;

function engineFor(cfg: TeamConfig, changed: Set<TeamPageReply['areas'][number]>): TeamSync {
  const key = `${cfg.server}|${cfg.shop}|${cfg.user}|${cfg.role}`;
  if (engine?.key === key) return engine.sync;
  void engine?.sync.close();
  const sync = new TeamSync({
    PouchDB: BrowserPouch,
    identity: { shop: cfg.shop, user: cfg.user, role: cfg.role },
    server: cfg.server,
    // The session cookie set when the agent signed in (options → 团队) goes with every request.
    remoteOptions: { fetch: (url: string, opts: RequestInit) => fetch(url, { ...opts, credentials: 'include' }) },
    localPrefix: 'kf-team-',
    stores: storageStores(async (area) => void changed.add(area)),
  });
  engine = { key, sync };
  return sync;
}

const changedAreas = new Set<TeamPageReply['areas'][number]>();

async function round(cfg: TeamConfig, firstJoin: boolean): Promise<TeamPageReply> {
  changedAreas.clear();
  const sync = engineFor(cfg, changedAreas);
  let status: TeamStatus;
  try {
    await sync.syncOnce({ firstJoin });
    status = { state: 'synced', pending: await sync.pending(), lastSyncAt: Date.now() };
  } catch (err) {
    const e = err instanceof TeamSyncError ? err : new TeamSyncError('server', (err as Error)?.message ?? String(err));
    const state = e.kind === 'offline' ? 'offline' : e.kind === 'auth' ? 'auth' : 'error';
    status = { state, pending: await sync.pending().catch(() => 0), message: e.message };
  }
  const members = await sync.members().catch(() => null);
  return { status, areas: [...changedAreas], ...(members ? { members } : {}) };
}

/** One review/proposal operation on this machine's replicas (options → 团队, the library editor). */
async function op(cfg: TeamConfig, req: TeamOpRequest): Promise<TeamOpReply> {
  const sync = engineFor(cfg, changedAreas);
  try {
    switch (req.op) {
      case 'review': {
        const [proposals, conflicts, rules, sites] = await Promise.all([sync.proposals({ decided: false }), sync.templateConflicts(), sync.rulesConflict(), sync.siteConflicts()]);
        return { ok: true, value: { proposals, conflicts, rules, sites } };
      }
      case 'myProposals':
        return { ok: true, value: await sync.proposals({ by: cfg.user }) };
      case 'propose':
        return { ok: true, value: await sync.propose(req.template as Template) };
      case 'decide':
        return { ok: true, value: await sync.decideProposal(req.id, { accepted: req.accepted, reason: req.reason }) };
      case 'resolveConflict':
        await sync.resolveTemplateConflict(req.template as Template);
        return { ok: true, value: null };
      case 'resolveRules':
        await sync.resolveRulesConflict(req.ruleSet as RuleSet);
        return { ok: true, value: null };
      case 'resolveSite':
        await sync.resolveSiteConflict(req.origin, req.site as TaughtSite | null);
        return { ok: true, value: null };
    }
  } catch (err) {
    const e = err instanceof TeamSyncError ? err : new TeamSyncError('server', (err as Error)?.message ?? String(err));
    return { ok: false, kind: e.kind, message: e.message };
  }
}

interface RuntimeLike {
  id: string;
  onMessage: { addListener(fn: (msg: any, sender: { id?: string }, reply: (r: unknown) => void) => boolean | void): void };
}

export function runTeamPage(): void {
  // Raw chrome.runtime: an offscreen document has no other API, and the reply is asynchronous.
  const runtime = (globalThis as unknown as { chrome: { runtime: RuntimeLike } }).chrome.runtime;
  runtime.onMessage.addListener((msg: { kfTeam?: string; config?: unknown; firstJoin?: boolean; req?: TeamOpRequest }, sender, reply) => {
    if (sender.id !== runtime.id || (msg?.kfTeam !== 'sync' && msg?.kfTeam !== 'op')) return false;
    if (msg.kfTeam === 'op') {
      if (!isTeamConfig(msg.config) || !msg.req) reply({ ok: false, kind: 'server', message: 'bad team request' } satisfies TeamOpReply);
      else void op(msg.config, msg.req).then(reply);
      return true;
    }
    if (!isTeamConfig(msg.config)) {
      reply({ status: { state: 'error', pending: 0, message: 'bad team configuration' }, areas: [] } satisfies TeamPageReply);
      return false;
    }
    void round(msg.config, msg.firstJoin === true).then(reply);
    return true;
  });
}
