// Pure code the service worker loads only when a verb needs it (remark rules, library import and
// export checks), kept out of background.js; see lib/background/extras.ts.
import { registerWorkerExtras } from '@/lib/background/extras';
import { WORKER_EXTRAS } from '@/lib/background/extras-modules';

export default defineUnlistedScript(() => {
  registerWorkerExtras(WORKER_EXTRAS);
});
