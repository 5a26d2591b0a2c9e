import { render } from 'preact';
import { call, onDataChanged } from '@/lib/messaging/client';
import { holdUiPort } from '@/lib/messaging/ui-port';
import { OptionsContext, type OptionsApi } from '@/components/options/OptionsContext';
import { OptionsApp } from '@/components/options/OptionsApp';
import { registerMessages, setLocale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';

registerMessages(options);

const api: OptionsApi = {
  call: (verb, payload) => (call as (v: typeof verb, p?: unknown) => Promise<never>)(verb, payload),
  onChanged: (areas, listener) => onDataChanged(areas, listener),
};

// An open options page: team mode replicates live while it is open.
holdUiPort();

async function main() {
  const settings = await call('getSettings').catch(() => null);
  if (settings) setLocale(settings.shop.locale);
  render(
    <OptionsContext.Provider value={api}>
      <OptionsApp initial={location.hash.slice(1)} />
    </OptionsContext.Provider>,
    document.getElementById('app')!,
  );
}
void main();
