/**
 * A follow-up's notes: a running log the agent keeps on one item ("called, no answer", "promised a
 * refund by Friday"), one line per note, oldest first. Nothing in it is ever cut: a note that does
 * not fit is refused whole, with how much room is left, and the earlier lines stay as they were.
 * (It used to keep the last 2,000 characters, and the first calls of a long log vanished mid-line.)
 */

/**
 * The longest single note the agent adds (the popup's N, the panel's note with an item), one line of
 * the log. The popup and the panel keep a longer one whole and say by how much it is over; the
 * worker refuses it (it accepted 2,000, and what another sender sent past the UI's 500 was stored).
 */
export const NOTE_MAX = 500;

/**
 * The most one item's notes hold together, line breaks counted: the buyer card's 备注 bound, ten
 * notes of the popup's 500 characters or a hundred short call records. Only a team merge of two
 * machines' lines, or an item made again after it was closed (it keeps the closed one's log), may
 * pass it — both keep every line whole; the item then takes no more notes.
 */
export const NOTES_MAX = 5000;

/** The most note lines taken back an item keeps (Followup.noteUndone: one per undone 催付 reminder). */
export const UNDONE_MAX = 100;

/** The reason code the worker refuses a note with (`notes-full:<room>`); the popup and the panel say it in words. */
const FULL = 'notes-full:';

/** How many characters one more note may have on an item with these notes (the line break counted). */
export function noteRoom(note: string | undefined): number {
  return Math.max(0, NOTES_MAX - (note ? note.length + 1 : 0));
}

/** A note refused because it does not fit: `room` is what was left. Its message is the reason code the popup and the panel say in words. */
export class NotesFull extends Error {
  override name = 'NotesFull';
  constructor(readonly room: number) {
    super(FULL + room);
  }
}

/**
 * The notes with `line` added as a line of its own; throws NotesFull when it does not fit (the
 * caller refuses it whole: nothing is cut, neither the old lines nor the new one).
 */
export function joinNote(note: string | undefined, line: string): string {
  const room = noteRoom(note);
  if (line.length > room) throw new NotesFull(room);
  return note ? `${note}\n${line}` : line;
}

/** The room left, when a failed call was the worker refusing a note that did not fit; else null. */
export function notesFullRoom(err: unknown): number | null {
  const m = /^notes-full:(\d+)$/.exec((err as Error | null)?.message ?? '');
  return m ? Number(m[1]) : null;
}
