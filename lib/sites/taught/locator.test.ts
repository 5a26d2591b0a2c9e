// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../testing';
import { generateLocators, isGeneratedToken, isStableId, resolveLocators, parseLocators, type Locator } from './locator';

const cssOf = (locs: Locator[]) => locs.flatMap((l) => ('css' in l ? [l.css] : []));

describe('generated-looking names', () => {
  it('flags class names that CSS-in-JS, CSS modules and bundlers generate', () => {
    for (const c of ['css-1x2y3z', 'sc-abc', 'sc-bdVaJa', '_a1b2c3', 'styles_root__x8Jd2', 'c-7fd2a1', 'jsx-123456', 'item-20231123', 'xkcdqz'])
      expect(isGeneratedToken(c), c).toBe(true);
  });

  it('keeps names people write', () => {
    for (const c of ['chat-input', 'message-list', 'nickname-span', 'history-box', 'next-table', 'col-md-6', 'active', 'btn', 'h5', '发送框'])
      expect(isGeneratedToken(c), c).toBe(false);
  });

  it('trusts ids without counters or generator prefixes only', () => {
    expect(isStableId('replyTextarea')).toBe(true);
    expect(isStableId('memo')).toBe(true);
    expect(isStableId(':r1:')).toBe(false);
    expect(isStableId('react-select-3-input')).toBe(false);
    expect(isStableId('ember1234')).toBe(false);
    expect(isStableId('msg-1700000000')).toBe(false);
  });
});

describe('locators for a picked element', () => {
  it('never uses a hashed class name, and every candidate finds exactly the picked element', () => {
    const doc = loadFixture('unknown-console.html', 'http://127.0.0.1:5173/fixtures/unknown-console.html');
    const picks = [doc.querySelector('textarea[placeholder]')!, doc.querySelector('[role="log"]')!, doc.querySelector('header b')!, doc.querySelector('form textarea')!];
    for (const el of picks) {
      const locs = generateLocators(el);
      expect(locs.length, el.outerHTML).toBeGreaterThanOrEqual(2);
      for (const css of cssOf(locs)) {
        expect(css).not.toMatch(/css-|sc-|\b_[a-z0-9]{4,}/i);
        expect(Array.from(doc.querySelectorAll(css))).toEqual([el]);
      }
      expect(resolveLocators(doc, locs)).toBe(el);
    }
  });

  it('prefers a stable id, then stable attributes, and ends with a structural path', () => {
    document.body.innerHTML = '<div class="css-1a2b3c"><textarea id="replyTextarea" class="_x1y2z3" placeholder="输入"></textarea></div>';
    const locs = generateLocators(document.querySelector('textarea')!);
    expect(locs[0]).toEqual({ css: '#replyTextarea' });
    expect(cssOf(locs)).toContain('textarea[placeholder="输入"]');
    expect(cssOf(locs).at(-1)).toMatch(/^body > div > textarea$/);
  });

  it('describes the buyer name by the text label in front of it, not by the nickname', () => {
    const doc = loadFixture('unknown-console.html', 'http://127.0.0.1:5173/fixtures/unknown-console.html');
    const name = doc.querySelector('header b')!;
    const locs = generateLocators(name);
    expect(locs).toContainEqual({ label: '当前买家：' });
    expect(JSON.stringify(locs)).not.toContain('晴天小猪');
  });

  it('still finds each element after a rebuild that renamed every class but kept the structure', () => {
    const v1 = loadFixture('unknown-console.html', 'http://127.0.0.1:5173/fixtures/unknown-console.html');
    const fields = {
      input: generateLocators(v1.querySelector('textarea[placeholder]')!),
      list: generateLocators(v1.querySelector('[role="log"]')!),
      buyer: generateLocators(v1.querySelector('header b')!),
      remark: generateLocators(v1.querySelector('form textarea')!),
    };
    const v2 = loadFixture('unknown-console-v2.html', 'http://127.0.0.1:5173/fixtures/unknown-console-v2.html');
    expect(resolveLocators(v2, fields.input)).toBe(v2.querySelector('textarea[placeholder]'));
    expect(resolveLocators(v2, fields.list)).toBe(v2.querySelector('[role="log"]'));
    expect(resolveLocators(v2, fields.buyer)).toBe(v2.querySelector('header b'));
    expect(resolveLocators(v2, fields.remark)).toBe(v2.querySelector('form textarea'));
    // Structure alone is enough: with the attributes and labels gone, the nth-of-type path remains.
    const structural = fields.buyer.filter((l) => 'css' in l && !l.css.includes('['));
    expect(structural.length).toBeGreaterThan(0);
    expect(resolveLocators(v2, structural)).toBe(v2.querySelector('header b'));
  });

  it('skips a candidate that became ambiguous and uses the next one that is unique', () => {
    document.body.innerHTML = '<main><textarea placeholder="a"></textarea><textarea placeholder="a"></textarea><div><textarea name="msg"></textarea></div></main>';
    const el = resolveLocators(document, [{ css: 'textarea[placeholder="a"]' }, { css: 'textarea[name="msg"]' }]);
    expect(el?.getAttribute('name')).toBe('msg');
  });

  it('ignores what the extension itself put into the page', () => {
    document.body.innerHTML = '<kf-teach><textarea></textarea></kf-teach><div><textarea></textarea></div>';
    const ours = generateLocators(document.querySelector('div textarea')!);
    expect(ours[0]).toEqual({ css: 'textarea' });
    expect(resolveLocators(document, ours)).toBe(document.querySelector('div textarea'));
  });

  it('rejects damaged locator lists', () => {
    expect(parseLocators([{ css: 'textarea' }, { label: '买家：' }])).toHaveLength(2);
    expect(parseLocators([])).toBeNull();
    expect(parseLocators([{ css: 1 }])).toBeNull();
    expect(parseLocators('textarea')).toBeNull();
  });
});
