// The offscreen document that runs team sync (see lib/background/team.ts for why it is not the worker).
import { runTeamPage } from '@/lib/team/page';
import { registerWorkerExtras } from '@/lib/background/extras';
import { WORKER_EXTRAS } from '@/lib/background/extras-modules';

// A page cannot importScripts() the worker's extras; the stores it shares with the worker (the
// remark rules) need them, so this page carries its own copy.
registerWorkerExtras(WORKER_EXTRAS);
runTeamPage();
