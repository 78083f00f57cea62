import { Hono } from 'hono';
import { type ParagraphHistory, type RestoreResponse, restoreRequestSchema } from '../../shared/api/history.js';
import {
  saveVersionRequestSchema,
  type VersionComparison,
  type VersionDetail,
  type VersionList,
  type VersionSummary,
  versionIdSchema,
  versionRefSchema,
} from '../../shared/api/versions.js';
import { Permission } from '../../shared/domain/permissions.js';
import { AppError } from '../http/app-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import { letterPermission, type LetterAccess, type LetterEnv } from '../letters/letter-access.js';
import type { HistoryService } from './history-service.js';
import type { VersionService } from './version-service.js';
import { decideOfficeSuggestions, decideSuggestions, type SuggestionDecisionDeps } from './suggestion-decisions.js';
import {
  officeSuggestionDecisionRequestSchema,
  suggestionDecisionRequestSchema,
  type OfficeSuggestionDecisionResponse,
  type SuggestionDecisionResponse,
} from '../../shared/api/suggestions.js';

export interface HistoryRouteDeps {
  access: LetterAccess;
  history: HistoryService;
  versions: VersionService;
  /** Accepting, rejecting and withdrawing suggestions (rule S13); the route is left out when absent. */
  suggestions?: SuggestionDecisionDeps;
}

/** Paragraph histories and restores; saved versions and their comparison. */
export function historyRoutes({ access, history, versions, suggestions }: HistoryRouteDeps): Hono<LetterEnv> {
  const routes = new Hono<LetterEnv>();
  const reader = letterPermission(access, Permission.readLetter);
  const editor = letterPermission(access, Permission.editText);
  const coordinator = letterPermission(access, Permission.manageLetter);

  routes.get('/letters/:letterId/paragraphs/:paragraphId/history', reader, async (c) =>
    c.json<ParagraphHistory>(await history.paragraph(c.get('user')!, c.get('letterId'), c.req.param('paragraphId'))),
  );

  routes.post('/letters/:letterId/paragraphs/:paragraphId/restore', editor, async (c) => {
    const request = await readJsonBody(c, restoreRequestSchema);
    return c.json<RestoreResponse>(await history.restore(c.get('user')!, c.get('letterId'), c.req.param('paragraphId'), request));
  });

  if (suggestions) {
    // Who may decide which suggestion depends on the decision: decideSuggestions checks it.
    routes.post('/letters/:letterId/paragraphs/:paragraphId/suggestions', reader, async (c) => {
      const request = await readJsonBody(c, suggestionDecisionRequestSchema);
      const paragraphId = c.req.param('paragraphId');
      return c.json<SuggestionDecisionResponse>(await decideSuggestions(suggestions, c.get('user')!, c.get('letterId'), paragraphId, request));
    });
    // All of one office's suggestions in the letter at once.
    routes.post('/letters/:letterId/suggestions', editor, async (c) => {
      const request = await readJsonBody(c, officeSuggestionDecisionRequestSchema);
      return c.json<OfficeSuggestionDecisionResponse>(await decideOfficeSuggestions(suggestions, c.get('user')!, c.get('letterId'), request));
    });
  }

  routes.get('/letters/:letterId/versions', reader, async (c) =>
    c.json<VersionList>({ versions: await versions.list(c.get('user')!, c.get('letterId')) }),
  );

  routes.post('/letters/:letterId/versions', coordinator, async (c) => {
    const { name } = await readJsonBody(c, saveVersionRequestSchema);
    return c.json<VersionSummary>(await versions.save(c.get('user')!, c.get('letterId'), name), 201);
  });

  routes.get('/letters/:letterId/versions/:versionId', reader, async (c) => {
    const versionId = c.req.param('versionId');
    if (!versionIdSchema.safeParse(versionId).success) throw AppError.notFound('This version');
    return c.json<VersionDetail>(await versions.detail(c.get('user')!, c.get('letterId'), versionId));
  });

  routes.get('/letters/:letterId/compare', reader, async (c) => {
    const from = versionRefSchema.safeParse(c.req.query('from'));
    const to = versionRefSchema.safeParse(c.req.query('to'));
    if (!from.success || !to.success) throw AppError.notFound('This version');
    return c.json<VersionComparison>(await versions.compare(c.get('user')!, c.get('letterId'), from.data, to.data));
  });

  return routes;
}
