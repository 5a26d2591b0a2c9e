import { InvalidPayload, type HandlerSet } from './types';
import type { TeamProtocol } from '../protocol-team';
import { connectTeam, leaveTeam, loadTeamConfig, loadTeamStatus, syncTeamNow } from '../../background/team';
import { isTeamConfig, type TeamConfig } from '../../team/config';

/** Extension pages only (no `content: true`): a seller page never sees or changes team mode. */
export const teamHandlers: HandlerSet<TeamProtocol> = {
  teamStatus: { handle: async () => ({ config: await loadTeamConfig(), status: await loadTeamStatus() }) },
  teamConnect: {
    async handle(payload) {
      if (!isTeamConfig(payload)) throw new InvalidPayload('teamConnect: server (https unless this machine), shop, user, role');
      const p = payload as TeamConfig;
      const cfg: TeamConfig = { server: new URL(p.server).origin, shop: p.shop, user: p.user, role: p.role };
      if (p.shift === 'day' || p.shift === 'night') cfg.shift = p.shift;
      return { config: cfg, status: await connectTeam(cfg) };
    },
  },
  teamLeave: { handle: async () => ({ config: null, status: await leaveTeam() }) },
  teamSyncNow: { handle: () => syncTeamNow() },
};
