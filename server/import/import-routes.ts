import { Hono } from 'hono';
import { importOptionsSchema, type ImportPreview } from '../../shared/api/interchange.js';
import type { LetterDetail } from '../../shared/api/letters.js';
import { requireUser } from '../auth/session-middleware.js';
import type { AppEnv } from '../http/app-env.js';
import type { ImportService } from './import-service.js';
import { readJsonField, readUpload } from './read-upload.js';

/**
 * `POST /imports/preview` reads a file and says what letter it would make; `POST /imports` makes
 * it. Anyone signed in may start a letter, from a file as from the form.
 */
export function importRoutes(imports: ImportService): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  for (const path of ['/imports', '/imports/*']) routes.use(path, requireUser);

  routes.post('/imports/preview', async (c) => {
    const { file } = await readUpload(c);
    return c.json<ImportPreview>(await imports.preview(c.get('user')!, file));
  });

  routes.post('/imports', async (c) => {
    const { file, fields } = await readUpload(c);
    const options = readJsonField(fields, 'options', importOptionsSchema);
    return c.json<LetterDetail>(await imports.importLetter(c.get('user')!, file, options), 201);
  });

  return routes;
}
