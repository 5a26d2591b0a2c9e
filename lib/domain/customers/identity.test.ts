import { describe, expect, it } from 'vitest';
import { buyerKey, isMaskedNickname, nicknameKey, normaliseBuyerId, normaliseNickname } from './identity';
import { adoptUnderId, applyPatch, combineCustomers, customerKey, mergeCustomer, newCustomer, renameCustomer } from './customer';
import { customerFromV0, customerV1toV2, migrateCustomer } from './migrate';
import { parseCustomersImport, exportCustomers } from './import-export';

const NOW = Date.UTC(2026, 10, 1);

describe('normaliseNickname: the one way a shown name becomes part of a key', () => {
  it('removes a BOM and zero-width characters instead of turning them into spaces', () => {
    expect(normaliseNickname('小明\uFEFF')).toBe('小明');
    expect(normaliseNickname('\uFEFF小\u200B明\u200D')).toBe('小明');
    expect(normaliseNickname('小\uFEFF明')).toBe('小明');
    expect(normaliseNickname('ab\u2060c\u00AD')).toBe('abc');
  });

  it('treats every other whitespace the same: one space inside, none at the ends', () => {
    expect(normaliseNickname('  小明 \t 同学\n')).toBe('小明 同学');
    expect(normaliseNickname('小明\u00A0同学')).toBe('小明 同学');
    expect(normaliseNickname('小明\u3000同学')).toBe('小明 同学');
    // A BOM between two spaces is gone, not a third space.
    expect(normaliseNickname('小明 \uFEFF 同学')).toBe('小明 同学');
  });

  it('composes to NFC, so the same letters rendered two ways are one name', () => {
    expect(normaliseNickname('Zoe\u0301')).toBe('Zoé');
    expect(buyerKey('demo', null, 'Zoe\u0301')).toBe(buyerKey('demo', null, 'Zoé'));
  });

  it('keeps what can tell accounts apart: case, full-width letters, masks', () => {
    expect(normaliseNickname('Lily')).not.toBe(normaliseNickname('lily'));
    expect(normaliseNickname('ＬＩＬＹ')).toBe('ＬＩＬＹ');
    expect(normaliseNickname('S*******n')).toBe('S*******n');
  });

  it('cuts at 64 code points without splitting a character, and gives "" for nothing usable', () => {
    const long = '😀'.repeat(70);
    expect(Array.from(normaliseNickname(long))).toHaveLength(64);
    expect(normaliseNickname('\uFEFF\u200B  ')).toBe('');
    expect(normaliseNickname(42)).toBe('');
  });
});

describe('buyer keys', () => {
  it('keys by the console id where there is one, by the nickname where not, and the two never collide', () => {
    expect(buyerKey('pdd', '8812345', 'S*******n')).toBe('pdd#8812345');
    expect(buyerKey('pdd', null, 'S*******n')).toBe('pdd:S*******n');
    expect(buyerKey('demo', null, '#1')).toBe('demo:#1');
    expect(buyerKey('demo', '1', 'x')).toBe('demo#1');
    expect(nicknameKey('pdd', ' S*******n\uFEFF')).toBe('pdd:S*******n');
  });

  it('normalises ids too: no whitespace or invisible characters, nothing too long', () => {
    expect(normaliseBuyerId(' 8812 345\u200B')).toBe('8812345');
    expect(normaliseBuyerId('')).toBeNull();
    expect(normaliseBuyerId('x'.repeat(129))).toBeNull();
    expect(normaliseBuyerId(5)).toBeNull();
  });

  it('two buyers with the same masked nickname and different ids are two records', () => {
    const a = newCustomer('pdd', 'S*******n', NOW, 'uid-1');
    const b = newCustomer('pdd', 'S*******n', NOW, 'uid-2');
    expect(a.key).not.toBe(b.key);
    expect(() => mergeCustomer(a, b)).toThrow(RangeError);
  });

  it('calls a name with an asterisk masked', () => {
    expect(isMaskedNickname('S*******n')).toBe(true);
    expect(isMaskedNickname('王＊＊')).toBe(true);
    expect(isMaskedNickname('小鹿乱撞0521')).toBe(false);
  });
});

