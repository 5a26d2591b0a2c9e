import { render } from 'preact';
import { call, onDataChanged } from '@/lib/messaging/client';
import { holdUiPort } from '@/lib/messaging/ui-port';
import { OptionsContext, type OptionsApi } from '@/components/options/OptionsContext';
import { OptionsApp } from '@/components/options/OptionsApp';
import { needsFirstRun } from '@/components/options/FirstRun';
import { getLocale, registerMessages, setLocale, type Locale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import { nameThePage } from '@/lib/i18n/page';
import { outdated } from '@/lib/i18n/messages/outdated';

registerMessages(options);
registerMessages(outdated);

const api: OptionsApi = {
  call: (verb, payload) => (call as (v: typeof verb, p?: unknown) => Promise<never>)(verb, payload),
  onChanged: (areas, listener) => onDataChanged(areas, listener),
};

// An open options page: team mode replicates live while it is open.
holdUiPort();

/** The tab the address names; without one, 店铺设置 while the shop or agent name is empty (set in main). */
let initialTab = location.hash.slice(1);

/** Draws the page in the current language; drawn again, the tabs keep their state (unsaved edits too). */
function draw() {
  nameThePage('options.pageTitle');
  render(
    <OptionsContext.Provider value={api}>
      <OptionsApp initial={initialTab} />
    </OptionsContext.Provider>,
    document.getElementById('app')!,
  );
}

function applyLocale(locale: Locale) {
  if (locale === getLocale()) return;
  setLocale(locale);
  draw();
}

async function main() {
  const settings = await call('getSettings').catch(() => null);
  if (settings) setLocale(settings.shop.locale);
  if (!initialTab && settings && needsFirstRun(settings.shop)) initialTab = 'shop';
  draw();
  // The language switched here or in another tab applies at once, without a reload.
  onDataChanged(['settings'], () => {
    call('getSettings').then((s) => applyLocale(s.shop.locale), () => undefined);
  });
}
void main();
