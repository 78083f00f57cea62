import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import type { AccessChange } from '../../shared/protocol/access-message.js';
import { emptyCommentsState, type CommentsState } from './comments-state.js';
import { LetterConnection, type LetterConnectionOptions } from './letter-connection.js';
import { emptyLetterState, type LetterState } from './letter-state.js';
import { SaveState } from './save-state.js';

/**
 * What a session announces: `change` for anything but the text (saving, access, letter state,
 * comments, a new connection), `letter` for a new connection or letter state only, `text` for the text.
 */
export type LetterSessionEvent = 'change' | 'letter' | 'text';

export interface LetterSessionOptions {
  /** Runs before the connection is destroyed, so that an editor bound to its Y.Doc lets go of it first. */
  beforeClose?: () => void;
}

/**
 * One open letter on a page: the live connection (text, save state, access), the letter state
 * (message 102) and the comment threads (message 105), owned in one place. A Lit reactive
 * controller: its host re-renders on every change but the text, and the connection closes when the
 * host leaves the page. Other elements follow it with `LetterSessionWatch`.
 */
export class LetterSession extends EventTarget implements ReactiveController {
  private current: LetterConnection | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LetterSessionOptions = {},
  ) {
    super();
    host.addController(this);
  }

  /** Opens `letterId`, closing any letter open before. The connection starts once an editor is bound to it (or at once with `start`). */
  open(letterId: string, connectionOptions: LetterConnectionOptions = {}, { start = false } = {}): void {
    this.close();
    const connection = new LetterConnection(letterId, connectionOptions);
    connection.addEventListener('change', this.announceChange);
    connection.addEventListener('letter-state', this.announceLetter);
    connection.addEventListener('comments', this.announceChange);
    connection.doc.on('update', this.announceText);
    this.current = connection;
    if (start) connection.start();
    this.announceLetter();
  }

  close(): void {
    const connection = this.current;
    if (!connection) return;
    this.options.beforeClose?.();
    connection.removeEventListener('change', this.announceChange);
    connection.removeEventListener('letter-state', this.announceLetter);
    connection.removeEventListener('comments', this.announceChange);
    connection.doc.off('update', this.announceText);
    connection.destroy();
    this.current = undefined;
    this.announceLetter();
  }

  /** The open connection, if a letter is open. */
  get connection(): LetterConnection | undefined {
    return this.current;
  }

  /** The shared text of the open letter. */
  get doc(): Y.Doc | undefined {
    return this.current?.doc;
  }

  /** Sign-offs, course and reservations as the server announced them (message 102). */
  get letterState(): LetterState {
    return this.current?.letterState ?? emptyLetterState;
  }

  /** The comment threads and who may comment (message 105). */
  get comments(): CommentsState {
    return this.current?.comments ?? emptyCommentsState;
  }

  get saveState(): SaveState {
    return this.current?.saveState ?? SaveState.connecting;
  }

  /** Why the server closed the connection for good, if it did. */
  get closeMessage(): string | null {
    return this.current?.closeMessage ?? null;
  }

  get closeCode(): number | null {
    return this.current?.closeCode ?? null;
  }

  /** The latest change of rights the server announced on this connection. */
  get access(): AccessChange | null {
    return this.current?.access ?? null;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.close();
  }

  private readonly announceChange = (): void => {
    this.host.requestUpdate();
    this.dispatchEvent(new Event('change'));
  };

  private readonly announceLetter = (): void => {
    this.announceChange();
    this.dispatchEvent(new Event('letter'));
  };

  private readonly announceText = (): void => {
    this.dispatchEvent(new Event('text'));
  };
}

/**
 * Lets an element that is handed a session (as a property) update when the session announces
 * `events`; it follows whichever session the element holds at each update.
 */
export class LetterSessionWatch implements ReactiveController {
  private watched: LetterSession | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: () => LetterSession | undefined,
    private readonly events: readonly LetterSessionEvent[] = ['change'],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow(this.session());
  }

  hostUpdate(): void {
    this.follow(this.session());
  }

  hostDisconnected(): void {
    this.follow(undefined);
  }

  private follow(session: LetterSession | undefined): void {
    if (session === this.watched) return;
    for (const event of this.events) this.watched?.removeEventListener(event, this.onEvent);
    this.watched = session;
    for (const event of this.events) session?.addEventListener(event, this.onEvent);
  }

  // Lit batches the requests: one update per turn, after the editor has taken the change in.
  private readonly onEvent = (): void => this.host.requestUpdate();
}