describe('a record follows the console', () => {
  it('renames an id-keyed buyer, keeping the key and the notes', () => {
    const c = { ...newCustomer('pdd', '旧名', NOW, 'uid-1'), note: '怕冷' };
    const r = renameCustomer(c, '新名', NOW + 1);
    expect(r).toMatchObject({ key: 'pdd#uid-1', nickname: '新名', note: '怕冷', updatedAt: NOW + 1 });
    expect(renameCustomer(r, ' 新名\uFEFF', NOW + 2)).toBe(r);
  });

  it('adopts a nickname-only record under an id, keeping notes and history', () => {
    const old = { ...newCustomer('demo', '小鹿', NOW), note: '喜欢宽松' };
    const joined = adoptUnderId(old, 'u-1', '小鹿', NOW + 1);
    expect(joined).toMatchObject({ key: 'demo#u-1', buyerId: 'u-1', nickname: '小鹿', note: '喜欢宽松', createdAt: NOW });
    expect(migrateCustomer(joined, NOW + 2, customerFromV0)).toEqual(joined);
  });
});

describe('migration to version 2', () => {
  it('keeps a v1 record nickname-keyed with its notes; a BOM in the old name no longer makes a second buyer', () => {
    const v1 = { v: 1, key: 'demo:小明\uFEFF', platform: 'demo', nickname: '小明\uFEFF', note: '老客', tags: ['VIP'], createdAt: NOW, updatedAt: NOW, lastSeenAt: NOW, history: [], droppedEvents: 0, orderIds: [] };
    const c = migrateCustomer(v1, NOW + 5, customerFromV0);
    expect(c).toMatchObject({ v: 2, key: 'demo:小明', nickname: '小明', note: '老客', tags: ['VIP'], segment: 'vip' });
    expect(c.buyerId).toBeUndefined();
    expect(c.key).toBe(customerKey('demo', '小明'));
  });

  it('is pure and idempotent', () => {
    const v1 = { v: 1, key: 'jd:a', platform: 'jd', nickname: ' a ', note: 'n' };
    const copy = JSON.parse(JSON.stringify(v1));
    const once = customerV1toV2(v1);
    expect(v1).toEqual(copy);
    expect(customerV1toV2(once)).toEqual(once);
    expect(migrateCustomer(migrateCustomer(v1, NOW, customerFromV0), NOW + 1, customerFromV0)).toEqual(migrateCustomer(v1, NOW, customerFromV0));
  });

  it('refuses a record whose id cannot be read rather than filing it under its nickname', () => {
    expect(() => migrateCustomer({ ...newCustomer('pdd', 'S*******n', NOW, 'u1'), buyerId: '   ' }, NOW, customerFromV0)).toThrow(/buyerId/);
  });

  it('imports a version-1 file (no ids) and round-trips a version-2 file with ids', () => {
    const v1file = { format: 'kefu-customers', version: 1, exportedAt: NOW, customers: [{ v: 1, key: 'pdd:S*******n', platform: 'pdd', nickname: 'S*******n', note: '旧备注', createdAt: NOW, updatedAt: NOW, lastSeenAt: NOW }] };
    const parsed = parseCustomersImport(JSON.stringify(v1file), NOW);
    expect(parsed.ok && parsed.customers.map((c) => [c.key, c.note])).toEqual([['pdd:S*******n', '旧备注']]);
    const a = { ...newCustomer('pdd', 'S*******n', NOW, 'uid-1'), note: '甲' };
    const b = { ...newCustomer('pdd', 'S*******n', NOW, 'uid-2'), note: '乙' };
    const back = parseCustomersImport(exportCustomers([a, b], NOW), NOW);
    expect(back).toEqual({ ok: true, customers: [a, b], over: [] });
  });
});

describe('combineCustomers: two old records that are one buyer now', () => {
  it('keeps both notes and all tags, is deterministic and idempotent', () => {
    const a = applyPatch(newCustomer('demo', '小明', NOW), { note: '老备注', tags: ['老客'] }, NOW, { maskPii: false });
    const b = applyPatch(newCustomer('demo', '小明', NOW), { note: '新备注', tags: ['VIP'], sizes: { heightCm: 170 } }, NOW + 5, { maskPii: false });
    const c = combineCustomers(a, b);
    expect(c).toMatchObject({ note: '老备注\n新备注', tags: ['老客', 'VIP'], sizes: { heightCm: 170 }, segment: 'vip', updatedAt: NOW + 5 });
    expect(combineCustomers(b, a)).toEqual(c);
    expect(combineCustomers(c, c)).toEqual(c);
  });
});
