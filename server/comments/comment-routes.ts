import { Hono } from 'hono';
import {
  commentRequestSchema,
  commentSettingsSchema,
  liftReservationRequestSchema,
  newThreadRequestSchema,
  reservationRequestSchema,
  threadStatusRequestSchema,
  type ReservationList,
  type ReservationResponse,
  type ThreadList,
  type ThreadResponse,
} from '../../shared/api/comments.js';
import { Permission } from '../../shared/domain/permissions.js';
import { readJsonBody } from '../http/read-json-body.js';
import { letterPermission, type LetterAccess, type LetterEnv } from '../letters/letter-access.js';
import type { CommentService } from './comment-service.js';
import type { ReservationService } from './reservation-service.js';

export interface CommentRouteDeps {
  access: LetterAccess;
  comments: CommentService;
  reservations: ReservationService;
}

/** Comment threads and reservations under `/letters/:letterId` (see README, "Comments and reservations"). */
export function commentRoutes({ access, comments, reservations }: CommentRouteDeps): Hono<LetterEnv> {
  const routes = new Hono<LetterEnv>();
  // Every route needs a reader at least, so an outsider gets 404 before anything else is looked at.
  const reader = letterPermission(access, Permission.readLetter);
  const user = (c: { get: (key: 'user') => LetterEnv['Variables']['user'] }) => c.get('user')!;

  routes.get('/letters/:letterId/threads', reader, async (c) => c.json<ThreadList>(await comments.list(user(c), c.get('letterId'))));

  routes.post('/letters/:letterId/threads', reader, async (c) => {
    const request = await readJsonBody(c, newThreadRequestSchema);
    return c.json<ThreadResponse>({ thread: await comments.startThread(user(c), c.get('letterId'), request) }, 201);
  });

  routes.post('/letters/:letterId/threads/:threadId/comments', reader, async (c) => {
    const { body } = await readJsonBody(c, commentRequestSchema);
    return c.json<ThreadResponse>({ thread: await comments.reply(user(c), c.get('letterId'), c.req.param('threadId'), body) }, 201);
  });

  routes.put('/letters/:letterId/threads/:threadId/status', reader, async (c) => {
    const { status } = await readJsonBody(c, threadStatusRequestSchema);
    return c.json<ThreadResponse>({ thread: await comments.setStatus(user(c), c.get('letterId'), c.req.param('threadId'), status) });
  });

  routes.put('/letters/:letterId/comments/:commentId', reader, async (c) => {
    const { body } = await readJsonBody(c, commentRequestSchema);
    return c.json<ThreadResponse>({ thread: await comments.edit(user(c), c.get('letterId'), c.req.param('commentId'), body) });
  });

  routes.delete('/letters/:letterId/comments/:commentId', reader, async (c) =>
    c.json<ThreadResponse>({ thread: await comments.withdraw(user(c), c.get('letterId'), c.req.param('commentId')) }),
  );

  routes.put('/letters/:letterId/comment-settings', reader, async (c) => {
    const settings = await readJsonBody(c, commentSettingsSchema);
    return c.json(await comments.setSettings(user(c), c.get('letterId'), settings));
  });

  routes.get('/letters/:letterId/reservations', reader, async (c) =>
    c.json<ReservationList>({ reservations: await reservations.list(user(c), c.get('letterId')) }),
  );

  routes.post('/letters/:letterId/paragraphs/:paragraphId/reservations', reader, async (c) => {
    const request = await readJsonBody(c, reservationRequestSchema);
    const reservation = await reservations.enter(user(c), c.get('letterId'), c.req.param('paragraphId'), request);
    return c.json<ReservationResponse>({ reservation }, 201);
  });

  routes.post('/letters/:letterId/reservations/:reservationId/lift', reader, async (c) => {
    const { note } = await readJsonBody(c, liftReservationRequestSchema);
    return c.json<ReservationResponse>({ reservation: await reservations.lift(user(c), c.get('letterId'), c.req.param('reservationId'), note) });
  });

  return routes;
}
