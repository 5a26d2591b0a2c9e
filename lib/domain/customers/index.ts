export * from './types';
export {
  appendEvent,
  applyPatch,
  cleanSizes,
  customerKey,
  LIMITS,
  makeEvent,
  makeEventId,
  markSeen,
  matchesQuery,
  mergeCustomer,
  mergeCustomers,
  newCustomer,
  normaliseTags,
  orderSeenEvent,
  segmentOf,
  SIZE_RANGES,
} from './customer';
export { parseSizes } from './sizes';
export { isResidentId, maskPii, passesLuhn, retentionPurge } from './privacy';
export { CUSTOMER_SCHEMA, CustomerRecordError, customerV0toV1, migrateCustomer } from './migrate';
export { exportCustomers, IMPORT_MAX, parseCustomersImport, type ImportParse } from './import-export';
export { checkCustomer, type CheckResult, type Problem } from './check';
