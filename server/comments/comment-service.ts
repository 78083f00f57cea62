import { randomUUID } from 'node:crypto';
import { AuditKind } from '../../shared/api/audit.js';
import { ThreadStatus, type LetterCommentsMessage, type NewThreadRequest, type ThreadEntry, type ThreadList } from '../../shared/api/comments.js';
import { ErrorCode } from '../../shared/api/errors.js';
import type { SessionUser } from '../../shared/api/session.js';
import { resolveAnchor } from '../../shared/domain/comment-anchor.js';
import type { CommentLimits } from '../../shared/domain/comment-limits.js';
import { mayChangeComment, mayComment, type CommentSettings } from '../../shared/domain/comment-rules.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { isFrozen } from '../../shared/domain/letter-course.js';
import { findMentions, MentionKind, type Mention, type MentionCandidate } from '../../shared/domain/mentions.js';
import { Permission } from '../../shared/domain/permissions.js';
import { writeLetterCommentsMessage } from '../../shared/protocol/letter-comments-message.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import { AppError } from '../http/app-error.js';
import type { LetterAccess } from '../letters/letter-access.js';
import type { Store } from '../store/store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { threadEntry, type EntryNames } from './comment-entries.js';
import type { CommentEvents } from './comment-events.js';
import type { MentionEvents } from './mention-events.js';
import { overLimit } from './reservation-service.js';

/** How much of a paragraph a comment on the whole paragraph keeps, to stay readable once the text is gone. */
const quoteLength = 300;
const conflict = (message: string) => new AppError(409, ErrorCode.conflict, message);
const excerpt = (text: string) => (text.length > quoteLength ? `${text.slice(0, quoteLength - 1)}…` : text);

/**
 * Comment threads (rules K1–K7): start, reply, edit and withdraw one's own, resolve and reopen,
 * and who may comment. Each change is stored with its audit event, then pushed to the letter's
 * open connections as message 105; mentions are told to MentionEvents.
 */
export class CommentService {
  constructor(
    private readonly store: Store,
    private readonly access: LetterAccess,
    private readonly registry: RoomRegistry,
    private readonly mentions: MentionEvents,
    private readonly limits: CommentLimits,
    /** Told of each new comment (not of edits): notifications listen here. */
    private readonly events?: CommentEvents,
  ) {}

  /** Every thread and the settings: what a connection gets on joining. */
  async full(letterId: string): Promise<LetterCommentsMessage> {
    const [threads, settings] = await Promise.all([this.threads(letterId), this.store.comments.getSettings(letterId)]);
    return { kind: 'full', threads, settings };
  }

  async list(user: SessionUser, letterId: string): Promise<ThreadList> {
    await this.access.require(user, letterId, Permission.readLetter);
    const { threads, settings } = (await this.full(letterId)) as Extract<LetterCommentsMessage, { kind: 'full' }>;
    return { threads, settings };
  }

  /** K3, K4: a thread on a paragraph, or on a passage of it (anchored to the text). */
  async startThread(user: SessionUser, letterId: string, request: NewThreadRequest): Promise<ThreadEntry> {
    await this.requireCommenter(user, letterId);
    this.checkLength(request.body);
    const quote = await this.registry.readText(letterId, (doc) => {
      const paragraph = currentParagraphs(doc).find((candidate) => candidate.id === request.paragraphId);
      if (!paragraph) throw AppError.notFound(`Paragraph ${request.paragraphId}`);
      if (!request.anchor) return excerpt(paragraph.text);
      const passage = resolveAnchor(doc, request.paragraphId, request.anchor);
      if (!passage || passage.text === '') {
        throw new AppError(400, ErrorCode.anchorOutsideParagraph, 'The selected passage is not text of this paragraph. Select the words again.');
      }
      return excerpt(passage.text);
    });
    const mentions = await this.resolveMentions(letterId, request.body);
    const now = new Date().toISOString();
    const thread = {
      id: randomUUID(),
      letterId,
      paragraphId: request.paragraphId,
      anchor: request.anchor ?? null,
      quote,
      status: ThreadStatus.open,
      resolvedBy: null,
      resolvedAt: null,
      createdBy: user.id,
      createdAt: now,
    };
    const comment = { id: randomUUID(), threadId: thread.id, letterId, userId: user.id, officeId: user.office.id, body: request.body, mentions, createdAt: now };
    const audit = [this.commentAudit(AuditKind.commentAdded, user, letterId, thread.id, comment.id, request.body, mentions, request.paragraphId)];
    if (!(await this.store.comments.createThread(thread, comment, this.limits.maxCommentsPerLetter, audit))) throw overLimit(this.limits);
    this.tellMentioned(letterId, thread.id, comment.id, user, mentions);
    this.tellAdded(letterId, thread.id, request.paragraphId, comment.id, user, mentions);
    return this.pushThread(letterId, thread.id);
  }

