/**
 * A file as Excel, WPS or Notepad save it on Chinese Windows ("ANSI" = GBK), for the import tests:
 * ASCII as itself and the Chinese characters below in their GBK bytes. Node can decode GBK but not
 * encode it, so the few characters the tests use are listed here. The table was made with iconv:
 *   for c in 欢 迎 …; do printf '%s' "$c" | iconv -f utf-8 -t gbk | xxd -p; done
 * A character not in it throws, so a test cannot quietly write something else.
 */
const TABLE = '欢bbb6 迎d3ad 光b9e2 临c1d9 亲c7d7 您c4fa 好bac3 请c7eb 问ceca 有d3d0 什cab2 么c3b4 可bfc9 以d2d4 帮b0ef 的b5c4 话bbb0 术caf5 组d7e9 标b1ea 题cce2 买c2f2 家bcd2 备b1b8 注d7a2 尺b3df 码c2eb 学d1a7 习cfb0 记bcc7 录c2bc 快bfec 递b5dd 到b5bd 哪c4c4 了c1cb 退cdcb 货bbf5 客bfcd 户bba7 测b2e2 试cad4 身c9ed 高b8df 体cce5 重d6d8 偏c6ab 宽bfed 松cbc9 店b5ea 铺c6cc 发b7a2 今bdf1 天ccec 明c3f7 ，a3ac 。a1a3 ！a3a1 ？a3bf ：a3ba';

const GBK = new Map(TABLE.split(' ').map((e) => [e[0]!, [parseInt(e.slice(1, 3), 16), parseInt(e.slice(3, 5), 16)]] as const));

export function gbkBytes(text: string): Uint8Array<ArrayBuffer> {
  const out: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0));
    else if (GBK.has(c)) out.push(...GBK.get(c)!);
    else throw new Error(`gbkBytes: no GBK bytes for "${c}" in test/gbk.ts`);
  }
  return Uint8Array.from(out);
}
