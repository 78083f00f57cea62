import { t } from '../i18n/translate.js';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type AccessChange, readAccessMessage } from '../../shared/protocol/access-message.js';
import { CloseCode, describeCloseCode } from '../../shared/protocol/close-codes.js';
import { closeCodeText } from './close-code-text.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { readLetterStateMessage } from '../../shared/protocol/letter-state-message.js';
import { writeLetterStateRequest } from '../../shared/protocol/letter-state-request.js';
import { LetterStateSequence } from '../../shared/protocol/letter-state-sequence.js';
import { generationParameter, readTextGenerationMessage } from '../../shared/protocol/text-generation-message.js';
import { applyLetterStateMessage, emptyLetterState, type LetterState } from './letter-state.js';
import { readLetterCommentsMessage } from '../../shared/protocol/letter-comments-message.js';
import { applyCommentsMessage, emptyCommentsState, type CommentsState } from './comments-state.js';
import type { BrowserCopy } from './browser-copy.js';
import { ChangeConfirmations, type SocketClass } from './change-confirmations.js';
import { type ConnectionStatus, deriveSaveState, SaveState } from './save-state.js';

/** The sync endpoint on the page's own origin; the letter id is appended as the room name. */
export function syncServerUrl(pageLocation: Pick<Location, 'protocol' | 'host'>): string {
  const protocol = pageLocation.protocol === 'https:' ? 'wss' : 'ws';
  return `${protocol}://${pageLocation.host}/sync`;
}

/** Where the browser's online and offline events come from, and whether it is online now. */
export interface NetworkEvents {
  readonly onLine: boolean;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

/** The browser's own by default; Node runs the same logic with its own socket and network. */
export interface LetterConnectionOptions {
  serverUrl?: string;
  socketClass?: SocketClass;
  network?: NetworkEvents;
  /** Keeps the text in this browser too, so that offline edits survive closing the tab. */
  keepCopy?: (doc: Y.Doc) => BrowserCopy;
}

function browserNetwork(): NetworkEvents {
  return {
    get onLine() {
      return navigator.onLine;
    },
    addEventListener: (type, listener) => window.addEventListener(type, listener),
    removeEventListener: (type, listener) => window.removeEventListener(type, listener),
  };
}

/** Close codes that refuse something this tab sent, which may have come from the copy kept in the browser. */
const refusalsOfAChange: ReadonlySet<number> = new Set([
  CloseCode.tooLarge,
  CloseCode.malformedMessage,
  CloseCode.forbidden,
  CloseCode.letterTooLarge,
  CloseCode.updateRefused,
]);

/** Added to a refusal's message when this browser's kept copy was dropped. */
const copyDiscardedNote = (): string => ` ${t('editor.theEditsKeptInThis')}`;

/**
 * One letter's shared text and its live connection to the server. It owns the Y.Doc and the
 * y-websocket provider, follows the browser's online/offline state, reads the server's `saved`
 * confirmations and `access` changes, and fires `change` whenever `saveState`, `closeMessage` or
 * `access` may have changed. Sign-offs and the letter's course (message 102) fire `letter-state`.
 */
export class LetterConnection extends EventTarget {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;

  private connection: ConnectionStatus = 'connecting';
  private hasSynced = false;
  private readonly confirmations = new ChangeConfirmations(() => this.refresh());
  private readonly network: NetworkEvents;
  private readonly copy: BrowserCopy | null;
  private currentSaveState: SaveState = SaveState.connecting;
  private currentCloseMessage: string | null = null;
  private currentCloseCode: number | null = null;
  private isDestroyed = false;
  private currentAccess: AccessChange | null = null;
  private currentLetterState: LetterState = emptyLetterState;
  /** Keeps an older letter state from overwriting a newer one, and asks again after a gap. */
  private readonly letterStateOrder = new LetterStateSequence();
  private currentComments: CommentsState = emptyCommentsState;