  async reply(user: SessionUser, letterId: string, threadId: string, body: string): Promise<ThreadEntry> {
    await this.requireCommenter(user, letterId);
    this.checkLength(body);
    const thread = await this.store.comments.getThread(letterId, threadId);
    if (!thread) throw AppError.notFound('This thread');
    const mentions = await this.resolveMentions(letterId, body);
    const comment = { id: randomUUID(), threadId, letterId, userId: user.id, officeId: user.office.id, body, mentions, createdAt: new Date().toISOString() };
    const audit = [this.commentAudit(AuditKind.commentAdded, user, letterId, threadId, comment.id, body, mentions)];
    if (!(await this.store.comments.addComment(comment, this.limits.maxCommentsPerLetter, audit))) throw overLimit(this.limits);
    this.tellMentioned(letterId, threadId, comment.id, user, mentions);
    this.tellAdded(letterId, threadId, thread.thread.paragraphId, comment.id, user, mentions);
    return this.pushThread(letterId, threadId);
  }

  /** K5: new wording of one's own comment; the earlier one stays in its history. */
  async edit(user: SessionUser, letterId: string, commentId: string, body: string): Promise<ThreadEntry> {
    await this.requireCommenter(user, letterId);
    this.checkLength(body);
    const current = await this.ownComment(user, letterId, commentId);
    const mentions = await this.resolveMentions(letterId, body);
    const audit = [this.commentAudit(AuditKind.commentEdited, user, letterId, current.threadId, commentId, body, mentions)];
    if (!(await this.store.comments.editComment(letterId, commentId, body, mentions, new Date().toISOString(), audit, this.limits.maxEditsPerComment))) {
      // Refused for one of two reasons: the comment was withdrawn, or it holds as many earlier wordings as it may.
      const now = await this.store.comments.getComment(letterId, commentId);
      if (now && now.withdrawnAt === null) {
        throw new AppError(409, ErrorCode.commentEditLimitReached, `A comment may be edited at most ${this.limits.maxEditsPerComment} times; withdraw it and write a new one.`);
      }
      throw conflict('This comment was withdrawn; it can no longer be edited.');
    }
    const isNew = (mention: Mention) => !current.mentions.some((old) => old.kind === mention.kind && old.id === mention.id);
    this.tellMentioned(letterId, current.threadId, commentId, user, mentions.filter(isNew));
    return this.pushThread(letterId, current.threadId);
  }

  /** K5: withdraws one's own comment: it is no longer shown; the record and the audit trail keep it. */
  async withdraw(user: SessionUser, letterId: string, commentId: string): Promise<ThreadEntry> {
    await this.requireCommenter(user, letterId);
    const current = await this.ownComment(user, letterId, commentId);
    const audit = [auditDraft(AuditKind.commentWithdrawn, actorOf(user), letterId, { threadId: current.threadId, commentId })];
    if (!(await this.store.comments.withdrawComment(letterId, commentId, new Date().toISOString(), audit))) {
      throw conflict('This comment was withdrawn already.');
    }
    return this.pushThread(letterId, current.threadId);
  }

  /** K6: anyone who may comment resolves a thread or reopens it. */
  async setStatus(user: SessionUser, letterId: string, threadId: string, status: ThreadStatus): Promise<ThreadEntry> {
    await this.requireCommenter(user, letterId);
    const kind = status === ThreadStatus.resolved ? AuditKind.threadResolved : AuditKind.threadReopened;
    const audit = [auditDraft(kind, actorOf(user), letterId, { threadId })];
    if (!(await this.store.comments.setThreadStatus(letterId, threadId, status, user.id, new Date().toISOString(), audit))) {
      if (!(await this.store.comments.getThread(letterId, threadId))) throw AppError.notFound('This thread');
      throw conflict(status === ThreadStatus.resolved ? 'This thread is resolved already.' : 'This thread is open already.');
    }
    return this.pushThread(letterId, threadId);
  }

  /** K1: the coordinator lets observers comment on this letter, or no longer. */
  async setSettings(user: SessionUser, letterId: string, settings: CommentSettings): Promise<CommentSettings> {
    await this.access.require(user, letterId, Permission.manageLetter);
    await this.store.comments.setSettings(letterId, settings, [auditDraft(AuditKind.commentSettingsChanged, actorOf(user), letterId, { ...settings })]);
    this.registry.broadcast(letterId, writeLetterCommentsMessage({ kind: 'settings', settings }));
    return settings;
  }

  private async requireCommenter(user: SessionUser, letterId: string): Promise<void> {
    const roles = await this.access.require(user, letterId, Permission.readLetter);
    if (!mayComment(roles, await this.store.comments.getSettings(letterId))) {
      throw AppError.forbidden('Observers may not comment on this letter; its coordinator can allow it.');
    }
    const letter = await this.store.letters.getLetter(letterId);
    if (letter && isFrozen(letter.status)) throw conflict('The letter is signed: its comments can be read, and no new ones added.');
  }

