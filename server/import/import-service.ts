import type { JSONContent } from '@tiptap/core';
import { longParagraphCharacters, type ImportOptions, type ImportPreview, type LongParagraph } from '../../shared/api/interchange.js';
import type { LetterDetail } from '../../shared/api/letters.js';
import type { Office } from '../../shared/api/offices.js';
import type { SessionUser } from '../../shared/api/session.js';
import { blockText } from '../../shared/domain/block-text.js';
import { letterCreatorRoles, type LetterService } from '../letters/letter-service.js';
import { maySuggest } from '../../shared/domain/permissions.js';
import { letterSuggestions } from '../export/letter-suggestions.js';
import type { Store } from '../store/store.js';
import { ErrorCode } from '../../shared/api/errors.js';
import type { WorkerPool, WorkerRefusalCodes } from '../export/worker-pool.js';
import { AppError } from '../http/app-error.js';
import type { ImportResult, ImportTask } from './import-worker.js';
import type { UploadedFile } from './identify-import-file.js';
import type { LetterFile } from './read-letter-file.js';
import { isSupportedLanguage, sourceLanguage } from '../../shared/i18n/languages.js';

const importWorker = new URL('./import-worker.ts', import.meta.url);
const importRefusals: WorkerRefusalCodes = { busy: ErrorCode.importBusy, overLimit: ErrorCode.importOverLimit };

const excerptParagraphs = 4;
const excerptLength = 240;

/**
 * Creates letters from Markdown and Word files. A preview reads the file and stores nothing; the
 * import reads the same file again with the person's choices, so nothing is kept between the two.
 */
export class ImportService {
  constructor(
    private readonly store: Store,
    private readonly letters: LetterService,
    private readonly workers: WorkerPool,
  ) {}

  async preview(user: SessionUser, file: UploadedFile): Promise<ImportPreview> {
    const offices = await this.store.accounts.listOffices();
    // The excerpt shows the text as it will be with every offer taken: that is what the person decides on.
    const { letterFile, body } = await this.read(user, { file, offices, take: { addressees: true, signatories: true }, encode: false });
    const { parts } = letterFile;
    return {
      fileName: file.name,
      format: letterFile.format,
      title: parts.title?.text.slice(0, 200) || titleFromFileName(file.name),
      subject: parts.subject?.text.slice(0, 500) ?? '',
      addressees: parts.addressees?.lines ?? [],
      signatories: signatoriesOf(letterFile, offices),
      paragraphCount: countTextBlocks(body),
      noteCount: letterFile.notes.length,
      excerpt: (body.content ?? []).slice(0, excerptParagraphs).map((block) => truncate(blockText(block).replace(/\n/g, ' '))).filter(Boolean),
      warnings: letterFile.warnings,
      longParagraphs: longParagraphsOf(body),
      suggestionCount: letterSuggestions(body).length,
    };
  }

  /** Creates the letter the file describes, taking addressees and signatories from it if the person chose to. */
  async importLetter(user: SessionUser, file: UploadedFile, options: Required<ImportOptions>): Promise<LetterDetail> {
    const offices = await this.store.accounts.listOffices();
    const take = { addressees: options.takeAddressees, signatories: options.takeSignatories };
    const { letterFile, initialText } = await this.read(user, { file, offices, take, encode: true });
    const signatories = options.takeSignatories ? signatoriesOf(letterFile, offices) : [];
    return this.letters.createLetter(
      user,
      {
        title: options.title,
        subject: options.subject,
        addressees: options.takeAddressees ? (letterFile.parts.addressees?.lines ?? []).map((line) => line.slice(0, 300)) : [],
        signatories: signatories.map(({ officeId, signerName, capacity }) => ({ officeId, signerName: signerName.slice(0, 200), capacity: capacity.slice(0, 300) })),
      },
      initialText!,
    );
  }

  /**
   * Reads the file in a worker thread: a large or crafted file costs that thread, not the event loop.
   * The person becomes the new letter's coordinator, so a Word file's tracked changes become their
   * suggestions if that role may suggest (S13), and accepted text otherwise.
   */
  private async read(user: SessionUser, options: Omit<ImportTask, 'importing' | 'language'>): Promise<Extract<ImportResult, { ok: true }>> {
    const proposer = maySuggest(letterCreatorRoles) ? { userId: user.id, name: user.name, officeId: user.office.id } : null;
    // The letter is created in its coordinator's language (LetterService), so its notes heading is too.
    const language = user.language && isSupportedLanguage(user.language) ? user.language : sourceLanguage;
    const task: ImportTask = { ...options, language, importing: { proposer, now: new Date() } };
    const result = await this.workers.run<ImportTask, ImportResult>(user.id, importWorker, async () => task, importRefusals);
    if (!result.ok) throw new AppError(result.refusal.status, result.refusal.code, result.refusal.message);
    return result;
  }
}

/** The signature blocks found; without any, the offices of the letterhead with their ministers. */
function signatoriesOf({ parts }: LetterFile, offices: readonly Office[]): ImportPreview['signatories'] {
  if (parts.signatures) return parts.signatures.signatories;
  const officeById = new Map(offices.map((office) => [office.id, office]));
  return (parts.letterhead?.officeIds ?? []).flatMap((officeId) => {
    const office = officeById.get(officeId);
    return office ? [{ officeId, signerName: office.ministerName, capacity: office.ministerTitle, sourceText: office.name }] : [];
  });
}

function countTextBlocks(node: JSONContent): number {
  if (node.type === 'paragraph' || node.type === 'heading') return 1;
  return (node.content ?? []).reduce((sum, child) => sum + countTextBlocks(child), 0);
}

/** Every paragraph (heading, list-item paragraph) over the threshold, numbered as the letter will number it. */
function longParagraphsOf(body: JSONContent): LongParagraph[] {
  const long: LongParagraph[] = [];
  let number = 0;
  const visit = (node: JSONContent) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      number++;
      const text = blockText(node).replace(/\n/g, ' ');
      if (text.length > longParagraphCharacters) long.push({ number, characters: text.length, opening: openingWords(text) });
      return;
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(body);
  return long;
}

/** The first words of a paragraph, enough to find it. */
function openingWords(text: string): string {
  const words = text.trim().split(/\s+/).slice(0, 8).join(' ');
  return words.length > 80 ? `${words.slice(0, 79)}…` : `${words}…`;
}

function titleFromFileName(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[_\s]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || 'Imported letter';
}

function truncate(text: string): string {
  return text.length > excerptLength ? `${text.slice(0, excerptLength - 1)}…` : text;
}
