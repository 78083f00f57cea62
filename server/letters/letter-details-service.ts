import { AuditKind } from '../../shared/api/audit.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { changedDetails, type LetterDetails, type LetterDetailsEdit } from '../../shared/api/letter-details.js';
import { LetterStatus } from '../../shared/api/letters.js';
import type { SessionUser } from '../../shared/api/session.js';
import { areDetailsFixed, Permission } from '../../shared/domain/permissions.js';
import { writeLetterStateMessage } from '../../shared/protocol/letter-state-message.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import { AppError } from '../http/app-error.js';
import type { LetterStateService } from '../signoff/letter-state-service.js';
import type { Store } from '../store/store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import type { LetterAccess } from './letter-access.js';

const changeableStatuses = Object.values(LetterStatus).filter((status) => !areDetailsFixed(status));

const detailsFixed = (status: LetterStatus) =>
  new AppError(
    409,
    ErrorCode.detailsFixed,
    status === LetterStatus.ready
      ? 'The details are fixed while the letter is ready to sign. Move it back to review to change them.'
      : 'The letter is signed: reopen it before changing its details.',
  );

/** A letter's title, subject, addressees and date after its creation (rules D1, D2). */
export class LetterDetailsService {
  constructor(
    private readonly store: Store,
    private readonly access: LetterAccess,
    private readonly registry: RoomRegistry,
    private readonly state: LetterStateService,
  ) {}

  /** Coordinator: replaces the details, keeps the edit and tells every open screen. */
  async update(user: SessionUser, letterId: string, details: LetterDetails): Promise<void> {
    await this.access.require(user, letterId, Permission.editDetails);
    const letter = (await this.store.letters.getLetter(letterId))!;
    if (areDetailsFixed(letter.status)) throw detailsFixed(letter.status);
    const changes = changedDetails(letter, details);
    if (changes.length === 0) return;
    const at = new Date().toISOString();
    // The audit event names the fields and their new values; the details history keeps both sides.
    const audit = auditDraft(AuditKind.letterDetailsChanged, actorOf(user), letterId, {
      fields: changes.map((change) => change.field),
      ...Object.fromEntries(changes.map((change) => [change.field, change.to])),
    });
    const changed = await this.store.letters.updateDetails(letterId, details, { letterId, userId: user.id, createdAt: at, changes }, [audit], changeableStatuses);
    // The status moved on between reading the letter and writing the change.
    if (!changed) throw detailsFixed(((await this.store.letters.getLetter(letterId)) ?? letter).status);
    this.registry.broadcast(letterId, writeLetterStateMessage(await this.state.courseChange(letterId)));
  }

  /** Every edit of the details, newest first, naming who made it. */
  async history(user: SessionUser, letterId: string): Promise<LetterDetailsEdit[]> {
    await this.access.require(user, letterId, Permission.readLetter);
    const [edits, users] = await Promise.all([this.store.letters.listDetailsEdits(letterId), this.store.accounts.listUsers()]);
    const userById = new Map(users.map((person) => [person.id, person]));
    return edits.map((edit) => ({
      id: edit.id,
      at: edit.createdAt,
      by: userById.get(edit.userId)?.name ?? 'unknown',
      officeId: userById.get(edit.userId)?.officeId ?? null,
      changes: edit.changes,
    }));
  }
}