  private async ownComment(user: SessionUser, letterId: string, commentId: string) {
    const comment = await this.store.comments.getComment(letterId, commentId);
    if (!comment) throw AppError.notFound('This comment');
    if (!mayChangeComment(comment.userId, user.id)) throw AppError.forbidden('Only its author can change or withdraw a comment.');
    return comment;
  }

  private checkLength(body: string): void {
    if (body.length > this.limits.maxCommentLength) {
      throw new AppError(400, ErrorCode.commentTooLong, `A comment may be at most ${this.limits.maxCommentLength} characters long.`);
    }
  }

  /**
   * M1, M2: the people and offices the text mentions, resolved against the whole workspace so that
   * a mention of someone who is not on the letter is refused rather than read as plain text.
   */
  private async resolveMentions(letterId: string, body: string): Promise<Mention[]> {
    const [users, offices, members, signatories] = await Promise.all([
      this.store.accounts.listUsers(),
      this.store.accounts.listOffices(),
      this.store.letters.listMembers(letterId),
      this.store.letters.listSignatories(letterId),
    ]);
    const memberIds = new Set(members.map((member) => member.userId));
    const officeIds = new Set([...signatories.map((signatory) => signatory.officeId), ...users.filter((u) => memberIds.has(u.id)).map((u) => u.officeId)]);
    const isOnLetter = (candidate: MentionCandidate) => (candidate.kind === MentionKind.user ? memberIds.has(candidate.id) : officeIds.has(candidate.id));
    const candidates: MentionCandidate[] = [
      ...users.map((u) => ({ kind: MentionKind.user, id: u.id, names: [u.name] })),
      ...offices.map((o) => ({ kind: MentionKind.office, id: o.id, names: [o.country, o.nameEn, o.name, o.id] })),
    ];
    // Those on the letter first: of two with the same name, the one on the letter is meant.
    const ordered = [...candidates.filter(isOnLetter), ...candidates.filter((candidate) => !isOnLetter(candidate))];
    const found = findMentions(body, ordered);
    if (found.length > this.limits.maxMentions) {
      throw new AppError(400, ErrorCode.tooManyMentions, `A comment may mention at most ${this.limits.maxMentions} people and offices.`);
    }
    const outsider = found.find((mention) => !isOnLetter({ ...mention, names: [] }));
    if (outsider) {
      const name = outsider.kind === MentionKind.user ? users.find((u) => u.id === outsider.id)?.name : offices.find((o) => o.id === outsider.id)?.country;
      throw new AppError(400, ErrorCode.mentionNotOnLetter, `${name ?? 'Someone you mention'} is not on this letter. Ask its coordinator to add them, or leave out the @.`);
    }
    return found;
  }

  private commentAudit(kind: AuditKind, user: SessionUser, letterId: string, threadId: string, commentId: string, body: string, mentions: Mention[], paragraphId?: string) {
    return auditDraft(kind, actorOf(user), letterId, { threadId, commentId, ...(paragraphId ? { paragraphId } : {}), body, mentions: mentions.map((m) => `${m.kind}:${m.id}`) });
  }

  private tellMentioned(letterId: string, threadId: string, commentId: string, user: SessionUser, mentions: Mention[]): void {
    this.mentions.emit({
      letterId,
      threadId,
      commentId,
      byUserId: user.id,
      userIds: mentions.filter((m) => m.kind === MentionKind.user).map((m) => m.id),
      officeIds: mentions.filter((m) => m.kind === MentionKind.office).map((m) => m.id),
      at: new Date().toISOString(),
    });
  }

  private tellAdded(letterId: string, threadId: string, paragraphId: string, commentId: string, user: SessionUser, mentions: Mention[]): void {
    this.events?.emit({
      letterId,
      threadId,
      commentId,
      paragraphId,
      byUserId: user.id,
      mentionedUserIds: mentions.filter((m) => m.kind === MentionKind.user).map((m) => m.id),
      mentionedOfficeIds: mentions.filter((m) => m.kind === MentionKind.office).map((m) => m.id),
      at: new Date().toISOString(),
    });
  }

  private async names(): Promise<EntryNames> {
    const [users, offices] = await Promise.all([this.store.accounts.listUsers(), this.store.accounts.listOffices()]);
    return { users: new Map(users.map((u) => [u.id, u.name])), offices: new Map(offices.map((o) => [o.id, o])) };
  }

  private async threads(letterId: string): Promise<ThreadEntry[]> {
    const [threads, names] = await Promise.all([this.store.comments.listThreads(letterId), this.names()]);
    return threads.map((thread) => threadEntry(thread, names));
  }

  /** Reads the thread as stored and sends it to every open connection of the letter, on every instance. */
  private async pushThread(letterId: string, threadId: string): Promise<ThreadEntry> {
    const [stored, names] = await Promise.all([this.store.comments.getThread(letterId, threadId), this.names()]);
    const entry = threadEntry(stored!, names);
    this.registry.broadcast(letterId, writeLetterCommentsMessage({ kind: 'thread', thread: entry }));
    return entry;
  }
}
