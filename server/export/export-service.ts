import { sourceLanguage } from '../../shared/i18n/languages.js';
import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { ExportFormat } from '../../shared/api/interchange.js';
import type { SessionUser } from '../../shared/api/session.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { AppError } from '../http/app-error.js';
import type { LetterStateService } from '../signoff/letter-state-service.js';
import type { VersionLetter } from '../../shared/api/versions.js';
import type { Store } from '../store/store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { exportFileName } from './export-file-name.js';
import { readLetterAnnotations } from './letter-annotations.js';
import { readSuggestionAuthors } from './letter-suggestions.js';
import type { ExportTask } from './export-worker.js';
import type { WorkerPool, WorkerRefusalCodes } from './worker-pool.js';

/** An export that happened, for the audit trail. */
export interface ExportedEvent {
  user: SessionUser;
  letterId: string;
  format: ExportFormat;
  /** Set when a saved version was exported rather than the current text. */
  versionId?: string;
}

/** What to put in the file besides the letter. */
export interface ExportOptions {
  versionId?: string | undefined;
  /** Open threads and reservations: Word comments, or a PDF appendix; ignored for Markdown and saved versions. */
  withComments?: boolean;
}

/** A saved version's name and body (ProseMirror JSON), or null if the letter has no such version. */
/** A saved version's name, body and (when it kept them) the letter's details and signatories then. */
export type SavedVersionReader = (
  letterId: string,
  versionId: string,
) => Promise<{ name: string; body: JSONContent; letter?: VersionLetter | null } | null>;

export interface ExportServiceDeps {
  store: Store;
  state: LetterStateService;
  registry: RoomRegistry;
  /** Records the export (audit trail); an export whose recording fails is not handed out. */
  onExported: (event: ExportedEvent) => void | Promise<void>;
  /** Reads saved versions; without it, `?version=` answers 404. */
  readSavedVersion?: SavedVersionReader;
  /** Writes the files off the event loop, within its limits. */
  workers: WorkerPool;
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

const fileTypes: Record<ExportFormat, { contentType: string; extension: string }> = {
  [ExportFormat.docx]: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  [ExportFormat.pdf]: { contentType: 'application/pdf', extension: 'pdf' },
  [ExportFormat.markdown]: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
};

const exportWorker = new URL('./export-worker.ts', import.meta.url);
const exportRefusals: WorkerRefusalCodes = { busy: ErrorCode.exportBusy, overLimit: ErrorCode.exportOverLimit };

/** Letters as files. The route has checked that the person may read the letter. */
export class ExportService {
  constructor(private readonly deps: ExportServiceDeps) {}

  async export(user: SessionUser, letterId: string, format: ExportFormat, options: ExportOptions = {}): Promise<ExportedFile> {
    const { versionId } = options;
    const withComments = options.withComments === true && !versionId && format !== ExportFormat.markdown;
    let title = '';
    // A long letter takes seconds and hundreds of megabytes to lay out: a worker thread does it.
    const bytes = await this.deps.workers.run<ExportTask, Uint8Array>(
      user.id,
      exportWorker,
      async () => {
        const task = await this.exportTask(letterId, format, versionId, withComments);
        title = task.record.title;
        return task;
      },
      exportRefusals,
    );
    await this.deps.onExported({ user, letterId, format, ...(versionId ? { versionId } : {}) });
    const fileType = fileTypes[format];
    return { fileName: exportFileName(title, fileType.extension), contentType: fileType.contentType, bytes };
  }

  /** The letter's record with the current text, or with a saved version's text, as plain data for a worker. */
  private async exportTask(letterId: string, format: ExportFormat, versionId: string | undefined, withComments: boolean): Promise<ExportTask> {
    const letter = await this.deps.store.letters.getLetter(letterId);
    if (!letter) throw AppError.notFound('This letter');
    const course = await this.deps.state.course(letterId);
    const version = versionId ? await this.savedVersion(letterId, versionId) : null;
    const body = version?.body ?? (await this.deps.registry.readText(letterId, (doc) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(bodyFieldName)) as JSONContent));
    return {
      format,
      // A saved version exports as the letter was: its details and signatories when it was saved.
      record: {
        title: version?.letter?.title ?? letter.title,
        subject: version?.letter?.subject ?? letter.subject,
        addressees: version?.letter?.addressees ?? letter.addressees,
        letterDate: version?.letter ? version.letter.letterDate : letter.letterDate,
        status: course.status,
        signatories: version?.letter?.signatories ?? course.signatories,
        finalSignatures: course.finalSignatures,
        body,
        annotations: withComments ? await readLetterAnnotations(this.deps.store, this.deps.registry, letterId) : null,
        suggestionAuthors: await readSuggestionAuthors(this.deps.store, body),
        language: (await this.deps.store.accounts.getLetterLanguage(letterId)) ?? sourceLanguage,
      },
      version: version && versionId ? { id: versionId, name: version.name } : null,
    };
  }

  private async savedVersion(letterId: string, versionId: string) {
    const version = await this.deps.readSavedVersion?.(letterId, versionId);
    if (!version) throw AppError.notFound('This version of the letter');
    return version;
  }
}
