import type { SessionUser } from '../../shared/api/session.js';
import type { LetterStatus } from '../../shared/api/letters.js';
import { LetterStatus as Status } from '../../shared/api/letters.js';
import type { SignatoriesRequest, SignoffGrid } from '../../shared/api/signoffs.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { Permission } from '../../shared/domain/permissions.js';
import { canEditText } from '../../shared/domain/roles.js';
import { describeOpenSuggestions } from '../../shared/domain/suggestions.js';
import { writeLetterStateMessage } from '../../shared/protocol/letter-state-message.js';
import { AppError } from '../http/app-error.js';
import type { LetterAccess } from '../letters/letter-access.js';
import { DuplicateFinalSignature, LetterEventKind, type Store, TextMovedOn } from '../store/store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterBodyJson } from '../../shared/domain/yjs-text-blocks.js';
import type { LetterStateService } from './letter-state-service.js';
import { AuditKind } from '../../shared/api/audit.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import type { VersionService } from '../history/version-service.js';
import { buildSignoffGrid } from '../../shared/domain/signoff-grid.js';
import { areSignatoriesFixed, findStatusMove, isFrozen, isReopening } from '../../shared/domain/letter-course.js';

const changeableSignatoryStatuses = Object.values(Status).filter((status) => !areSignatoriesFixed(status));
const conflict = (message: string) => new AppError(409, ErrorCode.conflict, message);

/** A stored move of a letter to another status, by whoever's act made it (the last signature moves it to signed). */
export interface StatusMove {
  letterId: string;
  from: LetterStatus;
  to: LetterStatus;
  by: SessionUser;
}

/** The letter's course: status, signatories and the offices' final signatures. */
export class LetterCourseService {
  constructor(
    private readonly store: Store,
    private readonly access: LetterAccess,
    private readonly registry: RoomRegistry,
    private readonly state: LetterStateService,
    private readonly versions: VersionService,
  ) {}

  private readonly moveListeners = new Set<(move: StatusMove) => void>();

  /** Hears of every stored status move (notifications tell the members). */
  onStatusMoved(listener: (move: StatusMove) => void): void {
    this.moveListeners.add(listener);
  }

  private tellMoved(move: StatusMove): void {
    for (const listener of this.moveListeners) listener(move);
  }

  async grid(user: SessionUser, letterId: string): Promise<SignoffGrid> {
    await this.access.require(user, letterId, Permission.readLetter);
    return (await this.checkedGrid(letterId)).grid;
  }

  /** The grid and the newest stored text update it was built from. */
  private async checkedGrid(letterId: string): Promise<{ grid: SignoffGrid; textThroughSeq: number }> {
    const [signatories, signoffs, reservations] = await Promise.all([
      this.state.signatories(letterId),
      this.state.latestSignoffs(letterId),
      this.store.comments.listReservations(letterId),
    ]);
    const { paragraphs, body, textThroughSeq } = await this.registry.readText(letterId, (doc, storedThroughSeq) => ({
      paragraphs: currentParagraphs(doc),
      body: letterBodyJson(doc.getXmlFragment(bodyFieldName)),
      textThroughSeq: storedThroughSeq,
    }));
    return { grid: buildSignoffGrid(paragraphs, body, signatories, signoffs, reservations), textThroughSeq };
  }

