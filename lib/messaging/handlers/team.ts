import { InvalidPayload, obj, type HandlerSet } from './types';
import type { TeamProtocol, TeamResult } from '../protocol-team';
import { askTeamPage, connectTeam, followupActedOn, leaveTeam, loadTeamConfig, loadTeamMembers, loadTeamStatus, setTeamShift, syncTeamNow, type TeamOpReply, type TeamOpRequest } from '../../background/team';
import { isTeamConfig, type TeamConfig } from '../../team/config';
import { workerExtras } from '../../background/extras';
import type { Template } from '../../domain/templates/types';
import type { TeamProposal } from '../../team/sync';
import { loadLibrary } from '../../storage/library';
import { saveWithInitials, shopLocale } from './core';
import { announceChange } from '../client';
import { parseOrigin, parseTaughtSite } from '../../sites/taught/record';

/** A reply as the library editor would accept it, or the reasons it would not (in the interface's language). */
const checkTemplate = async (t: unknown) => workerExtras().library.checkOneTemplate(t, await shopLocale());

function failed<T>(r: Extract<TeamOpReply, { ok: false }>): TeamResult<T> {
  return { ok: false, error: r.kind, message: r.message };
}

async function page<T>(req: TeamOpRequest): Promise<TeamResult<T>> {
  const r = await askTeamPage(req);
  return r.ok ? { ok: true, value: r.value as T } : failed(r);
}

/** Extension pages only (no `content: true`): a seller page never sees or changes team mode. */
export const teamHandlers: HandlerSet<TeamProtocol> = {
  teamStatus: { handle: async () => ({ config: await loadTeamConfig(), status: await loadTeamStatus() }) },
  teamConnect: {
    async handle(payload) {
      if (!isTeamConfig(payload)) throw new InvalidPayload('teamConnect');
      const p = payload as TeamConfig;
      const cfg: TeamConfig = { server: new URL(p.server).origin, shop: p.shop, user: p.user, role: p.role };
      if (p.shift === 'day' || p.shift === 'night') cfg.shift = p.shift;
      return { config: cfg, status: await connectTeam(cfg) };
    },
  },
  teamLeave: { handle: async () => ({ config: null, status: await leaveTeam() }) },
  teamSyncNow: { handle: () => syncTeamNow() },
  teamSetShift: {
    async handle(payload) {
      const shift = obj(payload, 'teamSetShift').shift;
      if (shift !== 'day' && shift !== 'night') throw new InvalidPayload('teamSetShift.shift');
      const cfg = await setTeamShift(shift);
      if (!cfg) throw new InvalidPayload('teamSetShift: off');
      return cfg;
    },
  },
  teamMembers: { handle: () => loadTeamMembers() },
  teamReview: { handle: () => page({ op: 'review' }) },
  teamMyProposals: { handle: () => page({ op: 'myProposals' }) },
  teamPropose: {
    async handle(payload) {
      const checked = await checkTemplate(obj(payload, 'teamPropose').template);
      if (!checked.ok) return { ok: false, error: 'invalid', message: checked.message };
      const r = await page<string>({ op: 'propose', template: checked.template });
      if (!r.ok) return r;
      // Sent now when the server is there; otherwise it waits with the rest (the status says so).
      return { ok: true, value: { id: r.value }, status: await syncTeamNow() };
    },
  },
  teamDecideProposal: {
    async handle(payload) {
      const fault = workerExtras().decideRequestFault(obj(payload, 'teamDecideProposal'));
      if (fault) throw new InvalidPayload(`teamDecideProposal.${fault}`);
      const p = payload as { id: string; accepted: boolean; reason?: string };
      // Checked before the decision is written: the proposal still waits for one (decided on
      // another machine, or withdrawn: said in words, not as the server's 404), and an accepted
      // reply must be one the library takes.
      const review = await page<{ proposals: TeamProposal[] }>({ op: 'review' });
      if (!review.ok) return review;
      const proposal = review.value.proposals.find((x) => x.id === p.id);
      if (!proposal) return { ok: false, error: 'gone', message: p.id };
      let accepted: Template | null = null;
      if (p.accepted) {
        const checked = await checkTemplate(proposal.template);
        if (!checked.ok) return { ok: false, error: 'invalid', message: checked.message };
        accepted = checked.template;
      }
      const decided = await page({ op: 'decide', id: p.id, accepted: p.accepted, reason: p.reason });
      if (!decided.ok) return decided;
      if (accepted) {
        // A local write like the editor's: the next round sends it to every agent.
        await saveWithInitials(workerExtras().library.withTemplate(await loadLibrary(), accepted));
        await announceChange('library');
      }
      return { ok: true, value: null, status: await syncTeamNow() };
    },
  },
  teamResolveRulesConflict: {
    async handle(payload) {
      const checked = workerExtras().remarks.validateRuleSet(obj(payload, 'teamResolveRulesConflict').ruleSet);
      const en = (await shopLocale()) === 'en';
      if (!checked.ok) return { ok: false, error: 'invalid', message: checked.errors.map((e) => (en ? e.messageEn : e.message)).join('\n') };
      const r = await page<null>({ op: 'resolveRules', ruleSet: checked.ruleSet });
      if (!r.ok) return r;
      return { ok: true, value: null, status: await syncTeamNow() };
    },
  },
  teamResolveSiteConflict: {
    async handle(payload) {
      const p = obj(payload, 'teamResolveSiteConflict');
      const origin = typeof p.origin === 'string' ? parseOrigin(p.origin) : null;
      if (!origin || origin !== p.origin) throw new InvalidPayload('teamResolveSiteConflict.origin');
      const site = p.site === null ? null : parseTaughtSite(p.site);
      if (p.site !== null && (!site || site.origin !== origin)) return { ok: false, error: 'site-invalid', message: origin };
      const r = await page<null>({ op: 'resolveSite', origin, site });
      if (!r.ok) return r;
      return { ok: true, value: null, status: await syncTeamNow() };
    },
  },
  // The refused writes were read: the status stops naming them (they stay on this machine).
  // The page reads only `doneOver` (truthy) and `reopened` (an item id) besides the op. A reopen
  // notice the popup saw goes as a verb's would (followupActedOn): the verb that follows, once.
  teamDismissRefused: {
    handle: async (p) => {
      const id = (p as { reopened?: unknown } | undefined)?.reopened;
      if (typeof id === 'string') return (await followupActedOn(id), loadTeamStatus());
      return (await askTeamPage({ ...(p as object), op: 'dismissRefused' }), syncTeamNow());
    },
  },
  teamResolveConflict: {
    async handle(payload) {
      const checked = await checkTemplate(obj(payload, 'teamResolveConflict').template);
      if (!checked.ok) return { ok: false, error: 'invalid', message: checked.message };
      const r = await page<null>({ op: 'resolveConflict', template: checked.template });
      if (!r.ok) return r;
      return { ok: true, value: null, status: await syncTeamNow() };
    },
  },
};
