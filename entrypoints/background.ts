import { registerHandlers } from '@/lib/messaging/dispatch';
import { finishCutOff, upgradePrivacyAtStart } from '@/lib/messaging/handlers/data';
import { registerPromiseDraftCleanup } from '@/lib/messaging/handlers/followups';
import { registerAlarms } from '@/lib/background/alarms';
import { registerFollowupBackground } from '@/lib/background/followup-jobs';
import { registerTaughtSiteScripts, syncTaughtScriptsNow } from '@/lib/teach/background-api';
import { registerTeamBackground } from '@/lib/background/team';
import { preloadWorkerExtras, workerExtras } from '@/lib/background/extras';
import { NOTE_LEFT_MARK, REACH_PENDING } from '@/lib/background/reach-pending';
import { browser } from '@/lib/browser';
import { registerWelcome } from '@/lib/background/welcome';
import { upgradeStarterLibrary } from '@/lib/messaging/handlers/core';
import { registerNoteLeft, startNoteLeft } from '@/lib/storage/note-left';

export default defineBackground({
  // A classic worker: service workers cannot import() modules on demand, so everything is bundled
  // in except worker-extras.js (lib/background/extras.ts); keep it small (every wake parses it).
  // Pinyin initials use a ~30 KB generated table, not pinyin-pro; see lib/domain/suggest/pinyin.ts.
  main() {
    // Pure code for some verbs only lives in worker-extras.js; Chrome lets the worker import it later
    // only if it did so while being installed (lib/background/extras.ts: preloadWorkerExtras, true
    // at that install evaluation).
    // An update's open-tab work (reach-tabs.ts) must outlive the new worker: Chrome may stop it while
    // it installs or before the work is done (seen under load: stopped while installing, started again
    // 'activating', its onInstalled('update') work gone and the tabs left with the dead panel). The
    // new version's install evaluation (known synchronously, before any event) marks the work pending
    // in storage.session (emptied at every update, kept across restarts); the work clears the mark
    // once every tab was reached, an install clears it unused, and any later start finishes a mark
    // left. Twice is harmless: a second new copy in a tab takes the first one's place (content/index.tsx).
    // The buyer card's unsaved notes go back into storage.session (which the update emptied) before
    // the tabs get the new panel, whose card reads them there; at a browser run's first start without
    // an update, the last run's go (lib/storage/note-left.ts).
    registerNoteLeft();
    const reach = () => startNoteLeft(true).then(() => workerExtras().reachOpenTabs(syncTaughtScriptsNow()));
    const session = browser.storage.session;
    if (preloadWorkerExtras()) {
      void session?.set({ [REACH_PENDING]: 1 }).catch(() => {});
      void startNoteLeft(true);
    } else void session?.get([REACH_PENDING, NOTE_LEFT_MARK]).then((r) => (r[REACH_PENDING] ? reach() : r[NOTE_LEFT_MARK] || startNoteLeft(false))).catch(() => {});
    // A 删除全部数据 a stopped worker left half done is finished before anything reads the stores;
    // a cut-off 导入全部数据 is told (lib/storage/whole-run.ts).
    void finishCutOff();
    // What older versions stored, masked with today's rules and taught sites without the page's
    // data: once after an update, at the first start that finds it not done (lib/background/remask-run.ts).
    // At a start, not at onInstalled: a worker stopped half-way does it again at its next start.
    void upgradePrivacyAtStart();
    // Listeners are registered synchronously at every start: the worker may have been woken by
    // the very message or alarm that has to be answered.
    registerHandlers();
    // Follow-ups: notification clicks, badge on every list change, and the badge right at startup.
    registerFollowupBackground();
    registerPromiseDraftCleanup();
    void registerAlarms();
    // Our content script on every taught site we may access (dynamic registrations do not survive
    // an extension update, so they are re-synced at every start).
    registerTaughtSiteScripts();
    // Team mode: queue local writes, alarms; nothing at all when it is off.
    registerTeamBackground();
    // A fresh install opens the options page on 店铺设置 with the first-run checklist; an update gives
    // untouched starter replies their corrected wording and adds the starter replies new since; an
    // update also gives the open console tabs the new panel.
    registerWelcome((reason) => Promise.all([upgradeStarterLibrary(), reason === 'update' ? reach() : session?.remove(REACH_PENDING)]));
  },
});
