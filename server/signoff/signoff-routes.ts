import { Hono } from 'hono';
import {
  finalSignatureRequestSchema,
  signatoriesRequestSchema,
  signoffDecisionSchema,
  signoffRequestSchema,
  statusChangeRequestSchema,
  type LetterStateMessage,
  type ParagraphSignoffHistory,
  type SignoffGrid,
  type SignoffResponse,
} from '../../shared/api/signoffs.js';
import { Permission } from '../../shared/domain/permissions.js';
import { readJsonBody } from '../http/read-json-body.js';
import { letterPermission, type LetterAccess, type LetterEnv } from '../letters/letter-access.js';
import type { LetterCourseService } from './letter-course-service.js';
import type { LetterStateService } from './letter-state-service.js';
import { signoffGridRows } from './signoff-grid.js';
import { csvDownload } from '../http/csv-download.js';
import type { SignoffService } from './signoff-service.js';

export interface SignoffRouteDeps {
  access: LetterAccess;
  signoffs: SignoffService;
  course: LetterCourseService;
  state: LetterStateService;
}

export function signoffRoutes({ access, signoffs, course, state }: SignoffRouteDeps): Hono<LetterEnv> {
  const routes = new Hono<LetterEnv>();
  const reader = letterPermission(access, Permission.readLetter);
  const approver = letterPermission(access, Permission.signOff);
  const coordinator = letterPermission(access, Permission.manageLetter);

  routes.get('/letters/:letterId/state', reader, async (c) => c.json<LetterStateMessage>(await state.full(c.get('letterId'))));

  routes.post('/letters/:letterId/signoffs', approver, async (c) => {
    const { items } = await readJsonBody(c, signoffRequestSchema);
    return c.json<SignoffResponse>({ signoffs: await signoffs.act(c.get('user')!, c.get('letterId'), items) }, 201);
  });

  routes.post('/letters/:letterId/paragraphs/:paragraphId/signoffs', approver, async (c) => {
    const item = await readJsonBody(c, signoffDecisionSchema);
    const paragraphId = c.req.param('paragraphId');
    return c.json<SignoffResponse>({ signoffs: await signoffs.act(c.get('user')!, c.get('letterId'), [{ ...item, paragraphId }]) }, 201);
  });

  routes.get('/letters/:letterId/paragraphs/:paragraphId/signoffs', reader, async (c) =>
    c.json<ParagraphSignoffHistory>({ acts: await signoffs.history(c.get('user')!, c.get('letterId'), c.req.param('paragraphId')) }),
  );

  routes.get('/letters/:letterId/signoff-grid', reader, async (c) => c.json<SignoffGrid>(await course.grid(c.get('user')!, c.get('letterId'))));

  routes.get('/letters/:letterId/signoff-grid.csv', reader, async (c) => {
    return csvDownload(c, 'sign-off.csv', signoffGridRows(await course.grid(c.get('user')!, c.get('letterId'))));
  });

  routes.post('/letters/:letterId/status', coordinator, async (c) => {
    const { to, reason } = await readJsonBody(c, statusChangeRequestSchema);
    await course.changeStatus(c.get('user')!, c.get('letterId'), to, reason);
    return c.json(await state.course(c.get('letterId')));
  });

  routes.post('/letters/:letterId/final-signatures', approver, async (c) => {
    const { letterHash } = await readJsonBody(c, finalSignatureRequestSchema);
    await course.sign(c.get('user')!, c.get('letterId'), letterHash);
    return c.json(await state.course(c.get('letterId')), 201);
  });

  routes.put('/letters/:letterId/signatories', coordinator, async (c) => {
    const request = await readJsonBody(c, signatoriesRequestSchema);
    await course.setSignatories(c.get('user')!, c.get('letterId'), request);
    return c.json(await state.course(c.get('letterId')));
  });

  return routes;
}
