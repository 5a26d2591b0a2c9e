import { describe, expect, it } from 'vitest';
import { showDirectionControls, stripDirectionControls } from './text';

describe('page text shown honestly', () => {
  it('shows direction overrides as marks instead of letting them reorder the text', () => {
    expect(showDirectionControls('\u202Egnp.exe')).toBe('⟨RLO⟩gnp.exe');
    expect(showDirectionControls('a\u2066b\u2069c\u200F')).toBe('a⟨LRI⟩b⟨PDI⟩c⟨RLM⟩');
  });
  it('leaves ordinary text, Arabic and Hebrew letters alone', () => {
    expect(showDirectionControls('小鹿乱撞0521 مرحبا שלום')).toBe('小鹿乱撞0521 مرحبا שלום');
  });
  it('removes them from text that becomes the agent\'s own words, letters and emoji kept', () => {
    expect(stripDirectionControls('\u202Egnp.exe\u202C😀 مرحبا\u200F')).toBe('gnp.exe😀 مرحبا');
  });
});
