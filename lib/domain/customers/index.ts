export * from './types';
export {
  adoptUnderId,
  appendEvent,
  appendWith,
  applyPatch,
  patchWith,
  type Mask,
  cleanSizes,
  combineCustomers,
  customerKey,
  fieldTime,
  replacedNow,
  LIMITS,
  makeEvent,
  makeEventId,
  markSeen,
  matchesQuery,
  mergeCustomer,
  mergeCustomers,
  newCustomer,
  noteEvents,
  normaliseTags,
  tagsOver,
  type TagsOver,
  orderSeenEvent,
  renameCustomer,
  profileValue,
  segmentOf,
  SIZE_RANGES,
} from './customer';
export { attachOldRecord, offersOldRecord, type IdentifiedBuyer } from './attach';
export { parseSizes } from './sizes';
export { draftTagsOver, editDraftOf, patchFromDraft, SIZE_ORDER, splitTags, type EditDraft, type EditProblem } from './edit';
export { isResidentId, maskPii, passesLuhn, retentionPurge } from './privacy';
export { customerFromV0, customerSchema, CustomerRecordError, customerV0toV1, customerV1toV2, migrateCustomer, upgradeCustomerRecord, type V0Upgrade } from './migrate';
export { exportCustomers, IMPORT_MAX, parseCustomersImport, type ImportParse } from './import-export';
export { checkCustomer, type CheckResult, type Problem } from './check';
export {
  buyerKey,
  BUYER_ID_MAX,
  isMaskedNickname,
  nicknameKey,
  NICKNAME_MAX,
  normaliseBuyerId,
  normaliseNickname,
  type BuyerIdentityRef,
} from './identity';
