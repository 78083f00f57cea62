import type { AuditEvent } from '../../shared/api/audit.js';
import type { AuditRecord, Store } from '../store/store.js';

/** A paragraph of the letter now, as the audit page names it. */
export interface NamedParagraph {
  id: string;
  number: number;
  text: string;
}

const openingWordCount = 8;

/**
 * Stored audit records as the screens show them: with the actor's name and, for an event about a
 * paragraph, its number in `paragraphs` (the letter now) and opening words; a paragraph no longer
 * in the letter is named by the words of its last revision.
 */
export async function describeAuditRecords(store: Store, records: AuditRecord[], paragraphs: readonly NamedParagraph[] = []): Promise<AuditEvent[]> {
  const users = new Map((await store.accounts.listUsers()).map((user) => [user.id, user]));
  const byId = new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  const named = new Map<string, NonNullable<AuditEvent['paragraph']>>();
  for (const record of records) {
    const paragraphId = paragraphIdOf(parseDetail(record.detail));
    if (!paragraphId || !record.letterId || named.has(paragraphId)) continue;
    const current = byId.get(paragraphId);
    if (current) {
      named.set(paragraphId, { number: current.number, opening: openingWords(current.text) });
    } else {
      const [latest] = await store.history.listRevisions(record.letterId, paragraphId);
      named.set(paragraphId, { number: null, opening: openingWords(latest ? revisionText(latest.content) : '') });
    }
  }
  return records.map((record) => describeRecord(record, users, named));
}

function describeRecord(
  record: AuditRecord,
  users: Map<string, { name: string }>,
  named: Map<string, NonNullable<AuditEvent['paragraph']>>,
): AuditEvent {
  const detail = parseDetail(record.detail);
  const paragraphId = paragraphIdOf(detail);
  const paragraph = paragraphId ? named.get(paragraphId) : undefined;
  return {
    seq: record.seq,
    at: record.at,
    kind: record.kind,
    actor: record.actorUserId
      ? { userId: record.actorUserId, name: users.get(record.actorUserId)?.name ?? 'unknown', officeId: record.actorOfficeId }
      : null,
    letterId: record.letterId,
    detail,
    previousHash: record.previousHash,
    hash: record.hash,
    ...(paragraph ? { paragraph } : {}),
  };
}

function paragraphIdOf(detail: Record<string, unknown>): string | null {
  const id = detail['paragraphId'];
  return typeof id === 'string' && id.length > 0 ? id : null;
}

function openingWords(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  return words.length > openingWordCount ? `${words.slice(0, openingWordCount).join(' ')}…` : words.join(' ');
}

/** The plain text of a stored revision's paragraph (editor JSON). */
function revisionText(content: { content?: { text?: string }[] }): string {
  return (content.content ?? []).map((node) => node.text ?? ' ').join('');
}

function parseDetail(detail: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    // A tampered row may not even be JSON any more; show it as it is, the verifier names it.
    return { unreadable: detail };
  }
}

/** The events as rows for a spreadsheet, one each, for the coordinator's records. */
export function auditRows(events: AuditEvent[]): string[][] {
  const header = ['seq', 'at', 'kind', 'actor', 'actor office', 'letter', 'detail', 'previous hash', 'hash'];
  const rows = events.map((event) => [
    String(event.seq),
    event.at,
    event.kind,
    event.actor?.name ?? '',
    event.actor?.officeId ?? '',
    event.letterId ?? '',
    JSON.stringify(event.detail),
    event.previousHash,
    event.hash,
  ]);
  return [header, ...rows];
}
