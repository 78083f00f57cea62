import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { AuditKind } from '../../shared/api/audit.js';
import { LetterStatus } from '../../shared/api/letters.js';
import type { SessionUser } from '../../shared/api/session.js';
import { VersionKind, type VersionComparison, type VersionDetail, type VersionLetter, type VersionSummary } from '../../shared/api/versions.js';
import { compareParagraphs } from '../../shared/domain/compare-paragraphs.js';
import { Permission } from '../../shared/domain/permissions.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import { AppError } from '../http/app-error.js';
import type { LetterAccess } from '../letters/letter-access.js';
import type { Store, VersionLetterRecord, VersionRecord } from '../store/store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { type LetterDocument, paragraphsOf, readLetterDocument } from './letter-document.js';

const statusNames: Record<LetterStatus, string> = {
  [LetterStatus.drafting]: 'Back to drafting',
  [LetterStatus.inReview]: 'Sent for review',
  [LetterStatus.ready]: 'Ready to sign',
  [LetterStatus.signed]: 'Signed by every office',
  [LetterStatus.sent]: 'Sent',
};

/** `current` in a comparison: the text as the server holds it now. */
const currentRef = 'current';

/** Named states of a letter, saved by the coordinator or at every status change, and their comparison. */
export class VersionService {
  constructor(
    private readonly store: Store,
    private readonly access: LetterAccess,
    private readonly registry: RoomRegistry,
  ) {}

  async save(user: SessionUser, letterId: string, name: string): Promise<VersionSummary> {
    await this.access.require(user, letterId, Permission.manageLetter);
    return this.saveVersion(user, letterId, name, VersionKind.named);
  }

  /** Called by the letter's course: every status change keeps the text it applied to. */
  async saveAtStatusChange(user: SessionUser, letterId: string, status: LetterStatus): Promise<VersionSummary> {
    return this.saveVersion(user, letterId, statusNames[status], VersionKind.statusChange);
  }

  async list(user: SessionUser, letterId: string): Promise<VersionSummary[]> {
    await this.access.require(user, letterId, Permission.readLetter);
    const [versions, names] = await Promise.all([this.store.history.listVersions(letterId), this.userNames()]);
    return versions.map((version) => this.summary(version, names));
  }

  async detail(user: SessionUser, letterId: string, versionId: string): Promise<VersionDetail> {
    await this.access.require(user, letterId, Permission.readLetter);
    const version = await this.find(letterId, versionId);
    return { version: this.summary(version, await this.userNames()), letter: await this.letterOf(version.letter), ...readLetterDocument(version.document) };
  }

  /** A version's record of the letter with each signatory's office, as the screens and exports show it. */
  async letterOf(record: VersionLetterRecord | null | undefined): Promise<VersionLetter | null> {
    if (!record) return null;
    const officeById = new Map((await this.store.accounts.listOffices()).map((office) => [office.id, office]));
    const signatories = record.signatories.flatMap((signatory) => {
      const office = officeById.get(signatory.officeId);
      return office ? [{ position: signatory.position, office, signerName: signatory.signerName, capacity: signatory.capacity }] : [];
    });
    return { title: record.title, subject: record.subject, addressees: record.addressees, letterDate: record.letterDate, signatories };
  }

  /** A saved version's name and body for an export; the export route has checked who may read it. */
  async readForExport(letterId: string, versionId: string): Promise<{ name: string; body: Record<string, unknown>; letter: VersionLetter | null } | null> {
    const version = await this.store.history.getVersion(letterId, versionId);
    return version && { name: version.name, body: readLetterDocument(version.document).body, letter: await this.letterOf(version.letter) };
  }

  /** Compares two versions, or a version and the current text (`current`), paragraph by paragraph. */
  async compare(user: SessionUser, letterId: string, fromRef: string, toRef: string): Promise<VersionComparison> {
    await this.access.require(user, letterId, Permission.readLetter);
    const [from, to] = await Promise.all([this.resolve(letterId, fromRef), this.resolve(letterId, toRef)]);
    return {
      from: { ref: fromRef, name: from.name },
      to: { ref: toRef, name: to.name },
      entries: compareParagraphs(from.document.paragraphs, to.document.paragraphs),
    };
  }

  private async resolve(letterId: string, ref: string): Promise<{ name: string; document: Pick<LetterDocument, 'paragraphs'> }> {
    if (ref === currentRef) {
      return { name: 'Current text', document: { paragraphs: await this.registry.readText(letterId, paragraphsOf) } };
    }
    const version = await this.find(letterId, ref);
    return { name: version.name, document: readLetterDocument(version.document) };
  }

  private async find(letterId: string, versionId: string): Promise<VersionRecord> {
    const version = await this.store.history.getVersion(letterId, versionId);
    if (!version) throw AppError.notFound('This version');
    return version;
  }

  private async saveVersion(user: SessionUser, letterId: string, name: string, kind: VersionKind): Promise<VersionSummary> {
    const letter = await this.store.letters.getLetter(letterId);
    if (!letter) throw AppError.notFound('This letter');
    const { document, paragraphCount } = await this.registry.readText(letterId, (doc) => ({
      document: Y.encodeStateAsUpdate(doc),
      paragraphCount: paragraphsOf(doc).length,
    }));
    const version: VersionRecord = {
      id: randomBytes(16).toString('hex'),
      letterId,
      name,
      kind,
      status: letter.status,
      userId: user.id,
      createdAt: new Date().toISOString(),
      paragraphCount,
      document,
      // The details and signatories as they are now: the version shows and exports as the letter was.
      letter: {
        title: letter.title,
        subject: letter.subject,
        addressees: letter.addressees,
        letterDate: letter.letterDate,
        signatories: await this.store.letters.listSignatories(letterId),
      },
    };
    const audit = [auditDraft(AuditKind.versionSaved, actorOf(user), letterId, { versionId: version.id, name, kind })];
    await this.store.history.insertVersion(version, audit);
    return this.summary(version, new Map([[user.id, user.name]]));
  }

  private summary(version: Omit<VersionRecord, 'document'>, names: Map<string, string>): VersionSummary {
    const { id, name, kind, status, createdAt, paragraphCount } = version;
    return { id, name, kind, status, by: names.get(version.userId) ?? 'unknown', at: createdAt, paragraphCount };
  }

  private async userNames(): Promise<Map<string, string>> {
    return new Map((await this.store.accounts.listUsers()).map((user) => [user.id, user.name]));
  }
}

