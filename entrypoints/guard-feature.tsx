// The compliance guard's rules and matcher, and its part of the panel (GuardPrompt), injected on
// demand into a chat page's content-script world when the panel first needs them; see
// lib/panel/features.ts and lib/domain/guard. This script has its own copies of Preact and the
// strings, so the prompt is its own tree inside the panel, in the panel's language.
import { render } from 'preact';
import { registerFeature } from '@/lib/panel/features';
import { createGuardEngine } from '@/lib/domain/guard/engine';
import { call } from '@/lib/messaging/client';
import { GuardPrompt } from '@/components/panel/GuardPrompt';
import { setLocale } from '@/lib/i18n';
import { guardBadge } from '@/components/panel/guard-badge';

export default defineUnlistedScript(() => {
  registerFeature('guard', {
    // The money limits live in the remark rules; unreadable, the guard still runs on the default ones.
    engine: async (platform) => {
      const [config, rules] = await Promise.all([call('getGuardConfig'), call('getRuleSet').catch(() => null)]);
      return createGuardEngine(config, platform, rules?.limits);
    },
    prompt(container, props) {
      setLocale(props.locale);
      render(<GuardPrompt {...props} />, container);
      return () => render(null, container);
    },
    badge: guardBadge,
  });
});
