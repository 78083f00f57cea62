import { randomUUID } from 'node:crypto';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it, onTestFinished } from 'vitest';
import { LetterSession, LetterSessionWatch } from '../../client/sync/letter-session.js';
import { SaveState } from '../../client/sync/save-state.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { appendParagraph } from './harness/letter-body.js';
import { TestNetwork } from './harness/letter-tab.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, createLetter, signIn } from './harness/sign-in.js';
import { connectClient, socketClassFor } from './harness/sync-client.js';

/** What Lit gives a controller: a host that counts the updates it is asked for. */
class TestHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updatesAsked = 0;
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updatesAsked += 1;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
  /** Lit calls these as the element enters an update and leaves the page. */
  update(): void {
    for (const controller of this.controllers) controller.hostUpdate?.();
  }
  leave(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}

describe('SESSION one controller owns a letter page’s connection and letter state', () => {
  const server = useSharedServer();

  it('SESSION-1 the page re-renders on the letter state and saving, a watcher on every change of the text, and leaving the page closes the connection after the editor let go', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const letterId = await createLetter(server(), helena, ['fi-interior', 'dk-immigration']);
    const page = new TestHost();
    const order: string[] = [];
    const session = new LetterSession(page, { beforeClose: () => order.push(`editor let go (text ${session.doc ? 'still there' : 'gone'})`) });
    onTestFinished(() => session.close());
    session.open(letterId, { serverUrl: server().syncUrl, socketClass: socketClassFor(helena.cookie), network: new TestNetwork() }, { start: true });
    expect(page.controllers).toContain(session);

    await expect.poll(() => session.saveState, { timeout: 10_000 }).toBe(SaveState.saved);
    await expect.poll(() => session.letterState.course?.status, { timeout: 10_000 }).toBe('drafting');
    expect(page.updatesAsked).toBeGreaterThan(0);

    // A panel handed the session follows the text: another person's new paragraph reaches it.
    const panel = new TestHost();
    let panelSession: LetterSession | undefined = session;
    new LetterSessionWatch(panel, () => panelSession, ['change', 'text']);
    panel.update();
    const before = panel.updatesAsked;
    const other = connectClient(server(), helena, letterId);
    await other.whenSynced();
    appendParagraph(other.doc, 'The ministers agree.', randomUUID());
    await other.whenSaved();
    await expect.poll(() => panel.updatesAsked, { timeout: 10_000 }).toBeGreaterThan(before);

    // A change of course (102) reaches the session's letter state without any request of its own.
    expect((await apiRequest(server(), helena, 'POST', `/api/letters/${letterId}/status`, { to: 'in_review' })).status).toBe(200);
    await expect.poll(() => session.letterState.course?.status, { timeout: 10_000 }).toBe('in_review');

    // The editor follows only a new connection or letter state: its own saving, after every
    // keystroke, does not redraw it (and take its person's keys mid-word).
    const editor = new TestHost();
    new LetterSessionWatch(editor, () => session, ['letter']);
    editor.update();
    const editorBefore = editor.updatesAsked;
    appendParagraph(session.doc!, 'Typed on this page.', randomUUID());
    await expect.poll(() => session.saveState, { timeout: 10_000 }).toBe(SaveState.saved);
    await other.whenSynced();
    expect(editor.updatesAsked).toBe(editorBefore);
    expect((await apiRequest(server(), helena, 'POST', `/api/letters/${letterId}/status`, { to: 'drafting' })).status).toBe(200);
    await expect.poll(() => editor.updatesAsked, { timeout: 10_000 }).toBeGreaterThan(editorBefore);

    // Handed no session any more, the panel stops following.
    panelSession = undefined;
    panel.update();
    const settled = panel.updatesAsked;
    appendParagraph(other.doc, 'A second point.', randomUUID());
    await other.whenSaved();
    await expect.poll(() => session.doc?.getXmlFragment(bodyFieldName).toString() ?? '', { timeout: 10_000 }).toContain('A second point.');
    expect(panel.updatesAsked).toBe(settled);

    const connection = session.connection!;
    page.leave();
    expect(order).toEqual(['editor let go (text still there)']);
    expect(session.connection).toBeUndefined();
    expect(session.letterState.course).toBeNull();
    expect(connection.provider.wsconnected || connection.provider.wsconnecting).toBe(false);
  });
});
