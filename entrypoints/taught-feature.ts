// The adapter made from what the agent taught on a site (teach mode), injected on demand into the
// content-script world of a page the agent taught; see lib/panel/features.ts and lib/sites/taught.
import { registerFeature } from '@/lib/panel/features';
import { createTaughtAdapter, withTaughtFallback } from '@/lib/sites/taught/adapter';

export default defineUnlistedScript(() => {
  registerFeature('taught', { createTaughtAdapter, withTaughtFallback });
});
