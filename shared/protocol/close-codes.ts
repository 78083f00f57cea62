/**
 * Every close code the sync server uses. The server closes with these; the client decides from
 * `reconnect` whether to try again and shows `message` to the person otherwise.
 */
export const CloseCode = {
  /** Server restarting or the room being unloaded: reconnect. */
  goingAway: 1001,
  /** A frame above the configured size limit (sent by the websocket layer itself). */
  tooLarge: 1009,
  /**
   * The connection cost the server more than its budget: frames faster than the rate allows for
   * longer than the delay allowed, too many frames while the letter loads, more unread bytes than
   * the server holds for one socket, or sync step 1 asked again on one socket faster than its
   * budget allows. Reconnect after a pause.
   * Also a websocket opened beyond the person's join budget, closed right after the upgrade.
   */
  tryAgainLater: 1013,
  /** A frame that cannot be decoded, or an unknown message type. */
  malformedMessage: 4400,
  /** No valid session. */
  unauthenticated: 4401,
  /** The session may not do this: a write on a read-only connection, a foreign Origin. */
  forbidden: 4403,
  /** No such letter, or one this session may not see. */
  letterNotFound: 4404,
  /**
   * The letter was restored from a backup since this client's copy was made (its text generation
   * differs): the copy is not merged. The person may download it and open the restored letter.
   */
  letterRestored: 4409,
  /** The coordinator removed this person from the letter. */
  removedFromLetter: 4410,
  /**
   * The update would make the letter larger than its limits allow (size, paragraphs, paragraph
   * length; see shared/domain/letter-limits.ts). Nothing of it was stored.
   */
  letterTooLarge: 4413,
  /** The session, person or network address already has as many websockets open as allowed. */
  tooManyConnections: 4429,
  /** The update would break the document (missing dependencies, schema, limits). */
  updateRefused: 4422,
  /** The store failed to commit; nothing of the batch was acknowledged: reconnect and resend. */
  storeFailure: 4500,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export interface CloseCodeInfo {
  reconnect: boolean;
  message: string;
}

const closeCodeInfo: Record<CloseCode, CloseCodeInfo> = {
  [CloseCode.goingAway]: { reconnect: true, message: 'The server is restarting. Reconnecting…' },
  [CloseCode.tooLarge]: {
    reconnect: false,
    message: 'A change was too large for the server to accept. Reload the page to continue.',
  },
  [CloseCode.tryAgainLater]: {
    reconnect: true,
    message: 'This tab sent the server more than it accepts at once. Your edits are kept in this tab; reconnecting…',
  },
  [CloseCode.malformedMessage]: {
    reconnect: false,
    message: 'The server could not read a message from this tab. Reload the page to continue.',
  },
  [CloseCode.unauthenticated]: {
    reconnect: false,
    message: 'Your session has ended. Sign in again to continue.',
  },
  [CloseCode.forbidden]: {
    reconnect: false,
    message: 'The server refused a change from this tab: you are not allowed to make it. Reload the page.',
  },
  [CloseCode.letterNotFound]: {
    reconnect: false,
    message: 'This letter does not exist or you cannot see it.',
  },
  [CloseCode.letterRestored]: {
    reconnect: false,
    message:
      'This letter was restored from a backup after this browser last saved it. Your copy was not merged into it: download your copy to keep your text, then open the restored letter.',
  },
  [CloseCode.removedFromLetter]: {
    reconnect: false,
    message: 'The coordinator removed you from this letter. Ask them if you need access again.',
  },
  [CloseCode.letterTooLarge]: {
    reconnect: false,
    message:
      'The server did not accept your last change: it would make the letter or one of its paragraphs longer than allowed. Reload the page, then split long text into shorter paragraphs or paste less at once.',
  },
  [CloseCode.tooManyConnections]: {
    reconnect: false,
    message: 'Too many Jointly tabs are open for your account or your network. Close some of them, then reload this page.',
  },
  [CloseCode.updateRefused]: {
    reconnect: false,
    message: 'The server refused a change from this tab because it would damage the letter. Reload the page.',
  },
  [CloseCode.storeFailure]: {
    reconnect: true,
    message: 'The server could not save. Your edits are kept in this tab; retrying…',
  },
};

/** What a close code means for the person. Unknown codes (network drops) reconnect. */
export function describeCloseCode(code: number): CloseCodeInfo {
  const info = (closeCodeInfo as Record<number, CloseCodeInfo | undefined>)[code];
  return info ?? { reconnect: true, message: 'Connection lost. Reconnecting…' };
}
