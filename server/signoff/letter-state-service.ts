import type { Signatory } from '../../shared/api/letters.js';
import type { FinalSignature, LetterCourse, LetterStateMessage, SignoffEntry } from '../../shared/api/signoffs.js';
import type { Store, SignoffRecord } from '../store/store.js';
import { LetterEventKind } from '../store/store.js';
import { keepsFinalSignatures } from '../../shared/domain/letter-course.js';
import type { ReservationEntry } from '../../shared/api/comments.js';
import { reservationEntry } from '../comments/comment-entries.js';

/** Builds what every client of a letter sees of its sign-off and course (message 102). */
export class LetterStateService {
  constructor(private readonly store: Store) {}

  /**
   * The whole state. Its number is read before the state: every change numbered so far was
   * stored before it was numbered, so the state read after holds it (and maybe later ones).
   */
  async full(letterId: string): Promise<LetterStateMessage> {
    const seq = await this.store.signoffs.currentStateSeq(letterId);
    // Sent to every joining connection: the people's names are read once for all three parts.
    const names = this.userNames();
    const [course, signoffs, reservations] = await Promise.all([this.course(letterId, names), this.latestSignoffs(letterId, names), this.reservations(letterId, names)]);
    return { kind: 'full', seq, course, signoffs, reservations };
  }

  /** Reservations entered or lifted, stored already, as the letter's next numbered change. */
  async reservationsChange(letterId: string, reservations: ReservationEntry[]): Promise<LetterStateMessage> {
    const seq = await this.store.signoffs.nextStateSeq(letterId);
    return { kind: 'reservations', seq, reservations };
  }

  /** Every reservation of the letter, open and lifted, oldest first. */
  async reservations(letterId: string, names = this.userNames()): Promise<ReservationEntry[]> {
    const [records, users] = await Promise.all([this.store.comments.listReservations(letterId), names]);
    return records.map((record) => reservationEntry(record, { users }));
  }

  /** New acts, stored already, as the letter's next numbered change. */
  async signoffsChange(letterId: string, acts: SignoffRecord[]): Promise<LetterStateMessage> {
    const seq = await this.store.signoffs.nextStateSeq(letterId);
    return { kind: 'signoffs', seq, signoffs: await this.toEntries(acts) };
  }

  /** The course as it is now, after a stored change to it, as the letter's next numbered change. */
  async courseChange(letterId: string): Promise<LetterStateMessage> {
    const seq = await this.store.signoffs.nextStateSeq(letterId);
    return { kind: 'course', seq, course: await this.course(letterId) };
  }

  /** The latest act of each office on each paragraph (rule S9): what decides the states. */
  async latestSignoffs(letterId: string, names = this.userNames()): Promise<SignoffEntry[]> {
    const latest = new Map<string, SignoffRecord>();
    for (const act of await this.store.signoffs.listSignoffs(letterId)) latest.set(`${act.paragraphId}\u0000${act.officeId}`, act);
    return this.toEntries(Array.from(latest.values()), names);
  }

  async toEntries(acts: SignoffRecord[], userNames = this.userNames()): Promise<SignoffEntry[]> {
    const names = await userNames;
    return acts.map((act) => ({
      paragraphId: act.paragraphId,
      officeId: act.officeId,
      action: act.action,
      hash: act.contentHash,
      reason: act.reason,
      by: names.get(act.userId) ?? 'unknown',
      at: act.createdAt,
    }));
  }

  async course(letterId: string, userNames = this.userNames()): Promise<LetterCourse> {
    const [letter, signatories, events, names] = await Promise.all([
      this.store.letters.getLetter(letterId),
      this.signatories(letterId),
      this.store.signoffs.listLetterEvents(letterId),
      userNames,
    ]);
    // Final signatures count in the signing round that began when the letter was last marked ready (rule C4).
    let finalSignatures: FinalSignature[] = [];
    for (const event of events) {
      if (event.toStatus !== null && !keepsFinalSignatures(event.toStatus)) finalSignatures = [];
      if (event.kind === LetterEventKind.finalSignature && event.officeId && event.letterHash) {
        finalSignatures = finalSignatures.filter((signature) => signature.officeId !== event.officeId);
        finalSignatures.push({ officeId: event.officeId, letterHash: event.letterHash, by: names.get(event.userId) ?? 'unknown', at: event.createdAt });
      }
    }
    const details = letter ? { title: letter.title, subject: letter.subject, addressees: letter.addressees, letterDate: letter.letterDate } : undefined;
    return { status: letter?.status ?? 'drafting', signatories, finalSignatures, ...(details ? { details } : {}) };
  }

  async signatories(letterId: string): Promise<Signatory[]> {
    const [records, offices] = await Promise.all([this.store.letters.listSignatories(letterId), this.store.accounts.listOffices()]);
    const officeById = new Map(offices.map((office) => [office.id, office]));
    return records.flatMap((record) => {
      const office = officeById.get(record.officeId);
      return office ? [{ position: record.position, office, signerName: record.signerName, capacity: record.capacity }] : [];
    });
  }

  private async userNames(): Promise<Map<string, string>> {
    return new Map((await this.store.accounts.listUsers()).map((user) => [user.id, user.name]));
  }
}
