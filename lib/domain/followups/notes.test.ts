import { describe, expect, it } from 'vitest';
import { manualFollowup } from './rules';
import { DEFAULT_FOLLOWUP_SETTINGS as S, type Followup } from './types';
import { addNote } from './view';
import { NOTES_MAX, NotesFull, noteRoom, notesFullRoom } from './notes';
import { mergeFollowup } from '../../team/docs';

const NOW = Date.UTC(2026, 2, 10, 2);
const todo = (note?: string): Followup => ({ ...manualFollowup({ title: '回访王女士', ...(note ? { note } : {}) }, NOW, S) });
/** A note of the popup's longest (500), numbered so each line is told apart. */
const long = (i: number) => `【第${i}次回电】` + '对方说晚点再打'.repeat(70).slice(0, 492);

/** What addNote throws, or null when it took the note. */
function refusal(f: () => unknown): NotesFull | null {
  try {
    f();
    return null;
  } catch (err) {
    if (err instanceof NotesFull) return err;
    throw err;
  }
}

describe('follow-up notes are never cut', () => {
  it('keeps every note whole, the first line first, well past the 2,000 characters it used to keep', () => {
    let f = todo('第一次：电话没人接');
    f = addNote(f, '第二次：答应周五前退款');
    for (let i = 3; i <= 8; i++) f = addNote(f, long(i));
    const lines = f.note!.split('\n');
    expect(f.note!.length).toBeGreaterThan(2000);
    expect(lines).toHaveLength(8);
    expect(lines.slice(0, 2)).toEqual(['第一次：电话没人接', '第二次：答应周五前退款']);
    expect(lines.slice(2)).toEqual([3, 4, 5, 6, 7, 8].map(long));
  });

  it('refuses a note that does not fit whole, says the room left, and changes nothing', () => {
    let f = todo('第一次：电话没人接');
    while (noteRoom(f.note) >= 500) f = addNote(f, long(f.note!.split('\n').length + 1));
    const room = noteRoom(f.note);
    expect(room).toBe(NOTES_MAX - f.note!.length - 1);
    const before = f.note;
    const refused = refusal(() => addNote(f, 'x'.repeat(room + 1)));
    expect(refused?.room).toBe(room);
    expect(f.note).toBe(before);
    // Exactly the room left fits; then the notes are full and even one character is refused.
    const full = addNote(f, 'y'.repeat(room));
    expect(full.note!.length).toBe(NOTES_MAX);
    expect(full.note!.startsWith('第一次：电话没人接\n')).toBe(true);
    expect(noteRoom(full.note)).toBe(0);
    expect(refusal(() => addNote(full, '好'))?.room).toBe(0);
  });

  it('counts the note as trimmed, and an empty note is no change', () => {
    const f = todo('x'.repeat(NOTES_MAX - 6));
    expect(noteRoom(f.note)).toBe(5);
    expect(addNote(f, '  12345  ').note!.endsWith('\n12345')).toBe(true);
    expect(addNote(f, '   ')).toBe(f);
  });

  it('names the refusal by a code the popup and the panel read back (words are theirs)', () => {
    expect(notesFullRoom(new NotesFull(37))).toBe(37);
    expect(notesFullRoom({ code: 'invalid', message: 'notes-full:0' })).toBe(0);
    expect(notesFullRoom(new Error('quota'))).toBeNull();
    expect(notesFullRoom(null)).toBeNull();
  });

  it('a team merge of two machines keeps both sides’ lines whole, even past the bound', () => {
    const base = todo('第一次：电话没人接');
    const a = { ...base, note: [base.note, ...[2, 3, 4, 5, 6].map(long)].join('\n') };
    const b = { ...base, note: [base.note, ...[7, 8, 9, 10, 11, 12].map(long)].join('\n') };
    const merged = mergeFollowup(a, b);
    const lines = merged.note!.split('\n');
    expect(merged.note!.length).toBeGreaterThan(NOTES_MAX);
    expect(new Set(lines)).toEqual(new Set([base.note, ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(long)]));
    // Past the bound it takes no more notes, and nothing of it is cut to make room.
    expect(refusal(() => addNote(merged, '再打一次'))?.room).toBe(0);
  });
});
