import { LetterStatus } from '../../shared/api/letters.js';
import type { SessionUser } from '../../shared/api/session.js';
import { NotificationKind } from '../../shared/domain/notification-rules.js';
import { SignoffAction } from '../../shared/domain/signoff-state.js';
import type { StatusMove } from '../signoff/letter-course-service.js';
import type { Store } from '../store/store.js';
import type { LetterProgress } from './letter-progress.js';
import { approversOf, letterPeople } from './letter-people.js';
import type { NotificationService } from './notification-service.js';

/** A mention of people or offices, as the comments feature (issue 16) reports it. */
export interface Mention {
  letterId: string;
  /** Who wrote the mention; never told of it themselves. */
  by: Pick<SessionUser, 'id' | 'name'>;
  /** People mentioned by name; only members of the letter are told. */
  userIds?: readonly string[];
  /** Offices mentioned: every member of the letter from that office is told. */
  officeIds?: readonly string[];
  /** Where the mention is, e.g. `/letters/<id>?comment=<commentId>`; the letter's page when absent. */
  path?: string;
  /** Tells this mention apart (e.g. the comment's id): a person is told of it once. */
  mentionId: string;
}

/**
 * Something new on a paragraph: a comment, as the comments feature reports it (rule N7), or a
 * suggestion, as stored text shows it (rule N8, see suggestion-notices.ts). Both are told as the
 * one kind `comment_on_approved`, so a person chooses their delivery once for both.
 */
export interface ParagraphActivity {
  what: 'comment' | 'suggestion';
  letterId: string;
  paragraphId: string;
  /** Who wrote it; never told of it themselves. */
  by: Pick<SessionUser, 'id' | 'name'>;
  /** People and offices it mentions: they are told of the mention instead. */
  mentionedUserIds?: readonly string[];
  mentionedOfficeIds?: readonly string[];
  /** Tells it apart (e.g. the comment's id): a person is told of it once. */
  activityId: string;
  /** Where it is; the letter's page when absent. */
  path?: string;
}

export const letterPagePath = (letterId: string) => `/letters/${encodeURIComponent(letterId)}`;
export const signOffPagePath = (letterId: string) => `${letterPagePath(letterId)}/sign-off`;

