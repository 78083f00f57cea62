import { type APIRequestContext, expect } from '@playwright/test';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '../../../shared/protocol/message-types.js';
import { bodyOf, newParagraph } from '../../integration/harness/letter-body.js';
import { demoPassword } from './demo-password.mjs';

/**
 * A y-websocket client in the test process, as any program speaking the protocol could run it:
 * for journeys where someone outside the browser writes text or presence. `destroy()` ends it.
 */
export interface NodeSyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** Signs in through the API and returns the session cookie (`name=value`). */
export async function sessionCookie(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password: demoPassword } });
  expect(response.ok()).toBe(true);
  const header = response.headersArray().find((entry) => entry.name.toLowerCase() === 'set-cookie' && entry.value.startsWith('jointly_session='));
  if (!header) throw new Error('sign-in set no session cookie');
  return header.value.split(';')[0]!;
}

/** Connects to a letter with `cookie` and resolves once the server's text has arrived. */
export async function connectNodeClient(baseURL: string, cookie: string, letterId: string): Promise<NodeSyncClient> {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      // A browser sends its page's Origin on every websocket; the server refuses a socket without one.
      super(url, protocols, { headers: { cookie }, origin: baseURL });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseURL.replace(/^http/, 'ws')}/sync`, letterId, doc, {
    disableBc: true,
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
  });
  // Jointly's own messages (saved, access, letter state) mean nothing to this client.
  for (const type of [MessageType.saved, MessageType.access, MessageType.letterState]) provider.messageHandlers[type] = () => {};
  const client = { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) };
  await expect.poll(() => provider.synced).toBe(true);
  return client;
}

/** Appends paragraphs (with ids, as the editor gives them) to the body in one change. */
export function appendParagraphs(doc: Y.Doc, texts: readonly string[]): void {
  const body = bodyOf(doc);
  body.insert(body.length, texts.map((text) => newParagraph(text)));
}

/** The plain text of each paragraph of the body, in order. */
export function paragraphTexts(doc: Y.Doc): string[] {
  return bodyOf(doc)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join('') : ''));
}
