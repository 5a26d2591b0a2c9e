import { describe, expect, it } from 'vitest';
import { checkServer, isTeamConfig } from './config';

describe('team server address', () => {
  it('requires https except on this machine', () => {
    expect(checkServer('https://couch.example.com/')).toEqual({ ok: true, origin: 'https://couch.example.com' });
    expect(checkServer('http://127.0.0.1:5984')).toEqual({ ok: true, origin: 'http://127.0.0.1:5984' });
    expect(checkServer('http://localhost:5984')).toMatchObject({ ok: true });
    expect(checkServer('http://couch.example.com')).toEqual({ ok: false, reason: 'https' });
  });
  it('refuses what is not a server address, and credentials inside the address', () => {
    expect(checkServer('couch.example.com')).toEqual({ ok: false, reason: 'url' });
    expect(checkServer('ftp://x.example.com')).toEqual({ ok: false, reason: 'url' });
    expect(checkServer('https://admin:secret@couch.example.com')).toEqual({ ok: false, reason: 'url' });
  });
  it('a stored configuration is checked before use', () => {
    expect(isTeamConfig({ server: 'https://c.example.com', shop: 'myshop', user: '小王', role: 'agent' })).toBe(true);
    expect(isTeamConfig({ server: 'http://c.example.com', shop: 'myshop', user: '小王', role: 'agent' })).toBe(false);
    expect(isTeamConfig({ server: 'https://c.example.com', shop: 'My Shop', user: '小王', role: 'agent' })).toBe(false);
  });
});
