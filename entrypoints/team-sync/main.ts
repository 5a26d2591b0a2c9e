// The offscreen document that runs team sync (see lib/background/team.ts for why it is not the worker).
import { runTeamPage } from '@/lib/team/page';

runTeamPage();
