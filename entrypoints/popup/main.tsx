import { render } from 'preact';
import { call, onDataChanged } from '@/lib/messaging/client';
import { PopupContext, type PopupApi } from '@/components/popup/PopupContext';
import { PopupApp } from '@/components/popup/PopupApp';
import { registerMessages, setLocale } from '@/lib/i18n';
import { followups } from '@/lib/i18n/messages/followups';

registerMessages(followups);

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
  // The locale decides the first words on screen; the list itself is fetched by the list component.
  const settings = await call('getSettings').catch(() => null);
  if (settings) setLocale(settings.shop.locale);
  render(
    <PopupContext.Provider value={api}>
      <PopupApp onFirstRender={firstRender} />
    </PopupContext.Provider>,
    document.getElementById('app')!,
  );
}
void main();
