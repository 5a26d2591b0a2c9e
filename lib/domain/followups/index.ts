export * from './types';
export { dueFromWords, promiseDue, type DueShift } from './due-words';
export {
  allDayShift,
  followupsFromCustomers,
  followupsFromOrders,
  followupsFromRemarkFacts,
  handoverDeadline,
  handoverFollowup,
  isNight,
  kindLabel,
  manualFollowup,
  markHandover,
  nextHandoverDue,
  panelFollowup,
  resolveSettings,
  sameBuyer,
  sameDayDue,
  inquiryDue,
  SUGGESTED_SCENARIO,
  unpaidDue,
  unpaidSnoozeUntil,
  type ManualInput,
  type PanelExtra,
} from './rules';
export {
  addNote,
  applyRuleResult,
  complete,
  effectiveDue,
  groupByKind,
  reopen,
  snooze,
  suggestedSnooze,
  todayView,
  type KindGroup,
  type TodayView,
} from './view';
export { FOLLOWUP_PRIORITY, kindPriority } from './priority';
export { NOTE_MAX, NOTES_MAX, NotesFull, joinNote, noteRoom, notesFullRoom } from './notes';
export { csvCell, csvOrderCell, followupsToCsv } from './csv';
export { closedReasonText, followupReason, followupTitle, sayFrom, type Say } from './text';
export { FOLLOWUP_SCHEMA, FollowupRecordError, followupV0toV1, followupV1toV2, migrateFollowup, readFollowup } from './migrate';
export { formatWall } from '../time';
export {
  assignFollowup,
  handoverItems,
  handoverTarget,
  isHandedTo,
  nextShiftStart,
  onShift,
  otherShift,
  shiftAt,
  SHIFTS,
  type HandoverTarget,
  type HandoverViewer,
  type Shift,
} from './handover';
