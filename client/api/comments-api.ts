import {
  type CommentSettingsRequest,
  commentSettingsSchema,
  type LiftReservationRequest,
  type NewThreadRequest,
  type ReservationRequest,
  type ReservationResponse,
  reservationResponseSchema,
  type ThreadResponse,
  threadResponseSchema,
  type ThreadStatus,
} from '../../shared/api/comments.js';
import { requestJson } from './request-json.js';

const letterBase = (letterId: string) => `/api/letters/${encodeURIComponent(letterId)}`;

export function startThread(letterId: string, request: NewThreadRequest): Promise<ThreadResponse> {
  return requestJson(`${letterBase(letterId)}/threads`, threadResponseSchema, { method: 'POST', body: request });
}

export function replyToThread(letterId: string, threadId: string, body: string): Promise<ThreadResponse> {
  return requestJson(`${letterBase(letterId)}/threads/${encodeURIComponent(threadId)}/comments`, threadResponseSchema, { method: 'POST', body: { body } });
}

export function setThreadStatus(letterId: string, threadId: string, status: ThreadStatus): Promise<ThreadResponse> {
  return requestJson(`${letterBase(letterId)}/threads/${encodeURIComponent(threadId)}/status`, threadResponseSchema, { method: 'PUT', body: { status } });
}

export function editComment(letterId: string, commentId: string, body: string): Promise<ThreadResponse> {
  return requestJson(`${letterBase(letterId)}/comments/${encodeURIComponent(commentId)}`, threadResponseSchema, { method: 'PUT', body: { body } });
}

export function withdrawComment(letterId: string, commentId: string): Promise<ThreadResponse> {
  return requestJson(`${letterBase(letterId)}/comments/${encodeURIComponent(commentId)}`, threadResponseSchema, { method: 'DELETE' });
}

export function saveCommentSettings(letterId: string, settings: CommentSettingsRequest) {
  return requestJson(`${letterBase(letterId)}/comment-settings`, commentSettingsSchema, { method: 'PUT', body: settings });
}

export function enterReservation(letterId: string, paragraphId: string, request: ReservationRequest): Promise<ReservationResponse> {
  return requestJson(`${letterBase(letterId)}/paragraphs/${encodeURIComponent(paragraphId)}/reservations`, reservationResponseSchema, {
    method: 'POST',
    body: request,
  });
}

export function liftReservation(letterId: string, reservationId: string, request: LiftReservationRequest): Promise<ReservationResponse> {
  return requestJson(`${letterBase(letterId)}/reservations/${encodeURIComponent(reservationId)}/lift`, reservationResponseSchema, {
    method: 'POST',
    body: request,
  });
}
