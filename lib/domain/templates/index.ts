/** Reply scripts (话术): types, variables, the starter library, import/export. Pure and DOM-free. */
export type { OrderStatus, Template, TemplateLibrary, ShopSettings } from './types';
export { DEFAULT_SETTINGS, ORDER_STATUSES } from './types';
export {
  KNOWN_VARIABLES,
  formatChineseDate,
  formatCutoff,
  hasPlaceholders,
  knownVariableKey,
  listVariables,
  parseCutoff,
  renderTemplate,
  shippingDay,
} from './variables';
export type {
  KnownVariableInfo,
  KnownVariableKey,
  RenderContext,
  RenderResult,
  ShippingDay,
  TemplateVariable,
  VariableKind,
} from './variables';
export { STARTER_GROUPS, STARTER_LIBRARY } from './starter';
export { applyStarterConditions, starterConditionCandidates } from './starter-conditions';
export type { StarterConditionsResult } from './starter-conditions';
export {
  LIBRARY_FORMAT,
  LIBRARY_VERSION,
  TEMPLATE_LIMITS,
  exportLibrary,
  newTemplateId,
  normalizeTemplate,
  parseLibraryImport,
} from './validate';
export type { LibraryFile, ParseLibraryResult } from './validate';
