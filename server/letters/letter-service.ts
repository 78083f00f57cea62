import { sourceLanguage } from '../../shared/i18n/languages.js';
import { randomUUID } from 'node:crypto';
import type { CreateLetterRequest, LetterDetail, LetterSummary } from '../../shared/api/letters.js';
import { LetterStatus } from '../../shared/api/letters.js';
import type { SessionUser } from '../../shared/api/session.js';
import { Role } from '../../shared/domain/roles.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { AppError } from '../http/app-error.js';
import type { MembershipRecord, SignatoryRecord, Store } from '../store/store.js';
import { Permission } from '../../shared/domain/permissions.js';
import { AuditKind } from '../../shared/api/audit.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import { openingRevisions } from '../history/opening-revisions.js';
import type { LetterAccess } from './letter-access.js';
import { textSnapshotOf } from '../store/text-snapshot.js';

type ValidCreateRequest = Required<CreateLetterRequest>;

/** Letters as their members see them. A letter you are not a member of does not exist for you. */
export class LetterService {
  constructor(
    private readonly store: Store,
    private readonly access: LetterAccess,
  ) {}

  /** The letters a person is a member of; every letter for an administrator. */
  async listFor(user: SessionUser): Promise<LetterSummary[]> {
    const letters = await this.store.letters.listLetters();
    const visible = [];
    for (const letter of letters) {
      if ((await this.access.rolesOf(user, letter.id)).length > 0) visible.push(letter);
    }
    return visible.map(({ id, title, subject, status, signatoryCount, updatedAt }) => ({
      id,
      title,
      subject,
      status,
      signatoryCount,
      updatedAt,
    }));
  }

  async detailFor(user: SessionUser, letterId: string): Promise<LetterDetail> {
    const myRoles = await this.access.require(user, letterId, Permission.readLetter);
    const letter = await this.store.letters.getLetter(letterId);
    if (!letter) throw AppError.notFound('This letter');
    const [signatories, offices] = await Promise.all([this.store.letters.listSignatories(letterId), this.store.accounts.listOffices()]);
    const officeById = new Map(offices.map((office) => [office.id, office]));
    const language = (await this.store.accounts.getLetterLanguage(letterId)) ?? sourceLanguage;
    return {
      id: letter.id,
      language,
      title: letter.title,
      subject: letter.subject,
      addressees: letter.addressees,
      letterDate: letter.letterDate,
      status: letter.status,
      createdAt: letter.createdAt,
      updatedAt: letter.updatedAt,
      myRoles,
      signatories: signatories.flatMap((signatory) => {
        const office = officeById.get(signatory.officeId);
        return office ? [{ position: signatory.position, office, signerName: signatory.signerName, capacity: signatory.capacity }] : [];
      }),
    };
  }

  /**
   * The creator coordinates the new letter; the people of its signatory offices draft and approve
   * it. Each office's minister signs, in the order given.
   */
  async create(user: SessionUser, request: ValidCreateRequest): Promise<LetterDetail> {
    const offices = await this.store.accounts.listOffices();
    const officeById = new Map(offices.map((office) => [office.id, office]));
    const signatories = [...new Set(request.signatoryOfficeIds)].map((officeId) => {
      const office = officeById.get(officeId);
      return { officeId, signerName: office?.ministerName ?? '', capacity: office?.ministerTitle ?? '' };
    });
    return this.createLetter(user, { title: request.title, subject: request.subject, addressees: request.addressees, letterDate: request.letterDate, signatories });
  }

  /**
   * Creates a letter with the given signatories (each office once, in signing order) and, if given,
   * its opening text as a Yjs update. The creator coordinates; the people of the signatory offices
   * draft and approve, except guests (created by someone outside their office), who only draft:
   * an office's approvers are appointed by its own administrators (invariant 11).
   */
  async createLetter(user: SessionUser, letter: NewLetterContent, initialText?: Uint8Array): Promise<LetterDetail> {
    const known = new Set((await this.store.accounts.listOffices()).map((office) => office.id));
    const officeIds = letter.signatories.map((signatory) => signatory.officeId);
    const unknown = officeIds.find((id) => !known.has(id));
    if (unknown) throw new AppError(400, ErrorCode.validationFailed, `signatoryOfficeIds: no office "${unknown}"`);
    if (new Set(officeIds).size !== officeIds.length) throw new AppError(400, ErrorCode.validationFailed, 'signatories: an office is listed twice');

    const memberships: MembershipRecord[] = [{ userId: user.id, roles: [...letterCreatorRoles] }];
    for (const member of await this.store.accounts.listUsers()) {
      if (member.id !== user.id && officeIds.includes(member.officeId)) {
        memberships.push({ userId: member.id, roles: member.isGuest ? [Role.drafter] : [Role.drafter, Role.approver] });
      }
    }
    const now = new Date().toISOString();
    const id = randomUUID();
    await this.store.letters.createLetter({
      letter: {
        id,
        title: letter.title,
        subject: letter.subject,
        addressees: letter.addressees,
        letterDate: letter.letterDate ?? null,
        status: LetterStatus.drafting,
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
      },
      signatories: letter.signatories.map((signatory, position) => ({ position, ...signatory })),
      memberships,
      audit: [auditDraft(AuditKind.letterCreated, actorOf(user), id, { title: letter.title, signatoryOfficeIds: officeIds, imported: Boolean(initialText) })],
      ...(initialText ? { initialText: textSnapshotOf(initialText), initialRevisions: openingRevisions(id, initialText, { userId: user.id, officeId: user.office.id }, now) } : {}),
    });
    // The letter is written in its coordinator's language until the coordinator says otherwise.
    await this.store.accounts.setLetterLanguage(id, user.language ?? sourceLanguage);
    return this.detailFor(user, id);
  }
}

/** The roles the person who creates (or imports) a letter has on it. */
export const letterCreatorRoles: readonly Role[] = [Role.coordinator];

/** What a new letter starts with; the signatories in signing order. */
export interface NewLetterContent {
  title: string;
  subject: string;
  addressees: string[];
  /** `YYYY-MM-DD`; none when absent. */
  letterDate?: string | null;
  signatories: Omit<SignatoryRecord, 'position'>[];
}
