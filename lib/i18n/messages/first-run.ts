import type { MessageBundle } from '../index';

/** The first-run checklist at the top of options → 店铺设置 (components/options/FirstRun.tsx). */
export const firstRun: MessageBundle = {
  zh: {
    'firstRun.title': '开始使用：先做这几件事',
    'firstRun.shopName': '店铺名称',
    'firstRun.shopNameTodo': '在下面填写：话术里的 {店铺} 用它',
    'firstRun.agentName': '你的客服名字',
    'firstRun.agentNameTodo': '在下面填写：话术里的 {客服} 和订单备注的署名用它',
    'firstRun.filled': '已填写：{value}',
    'firstRun.shifts': '白班 {start}–{end}，其余时间是夜班：交接和跟进清单按这个时间算。',
    'firstRun.shiftsLink': '在“跟进”里修改',
    'firstRun.consoles':
      '在这些后台的页面上，助手出现在页面右侧：拼多多商家客服、京东咚咚工作台和商家后台订单、抖店飞鸽、快手小店客服（未经实测：还没在真实后台上验证过）、淘宝/天猫卖家中心（订单和备注；聊天在千牛客户端里，话术点一下即可复制）。其他后台：在那个页面上打开浏览器侧边栏里的客服助手，点“教会这个页面”。',
    'firstRun.consolesLink': '已教会的页面',
    'firstRun.done': '都填好了。以后可以随时回到这里修改。',
  },
  en: {
    'firstRun.title': 'Getting started: a few things first',
    'firstRun.shopName': 'Shop name',
    'firstRun.shopNameTodo': 'fill it in below: replies use it for {店铺}',
    'firstRun.agentName': 'Your agent name',
    'firstRun.agentNameTodo': 'fill it in below: replies use it for {客服}, and order remarks are signed with it',
    'firstRun.filled': 'set: {value}',
    'firstRun.shifts': 'Day shift {start}–{end}, the rest is the night shift: handovers and the follow-up list go by these hours.',
    'firstRun.shiftsLink': 'Change under Follow-ups',
    'firstRun.consoles':
      'The helper appears at the right of these consoles’ pages: Pinduoduo seller chat, JD DongDong and JD seller-center orders, Douyin Feige, Kuaishou shop chat (untested: not yet checked on the real console), Taobao/Tmall seller center (orders and remarks; the chat runs in the Qianniu client, a click copies a reply). Another console: open the helper in the browser’s side panel on its page and choose “Teach this page”.',
    'firstRun.consolesLink': 'Taught pages',
    'firstRun.done': 'All set. You can come back here any time.',
  },
};
