// Demo seller console: plain JS, no build step. Everything the page shows is rendered with
// textContent (never innerHTML with data), so a buyer nickname such as <img onerror> stays text.
(function () {
  'use strict';

  const STORE_KEY = 'demo-console-state-v1';
  const params = new URLSearchParams(location.search);
  const BROKEN_INPUT = params.get('broken') === 'input';
  const KINDS = ['textarea', 'contenteditable', 'controlled'];

  // ---------------------------------------------------------------------------------------------
  // Data
  const now = Date.now();
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;
  // The shop's day is Beijing's (UTC+8, no daylight saving) whatever the computer's zone, as the
  // product reads it (lib/domain/time.ts): a UTC computer's midnight is 08:00 in Beijing, so from
  // 00:00 to 08:00 Beijing time "today's" unpaid orders fell on the day before.
  const startOfToday = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  /**
   * "n minutes ago", but never before (Beijing) midnight: unpaid orders must always be from today;
   * and never after now: in the first 3 minutes after midnight the floor lay in the future, and an
   * order made later than the page was read is no payment reminder (00:00–00:03 Beijing).
   */
  const todayAgo = (ms) => Math.min(now, Math.max(now - ms, startOfToday + Math.min(ms, 30 * MIN) / 10));

  // Printed as the Chinese consoles print times: Beijing time whatever the computer's zone (read
  // with the UTC getters of the moment + 8 h).
  const bj = (ms) => new Date(ms + 8 * HOUR);
  const fmtDate = (ms) => bj(ms).toISOString().replace('T', ' ').slice(0, 19);
  const fmtTime = (ms) => bj(ms).toISOString().slice(11, 16);
  const md = (ms) => {
    const d = bj(ms);
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  };

  const XSS_NICK = '<img src=x onerror=alert(1)>';

  function initialState() {
    const conv = (id, nick, minutesAgo, unread, lines) => ({
      id,
      nick,
      unread,
      messages: lines.map(([from, text], i) => ({
        from,
        text,
        at: now - (minutesAgo + (lines.length - i) * 2) * MIN,
      })),
    });
    const conversations = [
      conv('u-1001', '小鹿乱撞0521', 1, 2, [
        ['buyer', '亲，在吗？'],
        ['agent', '亲，在的呢，请问有什么可以帮您？'],
        ['buyer', '这条碎花裙我身高162体重52公斤穿什么码'],
        ['buyer', '拍下了还没付，今天能发货吗'],
      ]),
      conv('u-1002', 'tb_8834729_88', 6, 1, [
        ['buyer', '牛仔裤是弹力的吗'],
        ['agent', '有微弹的哦，穿着不紧绷～'],
        ['buyer', '发什么快递？能发顺丰吗'],
      ]),
      conv('u-1003', '爱吃橙子的猫', 12, 0, [
        ['buyer', 'T恤白色还有L码现货吗'],
        ['agent', '有现货的亲，今天16点前付款当天发出'],
        ['buyer', '好的我看看'],
      ]),
      conv('u-1004', '阳光明媚的日子', 20, 1, [
        ['buyer', '你好，我地址写错了，能帮我改一下吗'],
        ['buyer', '改成浙江省杭州市西湖区文三路90号'],
      ]),
      conv('u-1005', '南风知我意2019', 35, 3, [
        ['buyer', '怎么还没发货？'],
        ['buyer', '都三天了'],
        ['buyer', '说好的48小时内发呢'],
      ]),
      conv('u-1006', XSS_NICK, 48, 1, [
        ['buyer', '收到的衣服颜色发错了，我要的是黑色'],
      ]),
      conv('u-1007', '星辰大海ing', 75, 0, [
        ['buyer', '我拍了两单，能一起发吗'],
        ['agent', '可以的亲，我帮您备注合并发货'],
        ['buyer', '谢谢'],
      ]),
      conv('u-1008', '米粒妈妈', 130, 0, [
        ['buyer', '快递到哪了，物流一直不动'],
        ['agent', '亲，我这边帮您查一下，请稍等'],
      ]),
      // Two different buyers whose nickname the console masks the same way: only the id tells them apart.
      conv('u-2001', 'S*******n', 180, 0, [
        ['buyer', '这款羽绒服165穿M还是L'],
        ['agent', '亲，平时穿M的话选M就可以哦'],
      ]),
      conv('u-2002', 'S*******n', 240, 0, [
        ['buyer', '上次买的开发票了吗，抬头写公司名'],
      ]),
    ];

    const order = (id, buyer, status, createdAt, items, flag, remark, extra) =>
      Object.assign({ id, buyer, status, createdAt, items, flag, remark }, extra || {});
    const item = (title, sku, code, price, qty) => ({ title, sku, code, price, qty });
    const orders = [
      order('4012938475610293847', '小鹿乱撞0521', 'unpaid', todayAgo(2 * HOUR + 10 * MIN),
        [item('法式复古碎花连衣裙 收腰显瘦 夏季新款', '颜色分类：蓝色碎花；尺码：M', 'LYQ-2301-BL-M', 159, 1)], 'gray', ''),
      order('3967201845739261054', '爱吃橙子的猫', 'unpaid', todayAgo(4 * HOUR + 40 * MIN),
        [item('纯棉短袖T恤 宽松百搭 男女同款', '颜色分类：白色；尺码：L', 'TX-100-WH-L', 49, 2)], 'gray', ''),
      order('3988127364501928374', '老顾客_王姐', 'unpaid', todayAgo(3 * HOUR + 5 * MIN),
        [item('高腰阔腿牛仔裤 垂感显瘦', '颜色分类：浅蓝；尺码：28', 'NZK-880-LB-28', 189, 1),
         item('真丝印花小方巾', '颜色分类：杏色', 'FJ-12-AP', 39, 1)], 'yellow', ''),
      order('3951842736019283746', 'tb_8834729_88', 'paid', now - 55 * MIN,
        [item('高腰阔腿牛仔裤 垂感显瘦', '颜色分类：深蓝；尺码：27', 'NZK-880-DB-27', 189, 1)], 'red',
        `已核对，可发货 客服小美 ${md(now)}`),
      order('3948172635091827364', '阳光明媚的日子', 'paid', now - 3 * HOUR,
        [item('冰丝防晒开衫 薄款', '颜色分类：奶白；尺码：均码', 'FS-66-MW', 79, 1)], 'yellow',
        `改地址：浙江省杭州市西湖区文三路90号 收件人不变 客服阿杰 ${md(now)}`),
      order('3930018273645518290', '南风知我意2019', 'paid', now - 3 * DAY,
        [item('亚麻衬衫 日系宽松', '颜色分类：燕麦色；尺码：XL', 'CS-31-OT-XL', 129, 1)], 'purple', '缺货，晚点发'),
      order('3925561829304718265', '星辰大海ing', 'paid', now - 6 * HOUR,
        [item('针织背心 叠穿', '颜色分类：黑色；尺码：S', 'BX-09-BK-S', 59, 1)], 'blue', '合并发货'),
      order('3925561829304718266', '星辰大海ing', 'paid', now - 5 * HOUR,
        [item('百褶半身裙 中长款', '颜色分类：黑色；尺码：S', 'BQ-21-BK-S', 99, 1)], 'gray', ''),
      order('3899017263548172635', '米粒妈妈', 'shipped', now - 2 * DAY,
        [item('儿童纯棉睡衣套装', '颜色分类：小熊黄；尺码：110', 'SY-5-YL-110', 88, 2)], 'gray', '',
        { shippedAt: now - 1.5 * DAY }),
      order('3890726354182736450', XSS_NICK, 'shipped', now - 4 * DAY,
        [item('法式复古碎花连衣裙 收腰显瘦 夏季新款', '颜色分类：黑色碎花；尺码：S', 'LYQ-2301-BK-S', 159, 1)], 'green',
        `换货：白色S→黑色S，无差价，质量问题运费店铺承担 客服小美 ${md(now - DAY)}`, { shippedAt: now - 3 * DAY }),
      order('388172635401928374', '小鹿乱撞0521', 'refunding', now - 9 * DAY,
        [item('纯棉短袖T恤 宽松百搭 男女同款', '颜色分类：灰色；尺码：M', 'TX-100-GY-M', 49, 1)], 'green', '退货'),
      order('3870019283746512093', '爱吃橙子的猫', 'completed', now - 15 * DAY,
        [item('冰丝防晒开衫 薄款', '颜色分类：浅粉；尺码：均码', 'FS-66-PK', 79, 1)], 'red', '已核对可发货'),
    ];
    return { conversations, orders, drafts: {} };
  }

  function load() {
    try {
      const raw = sessionStorage.getItem(STORE_KEY);
      const saved = raw && JSON.parse(raw);
      // State saved before conversations had ids starts over.
      if (saved && saved.conversations.every((c) => c.id)) return saved;
    } catch { /* private mode or corrupt: start fresh */ }
    return initialState();
  }
  let state = load();
  const save = () => {
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch { /* ignore */ }
  };

  const STATUS_TEXT = {
    unpaid: '等待买家付款',
    paid: '买家已付款',
    shipped: '卖家已发货',
    refunding: '退款中',
    completed: '交易成功',
    closed: '交易关闭',
  };
  const FLAGS = [
    { color: 'gray', index: 0, name: '灰色', title: '灰旗' },
    { color: 'red', index: 1, name: '红色', title: '红旗' },
    { color: 'yellow', index: 2, name: '黄色', title: '黄旗' },
    { color: 'green', index: 3, name: '绿色', title: '绿旗' },
    { color: 'blue', index: 4, name: '蓝色', title: '蓝旗' },
    { color: 'purple', index: 5, name: '紫色', title: '紫旗' },
  ];
  const flagOf = (color) => FLAGS.find((f) => f.color === color) || FLAGS[0];

  // ---------------------------------------------------------------------------------------------
  // Test hooks (filled in below)
  const demo = {
    sent: [],
    inputLog: [],
  };
  window.__demo = demo;

  // ---------------------------------------------------------------------------------------------
  // Tiny DOM helper: h('div.a.b', {attr}, children). Strings become text nodes, never HTML.
  function h(tag, attrs, ...children) {
    const [name, ...classes] = tag.split('.');
    const el = document.createElement(name || 'div');
    if (classes.length) el.className = classes.join(' ');
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c == null || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  // ---------------------------------------------------------------------------------------------
  // Routing: pushState only; the query string (input kind, auto, broken) travels along.
  const app = document.getElementById('app');
  let inputKind = KINDS.includes(params.get('input')) ? params.get('input') : 'textarea';

  function route() {
    const parts = location.pathname.split('/').filter(Boolean);
    if (parts[0] === 'orders') return { view: 'orders', tab: new URLSearchParams(location.search).get('tab') || 'all' };
    const key = parts[1] ? decodeURIComponent(parts.slice(1).join('/')) : null;
    return { view: 'chat', key };
  }
  function navigate(path, replace) {
    const p = new URLSearchParams(location.search);
    p.delete('tab');
    const q = p.toString();
    const url = path + (q ? '?' + q : '');
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    render();
  }
  window.addEventListener('popstate', render);
  document.querySelector('.topnav').addEventListener('click', (e) => {
    const a = e.target.closest('a[data-nav]');
    if (!a) return;
    e.preventDefault();
    navigate(a.getAttribute('href'));
  });

  // ---------------------------------------------------------------------------------------------
  // Chat input kinds
  function setInputKind(kind) {
    if (!KINDS.includes(kind)) return;
    stashDraft();
    inputKind = kind;
    const p = new URLSearchParams(location.search);
    p.set('input', kind);
    history.replaceState(null, '', location.pathname + '?' + p.toString());
    render();
  }
  document.querySelector('.input-toggle').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-input-kind]');
    if (b) setInputKind(b.dataset.inputKind);
  });
  function markToggle() {
    for (const b of document.querySelectorAll('.input-toggle button')) {
      b.classList.toggle('on', b.dataset.inputKind === inputKind);
      b.setAttribute('aria-pressed', String(b.dataset.inputKind === inputKind));
    }
  }

  let activeId = null; // the open conversation's buyer id
  let activeNick = null; // and its (possibly shared) nickname
  let inputEl = null; // the current chat input element

  function readInputValue() {
    if (!inputEl) return '';
    if (inputKind === 'contenteditable') return inputEl.innerText.replace(/\n$/, '');
    return inputEl.value;
  }
  function stashDraft() {
    if (!inputEl || activeId == null) return;
    if (inputKind !== 'controlled') state.drafts[activeId] = readInputValue();
  }
  function logInput(e) {
    demo.inputLog.push({ type: e.type, inputType: e.inputType || null, data: e.data ?? null, value: readInputValue(), kind: inputKind });
  }

  function buildInput() {
    if (BROKEN_INPUT) return h('div.chat-editor-missing', { text: '（演示：输入框已被移除，用于测试“页面结构变化”提示）' });
    let el;
    if (inputKind === 'contenteditable') {
      el = h('div.chat-input.rich-editor', {
        contenteditable: 'true',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': '消息输入框',
        'data-placeholder': '请输入消息，Enter 发送，Shift+Enter 换行',
      });
      el.textContent = state.drafts[activeId] || '';
    } else {
      el = h('textarea.chat-input', {
        'aria-label': '消息输入框',
        placeholder: '请输入消息，Enter 发送，Shift+Enter 换行',
        rows: 4,
      });
      if (inputKind === 'controlled') el.setAttribute('data-controlled', 'true');
      el.value = state.drafts[activeId] || '';
    }
    el.addEventListener('input', (e) => {
      if (inputKind === 'controlled') {
        // The only way the draft state changes: the element's own input event.
        setState(() => { state.drafts[activeId] = el.value; });
      }
      logInput(e);
    });
    el.addEventListener('change', logInput);
    el.addEventListener('keydown', (e) => {
      // Like real consoles: Enter sends, but never while an input method is composing.
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        send();
      }
    });
    inputEl = el;
    return h('div.chat-editor', { 'data-input-kind': inputKind },
      h('div.editor-toolbar', {},
        h('button.tool', { type: 'button', title: '表情', text: '☺ 表情' }),
        h('button.tool', { type: 'button', title: '图片', text: '▣ 图片' }),
        h('button.tool', { type: 'button', title: '快捷短语', text: '≡ 快捷短语' }),
        h('button.tool', { type: 'button', title: '发送订单', text: '⎘ 推送订单' })),
      el,
      h('div.editor-footer', {},
        h('span.editor-hint', { text: inputKind === 'controlled' ? '受控输入框：内容以页面状态为准' : '' }),
        h('button.send-btn', { type: 'button', onclick: () => send() }, '发送')));
  }

  /** The framework-like part: every state change re-renders the controlled input from state. */
  function setState(mutate) {
    mutate();
    save();
    syncControlled();
  }
  function syncControlled() {
    if (inputKind !== 'controlled' || !inputEl || !inputEl.isConnected) return;
    const v = state.drafts[activeId] || '';
    if (inputEl.value !== v) inputEl.value = v; // what React does: the DOM follows state
  }

  function send() {
    if (!inputEl || activeId == null) return;
    const text = inputKind === 'controlled' ? state.drafts[activeId] || '' : readInputValue();
    if (!text.trim()) return;
    demo.sent.push({ nick: activeNick, id: activeId, text, at: Date.now() });
    setState(() => {
      conversationOf(activeId).messages.push({ from: 'agent', text, at: Date.now() });
      state.drafts[activeId] = '';
    });
    if (inputKind === 'contenteditable') inputEl.textContent = '';
    else inputEl.value = '';
    appendMessages();
    renderConvList();
  }

  // ---------------------------------------------------------------------------------------------
  // Chat view
  /** A conversation by buyer id, else by nickname (the first with that name). */
  const conversationOf = (key) => state.conversations.find((c) => c.id === key) || state.conversations.find((c) => c.nick === key);
  /** The address of a conversation: /chat/<nick> when the name is unique, else /chat/<id>. */
  const routeKeyOf = (c) => (state.conversations.filter((x) => x.nick === c.nick).length > 1 ? c.id : c.nick);
  let streamEl = null;
  let convListEl = null;
  let renderedCount = 0;

  /** When the oldest buyer message after the shop's last reply was sent (the list shows "待回复"), or 0. */
  function waitingSince(c) {
    let since = 0;
    for (let i = c.messages.length - 1; i >= 0 && c.messages[i].from === 'buyer'; i--) since = since ? Math.min(since, c.messages[i].at) : c.messages[i].at;
    return since;
  }

  function lastMessageAt(c) {
    const m = c.messages[c.messages.length - 1];
    return m ? m.at : 0;
  }

  function renderChat(r) {
    const sorted = [...state.conversations].sort((a, b) => lastMessageAt(b) - lastMessageAt(a));
    const conv = (r.key && conversationOf(r.key)) || sorted[0];
    activeId = conv ? conv.id : null;
    activeNick = conv ? conv.nick : null;
    if (conv) conv.unread = 0;
    save();

    convListEl = h('ul.conv-list', { role: 'list' });
    streamEl = h('div.msg-stream', { role: 'log', 'aria-live': 'polite' });
    renderedCount = 0;

    const buyerOrders = state.orders.filter((o) => o.buyer === activeNick);
    const side = h('aside.buyer-side', {},
      h('h3', { text: '买家信息' }),
      h('div.kv', {}, h('span.k', { text: '旺旺：' }), h('span.v.side-nick', { text: activeNick || '' })),
      h('div.kv', {}, h('span.k', { text: '买家ID：' }), h('span.v.side-id', { text: activeId || '' })),
      h('h3', { text: `TA的订单（${buyerOrders.length}）` }),
      buyerOrders.map((o) => h('div.side-order', {},
        h('div', {}, h('span.k', { text: '订单编号:' }), h('span.v', { text: o.id })),
        h('div', {}, h('span.status', { text: STATUS_TEXT[o.status] }), ' ', h('span.amount', { text: '¥' + amountOf(o).toFixed(2) })))));

    app.replaceChildren(h('div.chat-view', { 'data-view': 'chat' },
      h('section.conv-pane', {},
        h('div.conv-tabs', {}, h('span.on', { text: '正在咨询' }), h('span', { text: '最近联系' })),
        convListEl),
      h('section.chat-main', {},
        h('div.chat-header', { 'data-buyer-id': activeId || '' },
          h('span.chat-title-label', { text: '当前咨询：' }),
          h('span.chat-buyer-nick', { text: activeNick || '' })),
        streamEl,
        buildInput()),
      side));
    renderConvList();
    appendMessages();
  }

  function renderConvList() {
    if (!convListEl || !convListEl.isConnected) return;
    const items = [...state.conversations]
      .sort((a, b) => lastMessageAt(b) - lastMessageAt(a))
      .map((c) => {
        const last = c.messages[c.messages.length - 1];
        const li = h('li.conv-item' + (c.id === activeId ? '.active' : ''), { 'data-nick': c.nick, 'data-buyer-id': c.id, tabindex: 0 },
          h('div.conv-avatar', { text: Array.from(c.nick)[0] || '?' }),
          h('div.conv-body', {},
            h('div.conv-top', {}, h('span.conv-nick', { text: c.nick }), h('span.conv-time', { text: last ? fmtTime(last.at) : '' })),
            waitingSince(c) ? h('time.conv-wait', { datetime: new Date(waitingSince(c)).toISOString(), text: '待回复 ' + fmtTime(waitingSince(c)) }) : null,
            h('div.conv-preview', { text: last ? (last.from === 'agent' ? '[我] ' : '') + last.text : '' })),
          c.unread ? h('span.conv-unread', { text: String(c.unread) }) : null);
        li.addEventListener('click', () => {
          if (c.id === activeId) return;
          stashDraft();
          navigate('/chat/' + encodeURIComponent(routeKeyOf(c)));
        });
        return li;
      });
    convListEl.replaceChildren(...items);
  }

  function appendMessages() {
    if (!streamEl || !streamEl.isConnected) return;
    const conv = conversationOf(activeId);
    if (!conv) return;
    for (const m of conv.messages.slice(renderedCount)) {
      streamEl.append(h('div.msg.msg-' + m.from, { 'data-from': m.from },
        h('div.msg-meta', {}, h('span.msg-nick', { text: m.from === 'buyer' ? conv.nick : '小美' }), ' ', h('time', { text: fmtTime(m.at), datetime: new Date(m.at).toISOString() })),
        h('div.msg-bubble', { text: m.text })));
    }
    renderedCount = conv.messages.length;
    streamEl.scrollTop = streamEl.scrollHeight;
  }

  const BUYER_LINES = [
    '在吗', '亲，这个有优惠券吗', '今天下单什么时候发货', '能便宜点吗', '我170斤穿什么码', '有没有赠品呀',
    '快递到哪了', '我想换个码', '能开张发票吗', '怎么还没发货', '好的，谢谢啦', '质量有问题，开线了', '能发顺丰吗',
  ];
  /**
   * A buyer message arrives; `key` is the buyer id or (for a unique name) the nickname. `at` (epoch
   * ms, optional): when the message says it was sent — tests set the past without waiting.
   */
  function pushBuyerMessage(key, text, at) {
    const conv = conversationOf(key);
    if (!conv) throw new Error('unknown buyer: ' + key);
    setState(() => {
      conv.messages.push({ from: 'buyer', text: String(text), at: typeof at === 'number' ? at : Date.now() });
      if (conv.id !== activeId || route().view !== 'chat') conv.unread += 1;
    });
    if (conv.id === activeId) appendMessages();
    renderConvList();
  }

  let autoTimer = null;
  let autoOn = params.get('auto') !== '0';
  function scheduleAuto() {
    clearTimeout(autoTimer);
    if (!autoOn) return;
    autoTimer = setTimeout(() => {
      const c = state.conversations[Math.floor(Math.random() * state.conversations.length)];
      pushBuyerMessage(c.id, BUYER_LINES[Math.floor(Math.random() * BUYER_LINES.length)]);
      scheduleAuto();
    }, 20_000 + Math.random() * 20_000);
  }

  // ---------------------------------------------------------------------------------------------
  // Orders view, modelled on a sold-orders page: one table per parent order, fields behind labels.
  const amountOf = (o) => o.items.reduce((s, i) => s + i.price * i.qty, 0);
  const TABS = [
    ['all', '全部订单', () => true],
    ['unpaid', '等待买家付款', (o) => o.status === 'unpaid'],
    ['paid', '等待发货', (o) => o.status === 'paid'],
    ['shipped', '已发货', (o) => o.status === 'shipped'],
    ['refunding', '退款中', (o) => o.status === 'refunding'],
    ['completed', '交易成功', (o) => o.status === 'completed'],
  ];

  function renderOrders(r) {
    activeId = null;
    activeNick = null;
    inputEl = null;
    const tab = TABS.find((t) => t[0] === r.tab) || TABS[0];
    const tabs = h('div.next-tabs.order-tabs', { role: 'tablist' }, TABS.map(([key, label, pred]) =>
      h('a.next-tabs-tab' + (key === tab[0] ? '.active' : ''), {
        role: 'tab',
        href: '/orders?tab=' + key,
        onclick: (e) => {
          e.preventDefault();
          const p = new URLSearchParams(location.search);
          p.set('tab', key);
          history.pushState(null, '', '/orders?' + p.toString());
          render();
        },
      }, `${label}（${state.orders.filter(pred).length}）`)));
    const list = h('div.order-list', {}, state.orders.filter(tab[2]).map(renderOrderTable));
    app.replaceChildren(h('div.orders-view', { 'data-view': 'orders' },
      h('h2.page-title', { text: '已卖出的宝贝' }),
      tabs,
      h('div.order-columns', {}, ['宝贝', '单价', '数量', '售后', '买家', '交易状态', '实收款', '操作'].map((t) => h('span', { text: t }))),
      list));
  }

  function renderOrderTable(o) {
    const flag = flagOf(o.flag);
    const flagBtn = h('button.flag-icon.flag-' + flag.color, {
      type: 'button',
      title: flag.color === 'gray' ? '灰旗（未标记）' : flag.title,
      'aria-label': '旗帜：' + flag.name,
      onclick: () => openRemarkDialog(o.id),
    }, '⚑');
    const head = h('tr.order-head', {},
      h('td', { colspan: 8 },
        h('label.pick', {}, h('input', { type: 'checkbox' })),
        h('span.label', { text: '订单编号:' }), h('span.value.order-id', { text: o.id }),
        h('span.label', { text: '创建时间:' }), h('span.value', { text: fmtDate(o.createdAt) }),
        h('span.head-right', {}, flagBtn, h('a.remark-link', { href: '#', onclick: (e) => { e.preventDefault(); openRemarkDialog(o.id); } }, '备注'))));
    const rows = o.items.map((it, i) => h('tr.sub-order', {},
      h('td.item', {}, h('div.item-wrap', {},
        h('div.item-pic', { text: '图' }),
        h('div.item-info', {},
          h('a.item-title', { href: '#', onclick: (e) => e.preventDefault() }, it.title),
          h('div.item-sku', { text: it.sku }),
          h('div.item-code', {}, h('span.label', { text: '商家编码：' }), h('span.value', { text: it.code }))))),
      h('td.price', { text: '¥' + it.price.toFixed(2) }),
      h('td.qty', { text: String(it.qty) }),
      h('td.after-sale', { text: o.status === 'refunding' ? '退款中' : '' }),
      i === 0 ? h('td.buyer', { rowspan: o.items.length },
        h('span.label', { text: '买家：' }), h('a.buyer-nick', { href: '/chat/' + encodeURIComponent(o.buyer), onclick: (e) => { e.preventDefault(); navigate('/chat/' + encodeURIComponent(o.buyer)); } }, o.buyer)) : null,
      i === 0 ? h('td.status', { rowspan: o.items.length },
        h('div.trade-status', { text: STATUS_TEXT[o.status] }),
        h('a.detail-link', { href: '#', onclick: (e) => e.preventDefault() }, '详情')) : null,
      i === 0 ? h('td.amount', { rowspan: o.items.length },
        h('span.label', { text: '实收款：' }), h('span.value', { text: '¥' + amountOf(o).toFixed(2) }),
        h('div.postage', { text: '(含快递:¥0.00)' })) : null,
      i === 0 ? h('td.actions', { rowspan: o.items.length },
        o.status === 'unpaid' ? h('button.demo-pay', { type: 'button', onclick: () => demo.payOrder(o.id) }, '付款(演示)') : null,
        o.status === 'paid' ? h('button.ship', { type: 'button', onclick: () => demo.shipOrder(o.id) }, '发货') : null) : null));
    const memo = h('tr.memo-row', {},
      h('td', { colspan: 8 },
        h('i.memo-flag.flag-' + flag.color, { title: flag.title, 'aria-hidden': 'true' }, '⚑'),
        h('span.label', { text: '卖家备注：' }),
        h('span.value.memo-text', { text: o.remark })));
    return h('div.next-table.sold-order', { 'data-order-id': o.id },
      h('div.next-table-inner', {},
        h('div.next-table-body', {},
          h('table', {},
            h('colgroup', {}, [4, 1, 0.6, 1, 1.4, 1.2, 1.2, 1].map((w) => h('col', { style: `width:${(w / 11.4) * 100}%` }))),
            h('tbody', {}, head, rows, memo)))));
  }

  function updateOrder(id, patch) {
    const o = state.orders.find((x) => x.id === id);
    if (!o) throw new Error('unknown order: ' + id);
    setState(() => Object.assign(o, patch));
    if (route().view === 'orders') {
      const old = app.querySelector(`.sold-order[data-order-id="${id}"]`);
      if (old) old.replaceWith(renderOrderTable(o));
      rerenderTabs();
    }
    return o;
  }
  function rerenderTabs() {
    const r = route();
    if (r.view !== 'orders') return;
    for (const a of app.querySelectorAll('.order-tabs a')) {
      const key = new URL(a.href).searchParams.get('tab');
      const t = TABS.find((x) => x[0] === key);
      if (t) a.textContent = `${t[1]}（${state.orders.filter(t[2]).length}）`;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Remark dialog
  function openRemarkDialog(id) {
    closeRemarkDialog();
    const o = state.orders.find((x) => x.id === id);
    if (!o) return;
    const textarea = h('textarea.remark-text', { id: 'remark-text', maxlength: 1000, rows: 6, placeholder: '请输入备注内容（最多1000字）' });
    textarea.value = o.remark;
    const counter = h('span.counter', { text: `${o.remark.length}/1000` });
    textarea.addEventListener('input', () => { counter.textContent = `${textarea.value.length}/1000`; });
    const radios = FLAGS.map((f) => h('label.flag-choice', {},
      h('input', { type: 'radio', name: 'remark-flag', value: String(f.index), id: 'remark-flag' + f.index, checked: f.color === o.flag, 'data-color': f.color }),
      h('i.flag-icon.flag-' + f.color, { 'aria-hidden': 'true' }, '⚑'),
      h('span', { text: f.name })));
    const saveBtn = h('button.next-btn.next-btn-primary.save', { type: 'button' }, '保存');
    const cancelBtn = h('button.next-btn.cancel', { type: 'button' }, '取消');
    const dialog = h('div.next-dialog.remark-dialog', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'remark-dialog-title' },
      h('div.next-dialog-header', { id: 'remark-dialog-title' }, '备注'),
      h('div.next-dialog-body', {},
        h('div.row', {}, h('span.label', { text: '订单编号:' }), h('span.value', { text: o.id })),
        h('div.row', {}, h('span.label', { text: '买家：' }), h('span.value', { text: o.buyer })),
        h('div.row.flags', { role: 'radiogroup', 'aria-label': '旗帜颜色' }, h('span.label', { text: '标记：' }), radios),
        h('div.row', {}, h('label.label', { for: 'remark-text', text: '备注内容：' })),
        textarea,
        h('div.row.hint', {}, counter, h('span', { text: '保存后将替换原有备注' }))),
      h('div.next-dialog-footer', {}, saveBtn, cancelBtn));
    const overlay = h('div.next-overlay-wrapper.remark-overlay', {}, h('div.next-overlay-backdrop'), dialog);
    saveBtn.addEventListener('click', () => {
      const checked = dialog.querySelector('input[name="remark-flag"]:checked');
      const color = checked ? checked.getAttribute('data-color') : 'gray';
      updateOrder(o.id, { flag: color, remark: textarea.value });
      demo.remarkSaves.push({ orderId: o.id, flag: color, remark: textarea.value });
      closeRemarkDialog();
    });
    cancelBtn.addEventListener('click', closeRemarkDialog);
    overlay.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !e.isComposing) closeRemarkDialog(); });
    document.body.append(overlay);
    textarea.focus();
  }
  function closeRemarkDialog() {
    for (const el of document.querySelectorAll('.remark-overlay')) el.remove();
  }

  // ---------------------------------------------------------------------------------------------
  function render() {
    stashDraft(); // also on popstate: the draft of the conversation being left is kept
    closeRemarkDialog();
    const r = route();
    for (const a of document.querySelectorAll('.topnav a')) a.classList.toggle('active', a.dataset.nav === r.view);
    markToggle();
    document.title = (r.view === 'orders' ? '已卖出的宝贝' : '接待中心') + ' · 千店工作台';
    if (r.view === 'orders') renderOrders(r);
    else renderChat(r);
  }

  Object.assign(demo, {
    remarkSaves: [],
    pushBuyerMessage,
    setAutoMessages(on) {
      autoOn = !!on;
      scheduleAuto();
    },
    /** The page's own idea of the draft: state for the controlled input, element content otherwise. */
    draft() {
      if (inputKind === 'controlled') return state.drafts[activeId] || '';
      return readInputValue();
    },
    inputKind: () => inputKind,
    setInputKind,
    activeBuyer: () => activeNick,
    activeBuyerId: () => activeId,
    orders: () => JSON.parse(JSON.stringify(state.orders)),
    conversations: () => JSON.parse(JSON.stringify(state.conversations)),
    payOrder: (id) => updateOrder(id, { status: 'paid', paidAt: Date.now() }) && undefined,
    shipOrder: (id) => updateOrder(id, { status: 'shipped', shippedAt: Date.now() }) && undefined,
    openRemark: openRemarkDialog,
    /** Forget sessionStorage state and start over (tests). */
    reset() {
      sessionStorage.removeItem(STORE_KEY);
      state = initialState();
      demo.sent.length = 0;
      demo.inputLog.length = 0;
      render();
    },
  });

  render();
  scheduleAuto();
})();
