import { describe, expect, it } from 'vitest';
import { indexOfInitials } from './initials-match';

describe('indexOfInitials', () => {
  it('finds plain initials like indexOf', () => {
    expect(indexOfInitials('cftx', 'tx')).toBe(2);
    expect(indexOfInitials('cftx', 'xt')).toBe(-1);
  });
  it('lets a group match any of its letters, counting the group as one character', () => {
    expect(indexOfInitials('k[yx]y[bp]y', 'py')).toBe(3);
    expect(indexOfInitials('k[yx]y[bp]y', 'kxyb')).toBe(0);
    expect(indexOfInitials('k[yx]y[bp]y', 'kz')).toBe(-1);
    expect(indexOfInitials('[bp]', 'bp')).toBe(-1);
  });
});
