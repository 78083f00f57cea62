import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type AccessChange, readAccessMessage } from '../../shared/protocol/access-message.js';
import { describeCloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { readLetterStateMessage } from '../../shared/protocol/letter-state-message.js';
import { writeLetterStateRequest } from '../../shared/protocol/letter-state-request.js';
import { LetterStateSequence } from '../../shared/protocol/letter-state-sequence.js';
import { readSavedMessage } from '../../shared/protocol/saved-message.js';
import { applyLetterStateMessage, emptyLetterState, type LetterState } from '../signoff/letter-state.js';
import { type ConnectionStatus, deriveSaveState, mergeStateVectors, SaveState } from './save-state.js';

/** The sync endpoint on the page's own origin; the letter id is appended as the room name. */
export function syncServerUrl(pageLocation: Pick<Location, 'protocol' | 'host'>): string {
  const protocol = pageLocation.protocol === 'https:' ? 'wss' : 'ws';
  return `${protocol}://${pageLocation.host}/sync`;
}

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
  private saved = new Map<number, number>();
  private currentSaveState: SaveState = SaveState.connecting;
  private currentCloseMessage: string | null = null;
  private currentCloseCode: number | null = null;
  private currentAccess: AccessChange | null = null;
  private currentLetterState: LetterState = emptyLetterState;
  /** Keeps an older letter state from overwriting a newer one, and asks again after a gap. */
  private readonly letterStateOrder = new LetterStateSequence();

  constructor(letterId: string) {
    super();
    this.provider = new WebsocketProvider(syncServerUrl(location), letterId, this.doc, {
      // The editor must exist before the first sync so it sees the server's text arrive; see start().
      connect: false,
      // Tabs of one browser would otherwise sync among themselves and hide a server that lost data.
      disableBc: true,
      shouldReconnect: (event) => describeCloseCode(event.code).reconnect,
    });
    // Leaving the encoder empty means nothing is sent back for a `saved` message.
    this.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
      this.saved = mergeStateVectors(this.saved, Y.decodeStateVector(readSavedMessage(decoder)));
      this.refresh();
    };
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
      const { reconnect, message } = describeCloseCode(event.code);
      if (reconnect) return;
      this.currentCloseCode = event.code;
      this.currentCloseMessage = message;
      this.refresh();
    });
    this.doc.on('update', this.refresh);
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

  /** The close code that went with `closeMessage`. */
  get closeCode(): number | null {
    return this.currentCloseCode;
  }

  /** Connects, unless the browser knows it is offline. Call once the editor is bound to `doc`. */
  start(): void {
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    if (navigator.onLine) {
      this.provider.connect();
    } else {
      this.connection = 'disconnected';
      this.refresh();
    }
  }

  destroy(): void {
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.doc.off('update', this.refresh);
    this.provider.destroy();
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
      // Only this tab's own changes can be unsaved: whatever else the document holds came from the
      // server, which broadcasts nothing before it is committed (PROTOCOL.md, "When is a change saved?").
      local: new Map([[this.doc.clientID, Y.getState(this.doc.store, this.doc.clientID)]]),
      saved: this.saved,
      hasStopped: this.currentCloseMessage !== null,
    });
    this.currentSaveState = next;
    this.dispatchEvent(new Event('change'));
  };
}
