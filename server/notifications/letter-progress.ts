import type { LetterStatus } from '../../shared/api/letters.js';
import type { SignoffEntry } from '../../shared/api/signoffs.js';
import { currentParagraphs, type CurrentParagraph } from '../../shared/domain/current-paragraphs.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import type { OfficeProgress } from '../../shared/domain/notification-rules.js';
import { SignoffAction } from '../../shared/domain/signoff-state.js';
import { letterBodyJson, letterTextBlocks, textBlockJson } from '../../shared/domain/yjs-text-blocks.js';
import { nativeParagraphHash } from '../history/native-paragraph-hash.js';
import type { LetterStateService } from '../signoff/letter-state-service.js';
import { buildSignoffGrid } from '../signoff/signoff-grid.js';
import type { Store } from '../store/store.js';
import type { RoomRegistry } from '../sync/room-registry.js';

export interface LetterProgressView {
  status: LetterStatus;
  title: string;
  /** Every signatory office, in signing order, named by country and English name. */
  offices: (OfficeProgress & { name: string })[];
  paragraphs: CurrentParagraph[];
  latestSignoffs: SignoffEntry[];
}

/** The approvals of a letter whose paragraph has changed since they were given. */
export interface StaleApprovals {
  title: string;
  stale: SignoffEntry[];
}

/** Where each signatory office stands on a letter, from the server's own text (rule N4). */
export class LetterProgress {
  constructor(
    private readonly store: Store,
    private readonly registry: RoomRegistry,
    private readonly state: LetterStateService,
  ) {}

  /** Null if the letter does not exist. */
  async of(letterId: string): Promise<LetterProgressView | null> {
    const letter = await this.store.letters.getLetter(letterId);
    if (!letter) return null;
    const [signatories, latestSignoffs, course] = await Promise.all([
      this.state.signatories(letterId),
      this.state.latestSignoffs(letterId),
      this.state.course(letterId),
    ]);
    const { paragraphs, body } = await this.registry.readText(letterId, (doc) => ({
      paragraphs: currentParagraphs(doc),
      body: letterBodyJson(doc.getXmlFragment(bodyFieldName)),
    }));
    const grid = buildSignoffGrid(paragraphs, body, signatories, latestSignoffs);
    const signed = new Set(course.finalSignatures.filter((s) => s.letterHash === grid.letterHash).map((s) => s.officeId));
    // Several offices share an English name ("Ministry of the Interior"): the country tells them apart.
    const country = new Map(signatories.map((s) => [s.office.id, s.office.country]));
    return {
      status: letter.status,
      title: letter.title,
      offices: grid.offices.map((office) => ({ ...office, name: `${country.get(office.officeId) ?? ''} (${office.name})`, hasSigned: signed.has(office.officeId) })),
      paragraphs,
      latestSignoffs,
    };
  }

  /**
   * The letter's latest approvals whose paragraph has changed since (its hash differs). Run after
   * every pause in typing, so only the approved paragraphs are read and hashed: a letter without
   * approvals costs no read of its text, however long it is or however often it changes. Null if
   * the letter does not exist.
   */
  async staleApprovals(letterId: string): Promise<StaleApprovals | null> {
    const letter = await this.store.letters.getLetter(letterId);
    if (!letter) return null;
    const approvals = (await this.state.latestSignoffs(letterId)).filter((signoff) => signoff.action === SignoffAction.approve);
    if (approvals.length === 0) return { title: letter.title, stale: [] };
    const approved = new Set(approvals.map((approval) => approval.paragraphId));
    const hashes = await this.registry.readText(letterId, (doc) => {
      const found = new Map<string, string>();
      for (const block of letterTextBlocks(doc.getXmlFragment(bodyFieldName))) {
        if (approved.has(block.id)) found.set(block.id, nativeParagraphHash(textBlockJson(block.element)));
      }
      return found;
    });
    return { title: letter.title, stale: approvals.filter((approval) => hashes.has(approval.paragraphId) && hashes.get(approval.paragraphId) !== approval.hash) };
  }
}