  /** Coordinator: moves the letter on or back. "Ready" needs every paragraph approved by every office (S10). */
  async changeStatus(user: SessionUser, letterId: string, to: LetterStatus, reason: string | undefined): Promise<void> {
    await this.access.require(user, letterId, Permission.manageLetter);
    const letter = (await this.store.letters.getLetter(letterId))!;
    const move = findStatusMove(letter.status, to);
    if (!move) {
      throw conflict(`A letter that is ${letter.status.replace('_', ' ')} cannot be moved to ${to.replace('_', ' ')}.`);
    }
    const reopening = isReopening(letter.status, to);
    if (move.needsReason && !reason) throw new AppError(400, ErrorCode.validationFailed, 'reason: say why the signed letter is reopened');
    const requireReady = async () => {
      const { grid, textThroughSeq } = await this.checkedGrid(letterId);
      if ((grid.openReservations ?? 0) > 0) {
        const count = grid.openReservations === 1 ? 'An office has an open reservation' : `Offices have ${grid.openReservations} open reservations`;
        throw conflict(`${count} on the text; the letter can be marked ready once they are lifted.`);
      }
      const withSuggestions = grid.paragraphsWithSuggestions ?? [];
      if (withSuggestions.length > 0) throw new AppError(409, ErrorCode.suggestionsOpen, describeOpenSuggestions(withSuggestions));
      if (!grid.isReady) throw conflict('Not every paragraph is approved by every signatory office yet.');
      return textThroughSeq;
    };
    if (to === Status.ready) await requireReady();
    // Ready closes the text before the check is made again, so no edit lands between the check and the move (C5).
    // Another instance may not have heard of it yet: the move is recorded only if no text was
    // stored after the text checked, and from then on the store refuses that letter's edits.
    if (to === Status.ready) await this.setTextStatus(letterId, to);
    try {
      const textThroughSeq = to === Status.ready ? await requireReady() : undefined;
      const moved = await this.store.signoffs.recordLetterEvent(
        {
          letterId,
          kind: reopening ? LetterEventKind.reopened : LetterEventKind.statusChanged,
          officeId: null,
          fromStatus: letter.status,
          toStatus: to,
          letterHash: null,
          reason: reason ?? null,
          userId: user.id,
          createdAt: new Date().toISOString(),
        },
        letter.status,
        [auditDraft(reopening ? AuditKind.reopened : AuditKind.statusChanged, actorOf(user), letterId, { from: letter.status, to, ...(reason ? { reason } : {}) })],
        textThroughSeq === undefined ? {} : { textThroughSeq },
      ).catch((error: unknown) => {
        if (error instanceof TextMovedOn) {
          throw conflict('Someone changed the text while the letter was being marked ready. Nothing was moved: check the text and try again.');
        }
        throw error;
      });
      if (!moved) throw conflict('Someone changed the status at the same moment. Reload and try again.');
    } catch (error) {
      if (to === Status.ready) await this.setTextStatus(letterId, (await this.store.letters.getLetter(letterId))?.status ?? letter.status);
      throw error;
    }
    if (to !== Status.ready) await this.setTextStatus(letterId, to);
    await this.versions.saveAtStatusChange(user, letterId, to);
    await this.pushCourse(letterId);
    this.tellMoved({ letterId, from: letter.status, to, by: user });
  }

