export * from './types';
export { waitingSince, countedMs, clockLevel, formatWait, msUntilNextLevel } from './wait';
export { addAnswered, summariseDay, clockCsv, normaliseClockLog, KEEP_DAYS } from './summary';
export { normaliseClockSettings } from './settings';
