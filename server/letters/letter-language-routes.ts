import { Hono } from 'hono';
import { letterLanguageSchema } from '../../shared/i18n/language-choice.js';
import { Permission } from '../../shared/domain/permissions.js';
import { readJsonBody } from '../http/read-json-body.js';
import { AppError } from '../http/app-error.js';
import type { Store } from '../store/store.js';
import { letterPermission, type LetterAccess, type LetterEnv } from './letter-access.js';

/**
 * `PUT /letters/:id/language` (whoever may edit the letter's details: its coordinator): the
 * language the letter is written in, one of the supported interface languages.
 */
export function letterLanguageRoutes(access: LetterAccess, store: Store): Hono<LetterEnv> {
  const routes = new Hono<LetterEnv>();

  routes.put('/letters/:letterId/language', letterPermission(access, Permission.editDetails), async (c) => {
    const { language } = await readJsonBody(c, letterLanguageSchema);
    if (!(await store.accounts.setLetterLanguage(c.get('letterId'), language))) throw AppError.notFound('This letter');
    return c.json({ language });
  });

  return routes;
}
