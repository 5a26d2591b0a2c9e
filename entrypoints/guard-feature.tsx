// The compliance guard in the page (lib/panel/guard-run.tsx: the insert check, the chat box checked
// as it is typed, the badge) with its rules and matcher and its part of the panel (GuardPrompt),
// injected on demand into a console page's content-script world when the panel first needs them (a
// chat page as it starts, a copy or typing in the chat box elsewhere); see lib/panel/features.ts and
// lib/domain/guard. This script has its own copies of Preact and the strings, so the prompt is its
// own tree inside the panel, in the panel's language.
import { registerFeature } from '@/lib/panel/features';
import { startGuard } from '@/lib/panel/guard-run';

export default defineUnlistedScript(() => {
  registerFeature('guard', { start: startGuard });
});
