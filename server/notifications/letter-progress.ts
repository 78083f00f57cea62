import type { LetterStatus } from '../../shared/api/letters.js';
import type { SignoffEntry } from '../../shared/api/signoffs.js';
import { currentParagraphs, type CurrentParagraph } from '../../shared/domain/current-paragraphs.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import type { OfficeProgress } from '../../shared/domain/notification-rules.js';
import { letterBodyJson } from '../../shared/domain/yjs-text-blocks.js';
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
}
