/**
 * Every in-page feature, in the order they start. Adding a feature: one file in this folder with
 * an `init(ctx, signal)`, and one line here (index.test.ts checks that every file is listed).
 */
import type { PanelFeature } from '../page-feature';
import { buyerCard } from './buyer-card';
import { suggestions } from './suggestions';
import { followupButtons } from './followup-buttons';
import { remarkEnforcement } from './remark-enforcement';
import { pageCheck } from './page-check';
import { guard } from './guard';
import { replyClock } from './reply-clock';
import { draftLeft } from './draft-left';
import { roundNeeds } from './round-needs';

export const PANEL_FEATURES: readonly PanelFeature[] = [buyerCard, suggestions, followupButtons, remarkEnforcement, pageCheck, guard, replyClock, draftLeft, roundNeeds];
