import type { MessageBundle } from '../index';

/**
 * The follow-up buttons in the in-page panel (kept apart from the popup's strings: the content script
 * loads only these). Each button names the kind of item it adds exactly as the popup and the card
 * list it (followups.ts `followups.kind.*`): an agent who clicked 咨询未拍 looks for 咨询未拍 in the
 * list. followup-names.test.ts holds the two together.
 */
export const followupsPanel: MessageBundle = {
  zh: {
    'followups.panel.heading': '跟进',
    'followups.panel.inquiry': '咨询未拍',
    'followups.panel.promised': '承诺答复',
    'followups.panel.badReview': '中差评',
  },
  en: {
    'followups.panel.heading': 'Follow up',
    'followups.panel.inquiry': 'Asked, not ordered',
    'followups.panel.promised': 'Promised answer',
    'followups.panel.badReview': 'Bad review',
  },
};

/** What follows a click on those buttons (the form, the status line): in the follow-ups feature script only. */
export const followupsPanelForm: MessageBundle = {
  zh: {
    'followups.panel.promisedDue': '答复时间',
    'followups.panel.add': '加入跟进',
    'followups.panel.added': '已加入跟进清单：{title}',
    'followups.panel.failed': '未能加入跟进清单：{reason}',
    'followups.panel.notesRoom': '这位买家已有这项跟进，备注会记在它下面，但它的备注只剩 {room} 个字的位置（合计最多 {max} 个字）。没有加入，你写的备注还在：请缩短，或记到买家备注（Alt+N）。',
    'followups.panel.notesFull': '这位买家已有这项跟进，它的备注已满（合计最多 {max} 个字）。没有加入，你写的备注还在：请记到买家备注（Alt+N）。',
    'followups.panel.notePlaceholder': '备注（可选）',
    'followups.panel.handNext': '接下来加入的跟进将交给{to}',
    'followups.panel.unsaved': '{buyer} 的承诺答复还没加入跟进：「{note}」',
    'followups.panel.addFor': '为{buyer}加入跟进',
    'followups.panel.drop': '不要了',
    'followups.panel.after': '售后',
    'followups.panel.after.return-pending': '待收退货',
    'followups.panel.after.exchange': '待收退货（换货）',
    'followups.panel.after.refund-to-pay': '待付退款',
    'followups.panel.after.call-back': '约定回电',
    'followups.panel.orderPlaceholder': '订单号（可选）',
    'followups.panel.afterDue': '截止（可选）',
    'followups.panel.callBackAt': '回电时间',
    'followups.panel.callBackDue': '请先选好回电时间。没有加入，你写的还在。',
    'followups.panel.dueBad': '时间要晚于现在：请重选（截止可留空）。没有加入，你写的还在。',
    'followups.panel.zoneBeijing': '时间均为北京时间',
    'followups.panel.zoneShop': '时间均为店铺时间（UTC{offset}）',
    'followups.panel.orderBad': '订单号只能是 4–40 位字母、数字或“-”：请改正或留空。没有加入，你写的还在。',
    'followups.panel.reasonPlaceholder': '没拍的原因（可选），如 嫌贵、等活动、尺码缺货',
    'followups.panel.reasonAdd': '记下原因',
    'followups.panel.reasonSaved': '原因已记在跟进下：{title}',
    'followups.panel.forOrder': '以下跟进针对订单 {order}',
    'followups.panel.forOrderOf': '以下跟进针对订单 {order}（{buyer}）',
    'followups.panel.orderNo': '订单 {order}',
  },
  en: {
    'followups.panel.promisedDue': 'Answer by',
    'followups.panel.add': 'Add to follow-ups',
    'followups.panel.added': 'Added to the follow-up list: {title}',
    'followups.panel.failed': 'Could not add to the follow-up list: {reason}',
    'followups.panel.notesRoom': 'This buyer already has this follow-up and the note goes under it, but its notes have room for only {room} more character{room||s} (at most {max} together). Nothing was added and your note is still here: shorten it, or save it as a buyer note (Alt+N).',
    'followups.panel.notesFull': 'This buyer already has this follow-up and its notes are full (at most {max} character{max||s} together). Nothing was added and your note is still here: save it as a buyer note (Alt+N).',
    'followups.panel.notePlaceholder': 'Note (optional)',
    'followups.panel.handNext': 'The next follow-up you add will be handed to: {to}',
    'followups.panel.unsaved': 'Promised answer for {buyer} not added yet: “{note}”',
    'followups.panel.addFor': 'Add it for {buyer}',
    'followups.panel.drop': 'Discard',
    'followups.panel.after': 'After-sales',
    'followups.panel.after.return-pending': 'Return on its way',
    'followups.panel.after.exchange': 'Return on its way (exchange)',
    'followups.panel.after.refund-to-pay': 'Refund to pay',
    'followups.panel.after.call-back': 'Call back',
    'followups.panel.orderPlaceholder': 'Order number (optional)',
    'followups.panel.afterDue': 'Due (optional)',
    'followups.panel.callBackAt': 'Call back at',
    'followups.panel.callBackDue': 'Pick the time to call back first. Nothing was added; what you typed is still here.',
    'followups.panel.dueBad': 'The time must be later than now: pick another (a due time may be left empty). Nothing was added; what you typed is still here.',
    'followups.panel.zoneBeijing': 'Times are Beijing time',
    'followups.panel.zoneShop': 'Times are shop time (UTC{offset})',
    'followups.panel.orderBad': 'An order number is 4–40 letters, digits or “-”: correct it or leave it empty. Nothing was added; what you typed is still here.',
    'followups.panel.reasonPlaceholder': 'Why no order (optional): price, waiting for a sale, size out of stock…',
    'followups.panel.reasonAdd': 'Note the reason',
    'followups.panel.reasonSaved': 'Reason noted on the follow-up: {title}',
    'followups.panel.forOrder': 'These follow-ups are for order {order}',
    'followups.panel.forOrderOf': 'These follow-ups are for order {order} ({buyer})',
    'followups.panel.orderNo': 'order {order}',
  },
};
