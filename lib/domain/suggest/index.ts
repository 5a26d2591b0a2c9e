/** Reply suggestion: classify the buyer's need, rank templates for it, and search templates. Pure. */
export { classify, compileCues, NEED_IDS } from './classify';
export type { Classification, ClassifyOptions, NeedId, ScenarioScore } from './classify';
export { rankTemplates } from './rank';
export type { BuyerSegment, OrderStatus, RankInput, RankSignal, RankedTemplate, UsageEntry, UsageStats } from './rank';
export { searchTemplates } from './search';
// Pinyin (initialsFor) lives in './pinyin' and is imported directly where wanted, so that this
// index never pulls the pinyin table into the content script.
export { attachInitials } from './attach-initials';
export type { SearchHit } from './search';
export { buildTemplateIndex, packTemplateIndex, unpackTemplateIndex } from './template-index';
export type { PackedTemplateIndex, TemplateIndex } from './template-index';
export { libraryIndex } from './library-index';
export { normalize } from './normalize';
