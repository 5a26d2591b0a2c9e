// The suggestion engine's page half — the cue tables and classifier, the ranking and the search,
// the reply renderer with the reply rows it fills in (components/TemplateRows.tsx) and its fill-in form (components/FillPrompt.tsx, with its own copies of Preact
// and of its strings: its own tree inside the panel, in the panel's language), the writers that put
// a reply into the chat box (lib/insert: a reply goes in only once rendered), the situation list's
// keys (lib/panel/rove-keys.ts) and what an insertion teaches, kept while the worker cannot store it
// (lib/panel/unsaved-picks.ts), and the notice of a reply the panel left in a chat box every buyer
// shares (lib/panel/draft-left-run.tsx) — injected on demand into a console page's content-script world when
// the panel first needs it (a chat page, or a search typed anywhere); see lib/panel/features.ts and
// lib/domain/suggest.
import { registerFeature } from '@/lib/panel/features';
import { classify, rankTemplates } from '@/lib/domain/suggest';
import { panelIndex, panelSearch } from '@/lib/panel/panel-index';
import { combineSignals } from '@/lib/domain/suggest/combine';
import { roundNeeds, roundOpen } from '@/lib/domain/suggest/context-round';
import { drawNeeds } from '@/components/panel/RoundNeeds';
import { prefillFills } from '@/lib/domain/templates/prefill';
import { renderTemplate } from '@/lib/domain/templates/variables';
import { roveSituations } from '@/lib/panel/rove-keys';
import { suggestPanelMessages } from '@/lib/i18n/messages/suggest-panel';
import { replyRowMessages } from '@/lib/i18n/messages/reply-rows';
import { learn } from '@/lib/panel/unsaved-picks';
import { drawFillPrompt } from '@/components/FillPrompt';
import { insertText, replaceBeforeCaret, replaceRange } from '@/lib/insert';
import { drawRows } from '@/components/TemplateRows';
import { startDraftLeft } from '@/lib/panel/draft-left-run';
import { replyFromSide } from '@/lib/teach/tab-messages-reply';

// Handed to the content script's words with the panel's: its notice after a /code reply that went in past the
// cut-off says so in the rows' words (panel.pastCutoff), not as a bare key.
const messages = { zh: { ...suggestPanelMessages.zh, ...replyRowMessages.zh }, en: { ...suggestPanelMessages.en, ...replyRowMessages.en } };

export default defineUnlistedScript(() => {
  registerFeature('suggest', { libraryIndex: panelIndex, classify, roundNeeds, roundOpen, drawNeeds, rankTemplates, searchTemplates: panelSearch, combineSignals, prefillFills, renderTemplate, fillPrompt: drawFillPrompt, roveSituations, messages, learn, insertText, replaceBeforeCaret, replaceRange, rows: drawRows, draftLeft: startDraftLeft, fromSide: replyFromSide });
});
