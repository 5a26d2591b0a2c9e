/** Sites the agent taught (teach mode): locators, the stored record's shape, and the adapter. */
export { createTaughtAdapter, withTaughtFallback, messageItems, messageSide, messageText } from './adapter';
export { generateLocators, resolveLocators, isGeneratedToken, isStableId, isEditable, type Locator } from './locator';
export { TAUGHT_FIELDS, parseOrigin, originPattern, parseTaughtSite, validatePicks, type TaughtField, type TaughtFields, type TaughtPicks, type TaughtSite } from './record';
