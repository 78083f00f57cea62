import { z } from 'zod';
import { Role } from '../../shared/domain/roles.js';
import { LetterStatus } from '../../shared/api/letters.js';
import type { RelayedMessage } from '../sync/letter-relay.js';

/** Binary fields travel as base64 inside JSON: readable in `redis-cli monitor`, and small next to the text they carry. */
const bytes = z.string().transform((text) => new Uint8Array(Buffer.from(text, 'base64')));
const roles = z.array(z.enum(Object.values(Role) as [Role, ...Role[]]));

const owners = z.array(z.tuple([z.number().int(), z.string()]));

const relayedMessageSchema = z.discriminatedUnion('kind', [
  // An instance of the release before sends text without owners; the store has them for a catch-up.
  z.object({ kind: z.literal('text'), update: bytes, owners: owners.default([]) }),
  z.object({ kind: z.literal('presence'), update: bytes, owners }),
  z.object({ kind: z.literal('presence-query') }),
  z.object({ kind: z.literal('catch-up') }),
  z.object({ kind: z.literal('letter-state'), message: bytes }),
  z.object({ kind: z.literal('signed-off'), paragraphIds: z.array(z.string().max(200)).max(10_000) }),
  z.object({ kind: z.literal('access'), userId: z.string(), roles }),
  z.object({ kind: z.literal('frozen'), status: z.enum(Object.values(LetterStatus) as [LetterStatus, ...LetterStatus[]]), editorIds: z.array(z.string()) }),
]);

const letterEnvelopeSchema = z.object({ from: z.string(), message: relayedMessageSchema });
const sessionsEnvelopeSchema = z.object({ from: z.string(), sessionIds: z.array(z.string()) });

const toBase64 = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');

/** A letter's message as published, with the id of the instance that sent it (it ignores its own). */
export function encodeLetterEnvelope(from: string, message: RelayedMessage): string {
  return JSON.stringify({ from, message }, (_key, value: unknown) => (value instanceof Uint8Array ? toBase64(value) : value));
}

export function decodeLetterEnvelope(text: string): { from: string; message: RelayedMessage } | null {
  const parsed = letterEnvelopeSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}

export function encodeSessionsEnvelope(from: string, sessionIds: string[]): string {
  return JSON.stringify({ from, sessionIds });
}

export function decodeSessionsEnvelope(text: string): { from: string; sessionIds: string[] } | null {
  const parsed = sessionsEnvelopeSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
