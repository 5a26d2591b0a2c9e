import { describe, expect, it } from 'vitest';
import { decodeFileBytes } from './file-text';
import { gbkBytes } from '../../test/gbk';

const json = '{"title": "欢迎光临", "body": "亲，您好！请问有什么可以帮您的？"}';
const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, le: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.set(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff], 2 + i * 2);
  }
  return out;
}

describe('the text of an imported file', () => {
  it('reads a file saved as GBK ("ANSI" on Chinese Windows) as the Chinese it holds, not as U+FFFD', () => {
    const bytes = gbkBytes(json);
    // What the import did before: lenient UTF-8 turned every character into U+FFFD.
    expect(new TextDecoder().decode(bytes)).toContain('\uFFFD');
    expect(decodeFileBytes(bytes)).toEqual({ ok: true, text: json, encoding: 'gb18030' });
  });

  it('reads UTF-8 with or without a byte-order mark, and UTF-16 by its mark', () => {
    expect(decodeFileBytes(utf8(json))).toEqual({ ok: true, text: json, encoding: 'utf-8' });
    expect(decodeFileBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(json)]))).toEqual({ ok: true, text: json, encoding: 'utf-8' });
    expect(decodeFileBytes(utf16(json, true))).toEqual({ ok: true, text: json, encoding: 'utf-16le' });
    expect(decodeFileBytes(utf16(json, false))).toEqual({ ok: true, text: json, encoding: 'utf-16be' });
  });

  it('refuses bytes that are neither UTF-8 nor GBK, and a marked file its bytes contradict', () => {
    // Latin-1 "café " : 0xE9 then a space is neither.
    expect(decodeFileBytes(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x7b, 0x7d]))).toEqual({ ok: false, problem: 'undecodable' });
    // A UTF-8 mark on GBK bytes is not read as GBK behind the agent's back.
    expect(decodeFileBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...gbkBytes(json)]))).toEqual({ ok: false, problem: 'undecodable' });
  });

  it('refuses a file that already holds replacement characters (read with the wrong encoding and saved again)', () => {
    // 欢迎 read as UTF-8 is "��ӭ": some GBK pairs happen to be valid UTF-8, so not every character shows as U+FFFD.
    const damaged = new TextDecoder().decode(gbkBytes('{"title": "欢迎"}'));
    expect(damaged).toBe('{"title": "\uFFFD\uFFFDӭ"}');
    expect(decodeFileBytes(utf8(damaged))).toEqual({ ok: false, problem: 'replacement', count: 2, encoding: 'utf-8' });
  });
});
