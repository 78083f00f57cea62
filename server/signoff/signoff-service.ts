import type { SessionUser } from '../../shared/api/session.js';
import type { SignoffEntry, SignoffItem } from '../../shared/api/signoffs.js';
import { SignoffAction } from '../../shared/domain/signoff-state.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { isFrozen, isTextReadOnly } from '../../shared/domain/letter-course.js';
import { Permission } from '../../shared/domain/permissions.js';
import { writeLetterStateMessage } from '../../shared/protocol/letter-state-message.js';
import { AppError } from '../http/app-error.js';
import type { LetterAccess } from '../letters/letter-access.js';
import type { Store } from '../store/store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { AuditKind } from '../../shared/api/audit.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import type { LetterStateService } from './letter-state-service.js';
import { blocksApproval } from '../../shared/domain/reservations.js';
import { describeOpenSuggestions } from '../../shared/domain/suggestions.js';

/** Approvals, requests for changes and withdrawals of signatory offices (rules S7, S8, S9). */
export class SignoffService {
  constructor(
    private readonly store: Store,
    private readonly access: LetterAccess,
    private readonly registry: RoomRegistry,
    private readonly state: LetterStateService,
  ) {}

  /**
   * Records the acts if every one names the paragraph's current hash on the server; otherwise
   * records none and answers with a conflict. The approver acts for their own office only.
   */
  async act(user: SessionUser, letterId: string, items: SignoffItem[]): Promise<SignoffEntry[]> {
    await this.access.require(user, letterId, Permission.signOff);
    const letter = await this.store.letters.getLetter(letterId);
    if (!letter) throw AppError.notFound('This letter');
    if (isFrozen(letter.status)) {
      throw new AppError(409, ErrorCode.conflict, 'The letter is signed; reopen it before changing any sign-off.');
    }
    if (isTextReadOnly(letter.status)) {
      throw new AppError(409, ErrorCode.conflict, 'The letter is ready to sign: its sign-offs are fixed. Ask the coordinator to move it back to review.');
    }
    const signatories = await this.store.letters.listSignatories(letterId);
    if (!signatories.some((signatory) => signatory.officeId === user.office.id)) {
      throw AppError.forbidden('Your office is not a signatory of this letter.');
    }
    await this.requireStaleShown(letterId, user.office.id, items);
    const reservations = await this.store.comments.listReservations(letterId);
    const reserved = items.find((item) => item.action === SignoffAction.approve && blocksApproval(reservations, item.paragraphId, user.office.id));
    if (reserved) {
      throw new AppError(409, ErrorCode.reservationOpen, 'Your office has an open reservation on this paragraph. Lift it before approving; nothing was recorded.');
    }
    // The check reads the stored text; an edit arriving after it makes the recorded approval stale (S3), never wrong.
    const acts = await this.registry.readText(letterId, (doc) => {
      const byId = new Map(currentParagraphs(doc).map((paragraph) => [paragraph.id, paragraph]));
      const missing = items.filter((item) => !byId.has(item.paragraphId));
      if (missing.length > 0) throw AppError.notFound(`Paragraph ${missing[0]!.paragraphId}`);
      // S13: what an office approves holds no open proposals that someone could accept afterwards.
      const suggested = items.filter((item) => item.action === SignoffAction.approve && (byId.get(item.paragraphId)!.suggestions?.length ?? 0) > 0);
      if (suggested.length > 0) {
        const numbers = suggested.map((item) => byId.get(item.paragraphId)!.number);
        throw new AppError(409, ErrorCode.suggestionsOpen, `${describeOpenSuggestions(numbers)} Nothing was recorded.`);
      }
      const changed = items.filter((item) => byId.get(item.paragraphId)!.hash !== item.hash);
      if (changed.length > 0) {
        const count = changed.length === 1 ? 'One paragraph has' : `${changed.length} paragraphs have`;
        throw new AppError(409, ErrorCode.conflict, `${count} changed since you read it. Nothing was recorded: read the text again, then decide.`);
      }
      const now = new Date().toISOString();
      return items.map((item) => ({
        letterId,
        paragraphId: item.paragraphId,
        officeId: user.office.id,
        action: item.action,
        contentHash: item.hash,
        paragraphText: byId.get(item.paragraphId)!.text,
        reason: item.reason ?? null,
        userId: user.id,
        createdAt: now,
      }));
    });
    const audit = acts.map((act) =>
      auditDraft(AuditKind.signoffRecorded, actorOf(user), letterId, {
        paragraphId: act.paragraphId,
        officeId: act.officeId,
        action: act.action,
        hash: act.contentHash,
        ...(act.reason ? { reason: act.reason } : {}),
      }),
    );
    const recorded = await this.store.signoffs.appendSignoffs(acts, audit);
    // A sign-off ends the paragraph's revision: what is typed next is a change since that act.
    this.registry.sealRevisions(letterId, items.map((item) => item.paragraphId));
    const change = await this.state.signoffsChange(letterId, recorded);
    this.registry.broadcast(letterId, writeLetterStateMessage(change));
    return change.kind === 'signoffs' ? change.signoffs : [];
  }

  /**
   * Approving a paragraph whose earlier approval by this office turned stale needs the hash of that
   * earlier text: the approver's screen showed what changed since (rule S12). Checked against the
   * office's latest act; the current text is checked afterwards with every other act (S7).
   */
  private async requireStaleShown(letterId: string, officeId: string, items: SignoffItem[]): Promise<void> {
    const approvals = items.filter((item) => item.action === SignoffAction.approve);
    if (approvals.length === 0) return;
    const latest = new Map(
      (await this.state.latestSignoffs(letterId))
        .filter((entry) => entry.officeId === officeId && entry.action === SignoffAction.approve)
        .map((entry) => [entry.paragraphId, entry.hash]),
    );
    const unshown = approvals.filter((item) => {
      const approvedHash = latest.get(item.paragraphId);
      return approvedHash !== undefined && approvedHash !== item.hash && item.staleHash !== approvedHash;
    });
    if (unshown.length === 0) return;
    const count = unshown.length === 1 ? 'One paragraph has' : `${unshown.length} paragraphs have`;
    throw new AppError(
      409,
      ErrorCode.staleNotShown,
      `${count} changed since your office approved it. Nothing was recorded: look at what changed, then approve again.`,
    );
  }

  /** Every act on one paragraph, oldest first, with the text each one saw. */
  async history(user: SessionUser, letterId: string, paragraphId: string) {
    await this.access.require(user, letterId, Permission.readLetter);
    const acts = (await this.store.signoffs.listSignoffs(letterId)).filter((act) => act.paragraphId === paragraphId);
    const entries = await this.state.toEntries(acts);
    return entries.map((entry, index) => ({ ...entry, paragraphText: acts[index]!.paragraphText }));
  }
}
