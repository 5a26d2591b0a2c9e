import type { MessageBundle } from '../index';

/**
 * The 话术库 tab's note on the clothing-only starter replies (components/options/StarterKindNotice.tsx),
 * and its offer of the welcomes an earlier removal took with them (StarterReturnNotice.tsx).
 */
export const starterKindMessages: MessageBundle = {
  zh: {
    'starterKind.notice':
      '这些起始话术按服装店编写，只适合卖衣服的店铺：{titles}（共 {n} 条）。您的店不卖服装的话，买家问尺码、规格时也会推荐它们。',
    'starterKind.how': '可以一键删除其中没改过的 {n} 条；您改过的话术会保留。删除前会自动备份，可在“备份”里恢复；以后的更新也不会再加回来。',
    'starterKind.keptToo': '您改过的 {m} 条（{titles}）会保留。',
    'starterKind.remove': '删除服装类起始话术',
    'starterKind.confirm': '删除 {n} 条没改过的服装类起始话术？删除前会自动备份。',
    'starterKind.dismiss': '我的店卖服装，保留',
    'starterKind.removed': '已删除 {n} 条服装类起始话术，删除前的备份在“备份”里（删除服装类起始话术前）。',
    'starterKind.failed': '没有删除：{reason}',
    'starterReturn.notice':
      '之前删除服装类起始话术时，{titles} 也被一起删掉了：那时这 {n} 条欢迎语还在聊尺码和穿着。现在它们已改成任何店铺都能用的说法，要加回话术库吗？',
    'starterReturn.add': '加回来',
    'starterReturn.dismiss': '不用了',
    'starterReturn.added': '已加回 {n} 条欢迎语。',
  },
  en: {
    'starterKind.notice':
      'These starter replies were written for a clothing shop and only fit one: {titles} ({n} in all). If your shop does not sell clothes, they are still suggested when a buyer asks about size or specs.',
    'starterKind.how':
      'You can remove the {n} you have not edited in one go; replies you edited stay. A backup is taken first (restore it under Backups), and later updates will not add them back.',
    'starterKind.keptToo': 'The {m} you edited ({titles}) stay.',
    'starterKind.remove': 'Remove clothing starter replies',
    'starterKind.confirm': 'Remove {n} unedited clothing starter replies? A backup is taken first.',
    'starterKind.dismiss': 'My shop sells clothes: keep them',
    'starterKind.removed': 'Removed {n} clothing starter replies. The backup taken before is under Backups ("Before removing the clothing starter replies").',
    'starterKind.failed': 'Nothing was removed: {reason}',
    'starterReturn.notice':
      'When the clothing starter replies were removed, {titles} went with them: back then the welcomes talked about sizes and wearing. They are now worded for any shop. Add {n|it|them} back to the library?',
    'starterReturn.add': 'Add back',
    'starterReturn.dismiss': 'No thanks',
    'starterReturn.added': 'Added back {n} welcome{n||s}.',
  },
};
