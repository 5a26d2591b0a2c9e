/** 全部数据: everything the user owns, as a whole. Handlers: handlers/data.ts. */
export interface DataProtocol {
  /**
   * 删除全部数据: every store of the extension's origin emptied (the backups too), the taught sites
   * forgotten, team mode left and its replicas deleted; the extension starts again from its
   * defaults. Needs `confirm: true` (the page asks for the phrase to be typed).
   */
  deleteAllData: [{ confirm: true }, { deleted: true }];
}

declare module './protocol' {
  interface Protocol extends DataProtocol {}
}
