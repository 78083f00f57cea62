import { t } from '../i18n/translate.js';
import { ExportComments, type ExportFormat } from '../../shared/api/interchange.js';
import { ApiError, ClientErrorCode } from './api-error.js';
import { readError } from './request-json.js';

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * The letter (or one saved version of it) as a file in one format, with the name the server gave
 * it; `withComments` adds the open threads and reservations (Word comments, a PDF appendix).
 */
export async function downloadExport(letterId: string, format: ExportFormat, versionId?: string, withComments = false): Promise<DownloadedFile> {
  let response: Response;
  const version = versionId ? `&version=${encodeURIComponent(versionId)}` : '';
  const comments = withComments ? `&comments=${ExportComments.include}` : '';
  try {
    response = await fetch(`/api/letters/${encodeURIComponent(letterId)}/export?format=${format}${version}${comments}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, ClientErrorCode.network, t('api.couldNotReachTheServer'));
  }
  if (!response.ok) throw await readError(response);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition'), format) };
}

/** The UTF-8 name of a Content-Disposition (RFC 6266), else its plain name, else a generic one. */
export function fileNameOf(disposition: string | null, format: ExportFormat): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // Fall through to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? `letter.${format === 'markdown' ? 'md' : format}`;
}
