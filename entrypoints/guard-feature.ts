// The compliance guard's rules and matcher, injected on demand into a chat page's content-script
// world when the panel first needs them; see lib/panel/features.ts and lib/domain/guard.
import { registerFeature } from '@/lib/panel/features';
import { createGuardEngine } from '@/lib/domain/guard/engine';

export default defineUnlistedScript(() => {
  registerFeature('guard', { engine: createGuardEngine });
});
