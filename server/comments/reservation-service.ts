import { randomUUID } from 'node:crypto';
import { AuditKind } from '../../shared/api/audit.js';
import type { ReservationEntry, ReservationRequest } from '../../shared/api/comments.js';
import { ErrorCode } from '../../shared/api/errors.js';
import type { SessionUser } from '../../shared/api/session.js';
import type { CommentLimits } from '../../shared/domain/comment-limits.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { isFrozen } from '../../shared/domain/letter-course.js';
import { Permission } from '../../shared/domain/permissions.js';
import { writeLetterStateMessage } from '../../shared/protocol/letter-state-message.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import { AppError } from '../http/app-error.js';
import type { LetterAccess } from '../letters/letter-access.js';
import type { LetterStateService } from '../signoff/letter-state-service.js';
import { ReservationOutcome } from '../store/store.js';
import type { Store } from '../store/store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { reservationEntry } from './comment-entries.js';

const conflict = (message: string) => new AppError(409, ErrorCode.conflict, message);

/**
 * Reservations (rules R1–R4): an approver enters one for their own office on a paragraph; only
 * an approver of the same office lifts it. Every change reaches open letters as message 102.
 */
export class ReservationService {
  constructor(
    private readonly store: Store,
    private readonly access: LetterAccess,
    private readonly registry: RoomRegistry,
    private readonly state: LetterStateService,
    private readonly limits: CommentLimits,
  ) {}

  async list(user: SessionUser, letterId: string): Promise<ReservationEntry[]> {
    await this.access.require(user, letterId, Permission.readLetter);
    return this.state.reservations(letterId);
  }

  /** R1: for the approver's own office, on a paragraph the letter has, while the letter is not signed. */
  async enter(user: SessionUser, letterId: string, paragraphId: string, request: ReservationRequest): Promise<ReservationEntry> {
    await this.access.require(user, letterId, Permission.signOff);
    await this.requireSignatoryOffice(user, letterId);
    const letter = (await this.store.letters.getLetter(letterId))!;
    if (isFrozen(letter.status)) throw conflict('The letter is signed; reopen it before entering a reservation.');
    if (request.reason.length > this.limits.maxCommentLength) {
      throw new AppError(400, ErrorCode.commentTooLong, `A reason may be at most ${this.limits.maxCommentLength} characters long.`);
    }
    const exists = await this.registry.readText(letterId, (doc) => currentParagraphs(doc).some((paragraph) => paragraph.id === paragraphId));
    if (!exists) throw AppError.notFound(`Paragraph ${paragraphId}`);
    const record = {
      id: randomUUID(),
      letterId,
      paragraphId,
      officeId: user.office.id,
      kind: request.kind,
      reason: request.reason,
      userId: user.id,
      createdAt: new Date().toISOString(),
      liftedBy: null,
      liftedAt: null,
      liftNote: null,
    };
    const audit = [auditDraft(AuditKind.reservationEntered, actorOf(user), letterId, { reservationId: record.id, paragraphId, officeId: user.office.id, kind: request.kind, reason: request.reason })];
    const outcome = await this.store.comments.enterReservation(record, this.limits.maxCommentsPerLetter, audit);
    if (outcome === ReservationOutcome.overLimit) throw overLimit(this.limits);
    if (outcome === ReservationOutcome.duplicate) throw conflict(`Your office already has an open ${request.kind} reservation on this paragraph.`);
    const entry = reservationEntry(record, { users: new Map([[user.id, user.name]]) });
    await this.push(letterId, entry);
    return entry;
  }

  /** R4: only an approver of the office that entered it lifts it. */
  async lift(user: SessionUser, letterId: string, reservationId: string, note: string | undefined): Promise<ReservationEntry> {
    await this.access.require(user, letterId, Permission.signOff);
    const reservation = await this.store.comments.getReservation(letterId, reservationId);
    if (!reservation) throw AppError.notFound('This reservation');
    if (reservation.officeId !== user.office.id) throw AppError.forbidden('Only the office that entered a reservation can lift it.');
    if (note !== undefined && note.length > this.limits.maxCommentLength) {
      throw new AppError(400, ErrorCode.commentTooLong, `A note may be at most ${this.limits.maxCommentLength} characters long.`);
    }
    const liftedAt = new Date().toISOString();
    const audit = [auditDraft(AuditKind.reservationLifted, actorOf(user), letterId, { reservationId, paragraphId: reservation.paragraphId, officeId: reservation.officeId, kind: reservation.kind })];
    const lifted = await this.store.comments.liftReservation(letterId, reservationId, user.id, liftedAt, note || null, audit);
    if (!lifted) throw conflict('This reservation was lifted already.');
    const users = new Map((await this.store.accounts.listUsers()).map((person) => [person.id, person.name]));
    const entry = reservationEntry({ ...reservation, liftedBy: user.id, liftedAt, liftNote: note || null }, { users });
    await this.push(letterId, entry);
    return entry;
  }

  private async requireSignatoryOffice(user: SessionUser, letterId: string): Promise<void> {
    const signatories = await this.store.letters.listSignatories(letterId);
    if (!signatories.some((signatory) => signatory.officeId === user.office.id)) {
      throw AppError.forbidden('Your office is not a signatory of this letter.');
    }
  }

  private async push(letterId: string, entry: ReservationEntry): Promise<void> {
    this.registry.broadcast(letterId, writeLetterStateMessage(await this.state.reservationsChange(letterId, [entry])));
  }
}

export function overLimit(limits: CommentLimits): AppError {
  return new AppError(
    409,
    ErrorCode.commentLimitReached,
    `This letter holds ${limits.maxCommentsPerLetter} comments and reservations, as many as it may. Resolve the discussion elsewhere or ask the administrator to raise LETTER_MAX_COMMENTS.`,
  );
}