/** Turns what happens to a letter into notifications for the people concerned. */
export class LetterNotices {
  /** Letters whose text changed lately, checked for stale approvals after a short pause. */
  private readonly staleChecks = new Map<string, NodeJS.Timeout>();
  /** Stale approvals this instance told already: not asked of the store again while typing goes on. */
  private readonly toldStale = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly notifications: NotificationService,
    private readonly progress: LetterProgress,
    private readonly staleCheckDelayMs = 2000,
  ) {}

  /**
   * For the comments feature: tells the people and offices mentioned, once per mention. Call it
   * after the comment is stored; it never throws for a person who cannot be told.
   */
  async notifyMention(mention: Mention): Promise<void> {
    const [letter, people] = await Promise.all([this.store.letters.getLetter(mention.letterId), letterPeople(this.store, mention.letterId)]);
    if (!letter) return;
    const named = new Set(mention.userIds ?? []);
    const offices = new Set(mention.officeIds ?? []);
    const userIds = people.filter((p) => (named.has(p.userId) || offices.has(p.officeId)) && p.userId !== mention.by.id).map((p) => p.userId);
    await this.notifications.notify({
      kind: NotificationKind.mention,
      userIds,
      letterId: letter.id,
      titleParts: { letterTitle: letter.title, actorName: mention.by.name },
      path: mention.path ?? letterPagePath(letter.id),
      dedupeKey: `mention:${mention.mentionId}`,
    });
  }

  /**
   * N7, N8: tells the approvers of each office whose latest act on the paragraph is an approval,
   * once per activity, except its author and those it mentions.
   */
  async notifyParagraphActivity(activity: ParagraphActivity): Promise<void> {
    const letter = await this.store.letters.getLetter(activity.letterId);
    if (!letter) return;
    const latest = new Map<string, string>();
    for (const act of await this.store.signoffs.listSignoffs(activity.letterId)) {
      if (act.paragraphId === activity.paragraphId) latest.set(act.officeId, act.action);
    }
    const approvedBy = Array.from(latest).filter(([, action]) => action === SignoffAction.approve).map(([officeId]) => officeId);
    if (approvedBy.length === 0) return;
    const people = await letterPeople(this.store, activity.letterId);
    const named = new Set(activity.mentionedUserIds ?? []);
    const namedOffices = new Set(activity.mentionedOfficeIds ?? []);
    const toldOfMention = new Set(people.filter((p) => named.has(p.userId) || namedOffices.has(p.officeId)).map((p) => p.userId));
    await this.notifications.notify({
      kind: NotificationKind.commentOnApproved,
      userIds: approversOf(people, approvedBy).filter((id) => id !== activity.by.id && !toldOfMention.has(id)),
      letterId: letter.id,
      titleParts: { letterTitle: letter.title, actorName: activity.by.name, activity: activity.what },
      path: activity.path ?? letterPagePath(letter.id),
      dedupeKey: `${activity.what}:${activity.activityId}`,
    });
  }

  /** Review, ready (and a signature asked of every signatory office), signed: every member but the mover is told. */
  async statusMoved(move: StatusMove): Promise<void> {
    const kind = statusKinds.get(move.to);
    const letter = await this.store.letters.getLetter(move.letterId);
    if (!kind || !letter) return;
    const people = await letterPeople(this.store, move.letterId);
    const round = `${move.letterId}:${move.to}:${letter.updatedAt}`;
    await this.notifications.notify({
      kind,
      userIds: people.map((p) => p.userId).filter((id) => id !== move.by.id),
      letterId: letter.id,
      titleParts: { letterTitle: letter.title },
      path: letterPagePath(letter.id),
      dedupeKey: `status:${round}`,
    });
    if (move.to !== LetterStatus.ready) return;
    const signatories = await this.store.letters.listSignatories(move.letterId);
    await this.notifications.notify({
      kind: NotificationKind.signatureRequested,
      userIds: approversOf(people, signatories.map((s) => s.officeId)),
      letterId: letter.id,
      titleParts: { letterTitle: letter.title },
      path: letterPagePath(letter.id),
      dedupeKey: `signature:${round}`,
    });
  }

  /**
   * A person became a member of a letter: they are told once per letter. Someone invited who has not
   * chosen a password yet is told in the app only: their invitation mail brings them in.
   */
  async memberAdded(letterId: string, userId: string): Promise<void> {
    const [letter, user] = await Promise.all([this.store.letters.getLetter(letterId), this.store.accounts.getUser(userId)]);
    if (!letter || !user) return;
    await this.notifications.notify({
      kind: NotificationKind.invitation,
      userIds: [userId],
      letterId,
      titleParts: { letterTitle: letter.title },
      path: letterPagePath(letterId),
      dedupeKey: `invitation:${letterId}`,
      isInAppOnly: !user.hasPassword,
    });
  }

  /** The letter's text changed: its approvals are checked once typing pauses. */
  textChanged(letterId: string): void {
    if (this.staleChecks.has(letterId)) return;
    const timer = setTimeout(() => {
      this.staleChecks.delete(letterId);
      this.notifications.inBackground('stale approvals', () => this.checkStaleApprovals(letterId));
    }, this.staleCheckDelayMs);
    timer.unref();
    this.staleChecks.set(letterId, timer);
  }

  /** Each approval whose paragraph changed since is told to its office's approvers, once per approval. */
  async checkStaleApprovals(letterId: string): Promise<void> {
    const found = await this.progress.staleApprovals(letterId);
    if (!found || found.stale.length === 0) return;
    const { stale } = found;
    const people = await letterPeople(this.store, letterId);
    const titleParts = { letterTitle: found.title };
    for (const approval of stale) {
      // The approval's office, paragraph, hash and time name it: a new approval that turns stale is told again.
      const dedupeKey = `stale:${approval.officeId}:${approval.paragraphId}:${approval.hash}:${approval.at}`;
      if (this.toldStale.has(dedupeKey)) continue;
      await this.notifications.notify({
        kind: NotificationKind.approvalStale,
        userIds: approversOf(people, [approval.officeId]),
        letterId,
        titleParts,
        path: signOffPagePath(letterId),
        dedupeKey,
      });
      if (this.toldStale.size > 10_000) this.toldStale.clear();
      this.toldStale.add(dedupeKey);
    }
  }

  stop(): void {
    for (const timer of this.staleChecks.values()) clearTimeout(timer);
    this.staleChecks.clear();
  }
}

const statusKinds = new Map<LetterStatus, NotificationKind>([
  [LetterStatus.inReview, NotificationKind.letterInReview],
  [LetterStatus.ready, NotificationKind.letterReady],
  [LetterStatus.signed, NotificationKind.letterSigned],
]);
