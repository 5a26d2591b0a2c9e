import { describe, expect, it } from 'vitest';
import { foreignHost, openableUrl } from './target';

const item = (url: string, extra: Partial<{ kind: 'manual' | 'refund-to-pay' | 'unpaid'; buyer: string }> = {}) => ({ kind: 'manual' as const, url, ...extra });

// With the taught origins, as the popup asks (the worker checks its host permissions instead).
describe('which page 打开 opens for a follow-up', () => {
  it('opens a supported console, and the chat of the demo console', () => {
    expect(openableUrl(item('https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message'), [])).toBe('https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message');
    expect(openableUrl(item('https://mms.pinduoduo.com/chat-merchant/index.html', { kind: 'refund-to-pay' }), [])).toBe('https://mms.pinduoduo.com/chat-merchant/index.html');
    expect(openableUrl(item('http://127.0.0.1:5173/orders/1', { buyer: '小明' }), [])).toBe('http://127.0.0.1:5173/chat/%E5%B0%8F%E6%98%8E');
    expect(foreignHost(item('https://qn.taobao.com/x'))).toBeNull();
  });

  it('does not open a page on any other site (a colleague may have written it), and names its host', () => {
    for (const kind of ['manual', 'refund-to-pay', 'unpaid'] as const) {
      const phishing = item('https://evil.example/login?next=taobao', { kind, buyer: '小明' });
      expect(openableUrl(phishing, []), kind).toBeNull();
      expect(foreignHost(phishing), kind).toBe('evil.example');
    }
    // A look-alike of a console's host is another site.
    expect(openableUrl(item('https://qn.taobao.com.evil.example/'), [])).toBeNull();
    expect(openableUrl(item('http://qn.taobao.com/'), [])).toBeNull();
  });

  it("opens a page of the shop's taught sites", () => {
    const page = item('https://kefu.myshop.example/im?buyer=1');
    expect(openableUrl(page, [])).toBeNull();
    expect(openableUrl(page, ['https://kefu.myshop.example'])).toBe('https://kefu.myshop.example/im?buyer=1');
    expect(foreignHost(page, ['https://kefu.myshop.example'])).toBeNull();
  });

  it('has nothing to open and nothing to name for an item without a page', () => {
    expect(openableUrl({ kind: 'manual', buyer: '小明' }, [])).toBeNull();
    expect(foreignHost({ url: 'javascript:alert(1)' })).toBeNull();
  });
});
