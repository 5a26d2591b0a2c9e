import type { MessageBundle } from '../index';

/**
 * The options page's strings for what the user owns as a whole: what deleting buyers takes with
 * them (客户档案), and 删除全部数据 (导入 / 导出 tab). Registered by those components only.
 */
export const privacyMessages: MessageBundle = {
  zh: {
    // Deleting buyers (components/options/ForgetConfirm.tsx).
    'forget.counting': '正在统计会删除哪些内容…',
    'forget.done': '{n} 条已完成的跟进',
    'forget.learned': '{n} 条含买家昵称的学习记录',
    'forget.also': '同时删除：{list}。',
    'forget.overrides': '备注例外记录中 {n} 条会去掉买家名字，备注里的手机号等会隐藏。',
    'forget.backups': '本机备份中的同样内容也一并清除或改写。',
    'forget.open':
      '还有 {n} 条未完成的跟进（例如待付退款、待收退货）。一并删除，还是保留？保留的跟进会去掉买家昵称、账号和聊天链接，订单号和你的备注留下（其中的手机号、身份证号会隐藏）。',
    'forget.deleteOpen': '删除，包括未完成的跟进',
    'forget.keepOpen': '删除，匿名保留未完成的跟进',
    'forget.result': '跟进：删除 {deleted} 条，匿名保留 {kept} 条；学习记录删除 {learned} 条。',
    'forget.list.sep': '、',
    // 删除全部数据.
    'data.delete.title': '删除全部数据',
    'data.delete.help':
      '删除本扩展在这台电脑上保存的全部数据：话术库、客户档案、跟进、学习记录、设置、统计、已教页面和所有本机备份；团队模式会退出。扩展回到刚安装时的状态。此操作不能撤销，如需留存请先「导出全部数据」。',
    'data.delete.open': '删除全部数据…',
    'data.delete.phrase': '删除全部数据',
    'data.delete.type': '请输入「{phrase}」确认：',
    'data.delete.button': '永久删除全部数据',
    'data.delete.cancel': '取消',
    'data.delete.done': '已删除全部数据，扩展已恢复到刚安装时的状态。',
    'data.failed': '操作失败：{reason}',
  },
  en: {
    'forget.counting': 'Counting what would be deleted…',
    'forget.done': '{n} done follow-up(s)',
    'forget.learned': '{n} learned pick(s) holding the buyer’s name',
    'forget.also': 'Also deleted: {list}.',
    'forget.overrides': 'The buyer’s name is taken out of {n} remark override record(s); phone numbers in those remarks are hidden.',
    'forget.backups': 'The same goes from the local backups.',
    'forget.open':
      '{n} follow-up(s) are not done yet (a refund to pay, a return on its way…). Delete them too, or keep them? Kept ones lose the buyer’s name, id and chat link; the order number and your notes stay (phone and ID numbers hidden).',
    'forget.deleteOpen': 'Delete, open follow-ups too',
    'forget.keepOpen': 'Delete, keep open follow-ups anonymous',
    'forget.result': 'Follow-ups: {deleted} deleted, {kept} kept anonymous; {learned} learned pick(s) deleted.',
    'forget.list.sep': ', ',
    'data.delete.title': 'Delete all my data',
    'data.delete.help':
      'Deletes everything this extension keeps on this computer: the reply library, buyer notes, follow-ups, learned picks, settings, statistics, taught pages and every local backup; team mode is left. The extension is as freshly installed. This cannot be undone: export all data first if you need a copy.',
    'data.delete.open': 'Delete all my data…',
    'data.delete.phrase': 'delete all my data',
    'data.delete.type': 'Type “{phrase}” to confirm:',
    'data.delete.button': 'Delete all data for good',
    'data.delete.cancel': 'Cancel',
    'data.delete.done': 'All data deleted; the extension is as freshly installed.',
    'data.failed': 'That did not work: {reason}',
  },
};
