import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { ExportFormat } from '../../shared/api/interchange.js';
import type { SessionUser } from '../../shared/api/session.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { AppError } from '../http/app-error.js';
import type { LetterStateService } from '../signoff/letter-state-service.js';
import type { Store } from '../store/store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { exportFileName } from './export-file-name.js';
import { letterSnapshot, type LetterSnapshot } from './letter-snapshot.js';

/** An export that happened, for the audit trail. */
export interface ExportedEvent {
  user: SessionUser;
  letterId: string;
  format: ExportFormat;
  /** Set when a saved version was exported rather than the current text. */
  versionId?: string;
}

/** A saved version's name and body (ProseMirror JSON), or null if the letter has no such version. */
export type SavedVersionReader = (letterId: string, versionId: string) => Promise<{ name: string; body: JSONContent } | null>;

export interface ExportServiceDeps {
  store: Store;
  state: LetterStateService;
  registry: RoomRegistry;
  /** Records the export (audit trail); an export whose recording fails is not handed out. */
  onExported: (event: ExportedEvent) => void | Promise<void>;
  /** Reads saved versions; without it, `?version=` answers 404. */
  readSavedVersion?: SavedVersionReader;
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

// The writers and their libraries load on the first export, not when the server starts.
const writers: Record<ExportFormat, { contentType: string; extension: string; write: (snapshot: LetterSnapshot) => Promise<Uint8Array> }> = {
  [ExportFormat.docx]: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    write: async (snapshot) => (await import('./letter-to-docx.js')).letterToDocx(snapshot),
  },
  [ExportFormat.pdf]: { contentType: 'application/pdf', extension: 'pdf', write: async (snapshot) => (await import('./letter-to-pdf.js')).letterToPdf(snapshot) },
  [ExportFormat.markdown]: {
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    write: async (snapshot) => new TextEncoder().encode((await import('./letter-to-markdown.js')).letterToMarkdown(snapshot)),
  },
};

/** Letters as files. The route has checked that the person may read the letter. */
export class ExportService {
  constructor(private readonly deps: ExportServiceDeps) {}

  async export(user: SessionUser, letterId: string, format: ExportFormat, versionId?: string): Promise<ExportedFile> {
    const snapshot = await this.snapshot(letterId, versionId);
    const writer = writers[format];
    const bytes = await writer.write(snapshot);
    await this.deps.onExported({ user, letterId, format, ...(versionId ? { versionId } : {}) });
    return { fileName: exportFileName(snapshot.title, writer.extension), contentType: writer.contentType, bytes };
  }

  /** The letter's record with the current text, or with a saved version's text. */
  async snapshot(letterId: string, versionId?: string): Promise<LetterSnapshot> {
    const letter = await this.deps.store.letters.getLetter(letterId);
    if (!letter) throw AppError.notFound('This letter');
    const course = await this.deps.state.course(letterId);
    const version = versionId ? await this.savedVersion(letterId, versionId) : null;
    const body = version?.body ?? (await this.deps.registry.readText(letterId, (doc) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(bodyFieldName)) as JSONContent));
    return letterSnapshot(
      {
        title: letter.title,
        subject: letter.subject,
        addressees: letter.addressees,
        letterDate: letter.letterDate,
        status: course.status,
        signatories: course.signatories,
        finalSignatures: course.finalSignatures,
        body,
      },
      version && versionId ? { id: versionId, name: version.name } : null,
    );
  }

  private async savedVersion(letterId: string, versionId: string) {
    const version = await this.deps.readSavedVersion?.(letterId, versionId);
    if (!version) throw AppError.notFound('This version of the letter');
    return version;
  }
}