  /**
   * An approver signs the whole letter for their office, bound to the letter hash their browser
   * computed from the text and signatories it showed. When every signatory office has signed the
   * same text, the letter is signed and frozen. An office signs a letter hash once per round (C4).
   */
  async sign(user: SessionUser, letterId: string, seenHash: string): Promise<void> {
    await this.access.require(user, letterId, Permission.signOff);
    const letter = (await this.store.letters.getLetter(letterId))!;
    if (letter.status !== Status.ready) throw conflict('The letter can be signed once the coordinator marks it ready.');
    const signatories = await this.store.letters.listSignatories(letterId);
    if (!signatories.some((signatory) => signatory.officeId === user.office.id)) {
      throw AppError.forbidden('Your office is not a signatory of this letter.');
    }
    const grid = await this.grid(user, letterId);
    if (!grid.isReady) throw conflict('A paragraph changed or lost an approval since the letter was marked ready.');
    if (grid.letterHash !== seenHash) {
      throw new AppError(
        409,
        ErrorCode.letterChanged,
        'The letter you were about to sign is not the letter as it stands: its text or its signatories changed since your page showed them. Nothing was signed. Read the letter again, then sign.',
      );
    }
    const before = await this.state.course(letterId);
    const alreadySigned = new AppError(409, ErrorCode.alreadySigned, 'Your office has already signed this text of the letter.');
    if (before.finalSignatures.some((signature) => signature.officeId === user.office.id && signature.letterHash === seenHash)) throw alreadySigned;
    const event = {
      letterId,
      kind: LetterEventKind.finalSignature,
      officeId: user.office.id,
      fromStatus: null,
      toStatus: null,
      letterHash: grid.letterHash,
      reason: null,
      userId: user.id,
      createdAt: new Date().toISOString(),
    };
    const signatureAudit = [auditDraft(AuditKind.finalSignature, actorOf(user), letterId, { officeId: user.office.id, letterHash: grid.letterHash })];
    const recorded = await this.store.signoffs.recordLetterEvent(event, Status.ready, signatureAudit).catch((error: unknown) => {
      // Two clicks that raced past the check above: the store keeps the first.
      if (error instanceof DuplicateFinalSignature) throw alreadySigned;
      throw error;
    });
    if (!recorded) throw conflict('The letter is no longer ready to sign.');
    const { finalSignatures } = await this.state.course(letterId);
    const signedAll = signatories.every((s) => finalSignatures.some((f) => f.officeId === s.officeId && f.letterHash === grid.letterHash));
    if (signedAll) {
      await this.store.signoffs.recordLetterEvent(
        { ...event, kind: LetterEventKind.statusChanged, officeId: null, fromStatus: Status.ready, toStatus: Status.signed, letterHash: grid.letterHash },
        Status.ready,
        [auditDraft(AuditKind.statusChanged, null, letterId, { from: Status.ready, to: Status.signed, letterHash: grid.letterHash, because: 'every signatory office signed' })],
      );
      await this.setTextStatus(letterId, Status.signed);
      await this.versions.saveAtStatusChange(user, letterId, Status.signed);
    }
    await this.pushCourse(letterId);
    if (signedAll) this.tellMoved({ letterId, from: Status.ready, to: Status.signed, by: user });
  }

  /** Coordinator: who signs, in which order, in which capacity. An office added late starts pending (S1). */
  async setSignatories(user: SessionUser, letterId: string, request: Required<SignatoriesRequest>): Promise<void> {
    await this.access.require(user, letterId, Permission.manageLetter);
    const letter = (await this.store.letters.getLetter(letterId))!;
    if (areSignatoriesFixed(letter.status)) {
      throw conflict(
        isFrozen(letter.status)
          ? 'Reopen the letter before changing its signatories.'
          : 'The signatories are fixed while the letter is ready to sign. Move it back to review to change them.',
      );
    }
    const known = new Set((await this.store.accounts.listOffices()).map((office) => office.id));
    const ids = request.signatories.map((s) => s.officeId);
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw new AppError(400, ErrorCode.validationFailed, `signatories: no office "${unknown}"`);
    if (new Set(ids).size !== ids.length) throw new AppError(400, ErrorCode.validationFailed, 'signatories: an office is listed twice');
    const replaced = await this.store.signoffs.replaceSignatories(
      letterId,
      request.signatories.map((s, position) => ({ ...s, position })),
      {
        letterId,
        kind: LetterEventKind.signatoriesChanged,
        officeId: null,
        fromStatus: null,
        toStatus: null,
        letterHash: null,
        reason: null,
        userId: user.id,
        createdAt: new Date().toISOString(),
      },
      [auditDraft(AuditKind.signatoriesChanged, actorOf(user), letterId, { signatories: request.signatories })],
      // Checked again under the letter's lock: a move to ready at the same moment wins (C3).
      changeableSignatoryStatuses,
    );
    if (!replaced) throw conflict('The letter was marked ready at the same moment; its signatories are now fixed. Move it back to review to change them.');
    await this.pushCourse(letterId);
  }

  /** Open editors follow the status: read-only from ready on, editable again back in review (C5). */
  private async setTextStatus(letterId: string, status: LetterStatus): Promise<void> {
    const members = await this.store.letters.listMembers(letterId);
    this.registry.setTextStatus(letterId, status, new Set(members.filter((member) => canEditText(member.roles)).map((member) => member.userId)));
  }

  private async pushCourse(letterId: string): Promise<void> {
    this.registry.broadcast(letterId, writeLetterStateMessage(await this.state.courseChange(letterId)));
  }
}
