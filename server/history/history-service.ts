import { AuditKind } from '../../shared/api/audit.js';
import { ErrorCode } from '../../shared/api/errors.js';
import type { ParagraphHistory, RestoreRequest, RestoreResponse, Revision } from '../../shared/api/history.js';
import { isFrozen, isTextReadOnly } from '../../shared/domain/letter-course.js';
import { LetterStatus } from '../../shared/api/letters.js';
import type { SessionUser } from '../../shared/api/session.js';
import { currentParagraphs, plainText } from '../../shared/domain/current-paragraphs.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { Permission } from '../../shared/domain/permissions.js';
import { letterTextBlocks } from '../../shared/domain/yjs-text-blocks.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import { AppError } from '../http/app-error.js';
import type { LetterAccess } from '../letters/letter-access.js';
import type { LetterStateService } from '../signoff/letter-state-service.js';
import type { RevisionRecord, Store } from '../store/store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { ServerEdit } from '../sync/server-edit.js';
import { replaceParagraphText } from './replace-paragraph-text.js';
import { codePointLabel, findReorderingCharacter } from '../../shared/domain/text-policy.js';

const conflict = (message: string) => new AppError(409, ErrorCode.conflict, message);

/** The revision history of paragraphs, and putting a paragraph back to an earlier revision. */
export class HistoryService {
  constructor(
    private readonly store: Store,
    private readonly access: LetterAccess,
    private readonly registry: RoomRegistry,
    private readonly state: LetterStateService,
  ) {}

  /** Revisions newest first, with every sign-off act on the paragraph. */
  async paragraph(user: SessionUser, letterId: string, paragraphId: string): Promise<ParagraphHistory> {
    await this.access.require(user, letterId, Permission.readLetter);
    const [records, current, acts, names] = await Promise.all([
      this.store.history.listRevisions(letterId, paragraphId),
      this.registry.readText(letterId, (doc) => currentParagraphs(doc).find((paragraph) => paragraph.id === paragraphId) ?? null),
      this.store.signoffs.listSignoffs(letterId),
      this.userNames(),
    ]);
    if (records.length === 0 && !current) throw AppError.notFound('This paragraph');
    const ownActs = acts.filter((act) => act.paragraphId === paragraphId);
    const entries = await this.state.toEntries(ownActs);
    return {
      paragraphId,
      current: current && { hash: current.hash, text: current.text },
      revisions: records.map((record) => toRevision(record, names)),
      signoffs: entries.map((entry, index) => ({ ...entry, paragraphText: ownActs[index]!.paragraphText })),
    };
  }

  /**
   * Puts an earlier revision's words back into the paragraph, as a change of the person asking:
   * recorded as a new revision, sent to everyone, and sign-offs of the paragraph turn stale as
   * after any change. `hash` is the text the person saw; if it changed since, nothing happens.
   */
  async restore(user: SessionUser, letterId: string, paragraphId: string, request: RestoreRequest): Promise<RestoreResponse> {
    await this.access.require(user, letterId, Permission.editText);
    const letter = await this.store.letters.getLetter(letterId);
    if (!letter) throw AppError.notFound('This letter');
    if (isTextReadOnly(letter.status)) throw conflict(readOnlyMessage(letter.status));
    const revision = await this.store.history.getRevision(letterId, request.revisionId);
    if (!revision || revision.paragraphId !== paragraphId) throw AppError.notFound('This revision');
    // A server edit skips the update guard: text written before rule T1 must not come back this way.
    const control = findReorderingCharacter(JSON.stringify(revision.content));
    if (control) throw conflict(`This earlier text holds an invisible direction control (${codePointLabel(control)}), which letter text may no longer hold.`);

    return this.registry.withRoom(letterId, async (room) => {
      const paragraph = letterTextBlocks(room.doc.getXmlFragment(bodyFieldName)).find((block) => block.id === paragraphId);
      const current = paragraph && currentParagraphs(room.doc).find((candidate) => candidate.id === paragraphId);
      if (!paragraph || !current) throw AppError.notFound('This paragraph');
      // The status may have moved to ready while this request waited for the room (C5).
      if (room.isTextReadOnly) throw conflict(readOnlyMessage(LetterStatus.ready));
      if (current.hash !== request.hash) throw conflict('The paragraph changed since you read it. Nothing was restored: look at it again.');
      if (current.hash === revision.hash) return { hash: current.hash, text: current.text };
      const origin = new ServerEdit({ userId: user.id, officeId: user.office.id }, revision.id);
      const audit = [
        auditDraft(AuditKind.paragraphRestored, actorOf(user), letterId, {
          paragraphId,
          revisionId: revision.id,
          fromHash: current.hash,
          toHash: revision.hash,
        }),
      ];
      await room.applyServerEdit(origin, () => replaceParagraphText(paragraph.element, revision.content), audit);
      const restored = currentParagraphs(room.doc).find((candidate) => candidate.id === paragraphId)!;
      return { hash: restored.hash, text: restored.text };
    });
  }

  private async userNames(): Promise<Map<string, string>> {
    return new Map((await this.store.accounts.listUsers()).map((user) => [user.id, user.name]));
  }
}

function toRevision(record: RevisionRecord, names: Map<string, string>): Revision {
  return {
    id: record.id,
    paragraphId: record.paragraphId,
    kind: record.kind,
    by: record.userId ? (names.get(record.userId) ?? 'unknown') : null,
    officeId: record.officeId,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    text: plainText(record.content),
    blockType: record.content.type,
    hash: record.hash,
    changes: record.changes,
    relatedParagraphId: record.relatedParagraphId,
    restoredFrom: record.restoredFrom,
  };
}

function readOnlyMessage(status: LetterStatus): string {
  return isFrozen(status)
    ? 'The letter is signed; reopen it before changing its text.'
    : 'The letter is ready to sign, so its text is read-only. Move it back to review to change it.';
}