  constructor(letterId: string, options: LetterConnectionOptions = {}) {
    super();
    this.network = options.network ?? browserNetwork();
    this.provider = new WebsocketProvider(options.serverUrl ?? syncServerUrl(location), letterId, this.doc, {
      // The editor must exist before the first sync so it sees the server's text arrive; see start().
      connect: false,
      // Tabs of one browser would otherwise sync among themselves and hide a server that lost data.
      disableBc: true,
      shouldReconnect: (event) => describeCloseCode(event.code).reconnect,
      WebSocketPolyfill: this.confirmations.socketClass(options.socketClass ?? WebSocket),
    });
    this.confirmations.attach(this.provider, this.doc);
    this.copy = options.keepCopy?.(this.doc) ?? null;
    // A coordinator changed this person's role while the letter is open.
    this.provider.messageHandlers[MessageType.access] = (_encoder, decoder) => {
      this.currentAccess = readAccessMessage(decoder);
      this.refresh();
    };
    this.provider.messageHandlers[MessageType.letterState] = (_encoder, decoder) => {
      const message = readLetterStateMessage(decoder);
      const { apply, askForFull } = this.letterStateOrder.receive(message);
      if (askForFull) this.provider.ws?.send(writeLetterStateRequest());
      if (!apply) return;
      this.currentLetterState = applyLetterStateMessage(this.currentLetterState, message);
      this.dispatchEvent(new Event('letter-state'));
    };
    // Comment threads (message 105): the full list on joining, then each thread as it changes.
    this.provider.messageHandlers[MessageType.letterComments] = (_encoder, decoder) => {
      this.currentComments = applyCommentsMessage(this.currentComments, readLetterCommentsMessage(decoder));
      this.dispatchEvent(new Event('comments'));
    };
    // The generation of the server's text: named on every later connection, and kept with the browser copy.
    this.provider.messageHandlers[MessageType.textGeneration] = (_encoder, decoder) => {
      const generation = readTextGenerationMessage(decoder);
      this.provider.params[generationParameter] = generation;
      this.copy?.rememberGeneration(generation);
    };
    this.provider.on('status', ({ status }) => {
      // Each connection starts with the full state the server sends on joining.
      if (status === 'connected') this.letterStateOrder.restart();
      this.connection = status;
      this.refresh();
    });
    this.provider.on('sync', (isSynced) => {
      if (isSynced) this.hasSynced = true;
      this.refresh();
    });
    this.provider.on('connection-close', (event) => {
      // `null` means we closed it ourselves (offline, or leaving the page).
      if (!event) return;
      const { reconnect } = describeCloseCode(event.code);
      if (reconnect) return;
      const message = closeCodeText(event.code);
      this.currentCloseCode = event.code;
      this.currentCloseMessage = message;
      // A copy the server refused would be sent, and refused, again on every visit. An ended session is no
      // refusal, and a copy from before a restore stays until the person has chosen to download or drop it.
      if (this.copy && event.code !== CloseCode.unauthenticated && event.code !== CloseCode.letterRestored) {
        if (refusalsOfAChange.has(event.code)) this.currentCloseMessage += copyDiscardedNote();
        void this.copy.discard();
      }
      this.refresh();
    });
  }

  get saveState(): SaveState {
    return this.currentSaveState;
  }

  /** Set when the server closed the connection for good; the person must be told why. */
  get closeMessage(): string | null {
    return this.currentCloseMessage;
  }

  /** The latest change of rights the server announced on this connection, if any. */
  get access(): AccessChange | null {
    return this.currentAccess;
  }

  /** The latest sign-offs and course the server announced on this connection. */
  get letterState(): LetterState {
    return this.currentLetterState;
  }

  /** The comment threads and who may comment, as the server announced them (message 105). */
  get comments(): CommentsState {
    return this.currentComments;
  }

  /** The close code that went with `closeMessage`. */
  get closeCode(): number | null {
    return this.currentCloseCode;
  }

  /** Whether the letter was restored from a backup after this tab's copy was made (closed with 4409). */
  get isFromBeforeRestore(): boolean {
    return this.currentCloseCode === CloseCode.letterRestored;
  }

  /** Removes the copy kept in this browser, so that the next visit opens the letter as the server holds it. */
  async discardCopy(): Promise<void> {
    await this.copy?.discard();
  }

  /**
   * Connects, unless the browser knows it is offline. Call once the editor is bound to `doc`. With a
   * browser copy, first reads the text generation kept with it, so that a copy from before a restore
   * names its generation and is refused before any of it is sent.
   */
  start(): void {
    if (!this.copy) return this.connectWhenOnline();
    void this.copy.generation().then((generation) => {
      if (this.isDestroyed) return;
      if (generation !== null) this.provider.params[generationParameter] = generation;
      this.connectWhenOnline();
    });
  }

  private connectWhenOnline(): void {
    this.network.addEventListener('offline', this.onOffline);
    this.network.addEventListener('online', this.onOnline);
    if (this.network.onLine) {
      this.provider.connect();
    } else {
      this.connection = 'disconnected';
      this.refresh();
    }
  }

  destroy(): void {
    this.isDestroyed = true;
    this.network.removeEventListener('offline', this.onOffline);
    this.network.removeEventListener('online', this.onOnline);
    this.provider.destroy();
    void this.copy?.destroy();
    this.doc.destroy();
  }

  // Browsers may keep a dead socket open for a long while; dropping it at once keeps the status truthful.
  private readonly onOffline = (): void => {
    this.provider.disconnect();
    this.connection = 'disconnected';
    this.refresh();
  };

  private readonly onOnline = (): void => {
    if (this.currentCloseMessage) return;
    this.provider.connect();
  };

  private readonly refresh = (): void => {
    const next = deriveSaveState({
      connection: this.connection,
      hasSynced: this.hasSynced,
      isAllConfirmed: this.confirmations.isAllConfirmed,
      hasStopped: this.currentCloseMessage !== null,
    });
    this.currentSaveState = next;
    this.dispatchEvent(new Event('change'));
  };
}
