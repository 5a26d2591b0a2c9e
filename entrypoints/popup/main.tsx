import { render } from 'preact';
import { call, onDataChanged } from '@/lib/messaging/client';
import { holdUiPort } from '@/lib/messaging/ui-port';
import { PopupContext, type PopupApi } from '@/components/popup/PopupContext';
import { PopupApp } from '@/components/popup/PopupApp';
import { FIRST_PAGE } from '@/components/popup/FollowupList';
import { registerMessages, setLocale } from '@/lib/i18n';
import { nameThePage } from '@/lib/i18n/page';
import { followups } from '@/lib/i18n/messages/followups';
import { followupsUi } from '@/lib/i18n/messages/followups-ui';
import { followupsExport } from '@/lib/i18n/messages/followups-export';
import { outdated } from '@/lib/i18n/messages/outdated';

registerMessages(followups);
registerMessages(followupsUi);
registerMessages(followupsExport);
registerMessages(outdated);

const api: PopupApi = {
  call: (verb, payload) => (call as (v: typeof verb, p?: unknown) => Promise<never>)(verb, payload),
  onChanged: onDataChanged,
  download(filename, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  loadLibraryTab: () => import('@/components/popup/LibraryTab').then((m) => m.LibraryTab),
};

/** Navigation start → the list's first render, read by `npm run bench` (test/bench/popup.ts). */
const firstRender = () => {
  (window as unknown as { __kfFirstRender?: number }).__kfFirstRender ??= performance.now();
};

async function main() {
  performance.mark('kf:main');
  // One round trip before the first render: the list carries the interface language too.
  const first = await call('listFollowups', { perGroup: FIRST_PAGE, sections: ['handover', 'overdue', 'today'] }).catch(() => null);
  if (first?.locale) setLocale(first.locale);
  nameThePage('followups.popup.title');
  performance.mark('kf:data');
  render(
    <PopupContext.Provider value={api}>
      <PopupApp onFirstRender={firstRender} initial={first} />
    </PopupContext.Provider>,
    document.getElementById('app')!,
  );
  // An open popup: team mode replicates live while it is open.
  holdUiPort();
}
void main();
