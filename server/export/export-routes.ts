import { Hono } from 'hono';
import { ErrorCode } from '../../shared/api/errors.js';
import { ExportComments, exportQuerySchema } from '../../shared/api/interchange.js';
import { Permission } from '../../shared/domain/permissions.js';
import { AppError } from '../http/app-error.js';
import { letterPermission, type LetterAccess, type LetterEnv } from '../letters/letter-access.js';
import { attachmentDisposition } from './export-file-name.js';
import type { ExportService } from './export-service.js';

/** `GET /letters/:letterId/export?format=docx|pdf|markdown[&version=id][&comments=include]`: the letter as a download. */
export function exportRoutes(access: LetterAccess, exports: ExportService): Hono<LetterEnv> {
  const routes = new Hono<LetterEnv>();

  routes.get('/letters/:letterId/export', letterPermission(access, Permission.exportLetter), async (c) => {
    const parsed = exportQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw new AppError(400, ErrorCode.validationFailed, 'format: choose docx, pdf or markdown');
    const file = await exports.export(c.get('user')!, c.get('letterId'), parsed.data.format, {
      versionId: parsed.data.version,
      withComments: parsed.data.comments === ExportComments.include,
    });
    c.header('Content-Type', file.contentType);
    c.header('Content-Disposition', attachmentDisposition(file.fileName));
    c.header('Cache-Control', 'no-store');
    return c.body(file.bytes as Uint8Array<ArrayBuffer>);
  });

  return routes;
}
