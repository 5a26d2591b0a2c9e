import { describe, expect, it } from 'vitest';
import { decodeFileBytes, nestedDeeperThan } from './file-text';
import { encodeLegacy } from '../../test/legacy-encode';
import { STARTER_LIBRARY } from './templates/starter';

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
    const bytes = encodeLegacy('gbk', json);
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
    expect(decodeFileBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...encodeLegacy('gbk', json)]))).toEqual({ ok: false, problem: 'undecodable' });
  });

  it('refuses a file that already holds replacement characters (read with the wrong encoding and saved again)', () => {
    // 欢迎 read as UTF-8 is "��ӭ": some GBK pairs happen to be valid UTF-8, so not every character shows as U+FFFD.
    const damaged = new TextDecoder().decode(encodeLegacy('gbk', '{"title": "欢迎"}'));
    expect(damaged).toBe('{"title": "\uFFFD\uFFFDӭ"}');
    expect(decodeFileBytes(utf8(damaged))).toEqual({ ok: false, problem: 'replacement', count: 2, encoding: 'utf-8' });
  });
});

describe('a file in an encoding that is not Chinese (Big5, Shift-JIS) read as GBK', () => {
  // Real text, encoded with the encodings' own tables (test/legacy-encode.ts), as Excel on a
  // Taiwanese or Japanese Windows saves it.
  const traditional = '標題,內容\n歡迎,親，您好！請問有什麼可以幫您的？這款衣服尺碼偏大，建議拍小一號。\n發貨,今天下午四點前付款的訂單當天發貨，週末照常出貨。';
  const japanese = 'タイトル,内容\n挨拶,こんにちは、ご注文ありがとうございます。\nサイズ,サイズは少し大きめです。一つ下のサイズをおすすめします。';

  it('refuses Big5 text instead of importing wrong characters, and says it looks like Big5', () => {
    const bytes = encodeLegacy('big5', traditional);
    // What the import did before: GB18030 took the bytes without complaint.
    expect(() => new TextDecoder('gb18030', { fatal: true }).decode(bytes)).not.toThrow();
    expect(decodeFileBytes(bytes)).toEqual({ ok: false, problem: 'foreign', likely: 'big5' });
  });

  it('refuses Shift-JIS text and says it looks like Shift-JIS', () => {
    const bytes = encodeLegacy('shift_jis', japanese);
    expect(() => new TextDecoder('gb18030', { fatal: true }).decode(bytes)).not.toThrow();
    expect(decodeFileBytes(bytes)).toEqual({ ok: false, problem: 'foreign', likely: 'shift_jis' });
  });

  it('refuses a short Big5 reply too (a single phrase of a quick-phrase file)', () => {
    expect(decodeFileBytes(encodeLegacy('big5', '內容\n親，請問您需要什麼尺碼呢？'))).toMatchObject({ ok: false, problem: 'foreign' });
  });

  it('still reads real GBK files, with rare characters in names and full-width punctuation', () => {
    const gbk = [
      '标题,内容,分组',
      '欢迎,亲，您好！欢迎光临本店～有什么可以帮您的？,问候',
      '尺码,身高165cm体重110斤建议拍M码【偏大半码】,尺码',
      '签名,客服小喆、阿堃、玥玥和昇哥为您服务★,问候',
      '发货,今天16:00前付款当天发货→明天到，①顺丰②中通,发货',
    ].join('\n');
    const bytes = encodeLegacy('gbk', gbk);
    expect(decodeFileBytes(bytes)).toEqual({ ok: true, text: gbk, encoding: 'gb18030' });
    // A name made only of GBK's rare characters is still a name.
    expect(decodeFileBytes(encodeLegacy('gbk', '买家,喆堃'))).toMatchObject({ ok: true, text: '买家,喆堃' });
  });

  it('reads every reply of the starter library saved as GBK, one file per reply (short files are where a share is most fragile)', () => {
    for (const x of STARTER_LIBRARY.templates) {
      const text = `${x.title},${x.body}`;
      expect(decodeFileBytes(encodeLegacy('gbk', text)), x.id).toEqual({ ok: true, text, encoding: 'gb18030' });
    }
  });

  it('leaves UTF-8 files alone, whatever the script (traditional or Japanese text saved as UTF-8 is read as written)', () => {
    expect(decodeFileBytes(utf8(traditional))).toEqual({ ok: true, text: traditional, encoding: 'utf-8' });
    expect(decodeFileBytes(utf8(japanese))).toEqual({ ok: true, text: japanese, encoding: 'utf-8' });
  });
});

describe('nestedDeeperThan', () => {
  const nest = (levels: number) => JSON.parse('[{"a":'.repeat(levels) + '0' + '}]'.repeat(levels));
  it('counts objects and arrays alike, and stays quiet up to the limit', () => {
    expect(nestedDeeperThan(nest(32), 64)).toBe(false);
    expect(nestedDeeperThan(nest(33), 64)).toBe(true);
    expect(nestedDeeperThan({ library: { templates: [{ title: 'x', scenarios: ['a'] }] } }, 64)).toBe(false);
    expect(nestedDeeperThan('text', 0)).toBe(false);
  });
  it('walks 100,000 levels without overflowing the stack', () => {
    expect(nestedDeeperThan(nest(50_000), 64)).toBe(true);
  });
});
