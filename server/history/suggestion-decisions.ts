import type * as Y from 'yjs';
import { AuditKind } from '../../shared/api/audit.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { LetterStatus } from '../../shared/api/letters.js';
import type { SessionUser } from '../../shared/api/session.js';
import type {
  OfficeSuggestionDecisionRequest,
  OfficeSuggestionDecisionResponse,
  SuggestionDecisionRequest,
  SuggestionDecisionResponse,
} from '../../shared/api/suggestions.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { isFrozen, isTextReadOnly } from '../../shared/domain/letter-course.js';
import { Permission } from '../../shared/domain/permissions.js';
import { SuggestionDecision, openSuggestions, settleSuggestions } from '../../shared/domain/suggestions.js';
import { letterTextBlocks, textBlockJson } from '../../shared/domain/yjs-text-blocks.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import { AppError } from '../http/app-error.js';
import type { LetterAccess } from '../letters/letter-access.js';
import type { Store } from '../store/store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { ServerEdit } from '../sync/server-edit.js';

export interface SuggestionDecisionDeps {
  store: Store;
  access: LetterAccess;
  registry: RoomRegistry;
}

const conflict = (message: string) => new AppError(409, ErrorCode.conflict, message);

function readOnlyMessage(status: LetterStatus): string {
  return isFrozen(status)
    ? 'The letter is signed; reopen it before changing its text.'
    : 'The letter is ready to sign, so its text is read-only. Move it back to review to change it.';
}

/**
 * Accepts, rejects or withdraws suggestions of one paragraph (rule S13) as a change of the text
 * made by the server for the person asking: a paragraph revision attributed to them, an audit
 * event, sent to everyone like any edit. Accepting and rejecting need the right to edit; withdrawing
 * needs the right to suggest, and only the person's own suggestions. `hash` is the paragraph as
 * the person saw it; if it changed since, nothing is decided.
 */
export async function decideSuggestions(
  deps: SuggestionDecisionDeps,
  user: SessionUser,
  letterId: string,
  paragraphId: string,
  request: SuggestionDecisionRequest,
): Promise<SuggestionDecisionResponse> {
  const isWithdrawal = request.decision === SuggestionDecision.withdraw;
  await deps.access.require(user, letterId, isWithdrawal ? Permission.suggest : Permission.editText);
  const letter = await deps.store.letters.getLetter(letterId);
  if (!letter) throw AppError.notFound('This letter');
  if (isTextReadOnly(letter.status)) throw conflict(readOnlyMessage(letter.status));

  return deps.registry.withRoom(letterId, async (room) => {
    const paragraph = letterTextBlocks(room.doc.getXmlFragment(bodyFieldName)).find((block) => block.id === paragraphId);
    const current = paragraph && currentParagraphs(room.doc).find((candidate) => candidate.id === paragraphId);
    if (!paragraph || !current) throw AppError.notFound('This paragraph');
    if (room.isTextReadOnly) throw conflict(readOnlyMessage(LetterStatus.ready));
    if (current.hash !== request.hash) throw conflict('The paragraph changed since you read it. Nothing was decided: look at it again.');
    const open = new Map(openSuggestions(paragraphId, textBlockJson(paragraph.element)).map((suggestion) => [suggestion.id, suggestion]));
    const missing = request.suggestionIds.filter((id) => !open.has(id));
    if (missing.length > 0) throw conflict('A suggestion you named is no longer open in this paragraph. Nothing was decided.');
    if (isWithdrawal && request.suggestionIds.some((id) => open.get(id)!.authorId !== user.id)) {
      throw AppError.forbidden('Only the person who made a suggestion withdraws it.');
    }
    const ids = new Set(request.suggestionIds);
    const origin = new ServerEdit({ userId: user.id, officeId: user.office.id });
    const audit = [
      auditDraft(AuditKind.suggestionsDecided, actorOf(user), letterId, {
        paragraphId,
        decision: request.decision,
        suggestionIds: request.suggestionIds,
        fromHash: current.hash,
      }),
    ];
    await room.applyServerEdit(origin, () => settleSuggestions(paragraph.element, ids, request.decision), audit);
    const decided = currentParagraphs(room.doc).find((candidate) => candidate.id === paragraphId)!;
    return { hash: decided.hash, text: decided.text };
  });
}

/**
 * Accepts or rejects all of one office's open suggestions in the letter (rule S13), in one change
 * made by the server for the person asking: one paragraph revision per paragraph it changes, all
 * attributed to them, and one audit event. Needs the right to edit. `paragraphs` are the paragraphs
 * in which the person saw that office's suggestions, each with its hash as they saw it: if one
 * changed since, or the office has open suggestions in a paragraph not named, nothing is decided.
 */
export async function decideOfficeSuggestions(
  deps: SuggestionDecisionDeps,
  user: SessionUser,
  letterId: string,
  request: OfficeSuggestionDecisionRequest,
): Promise<OfficeSuggestionDecisionResponse> {
  await deps.access.require(user, letterId, Permission.editText);
  const letter = await deps.store.letters.getLetter(letterId);
  if (!letter) throw AppError.notFound('This letter');
  if (isTextReadOnly(letter.status)) throw conflict(readOnlyMessage(letter.status));

  return deps.registry.withRoom(letterId, async (room) => {
    if (room.isTextReadOnly) throw conflict(readOnlyMessage(LetterStatus.ready));
    const blocks = new Map(letterTextBlocks(room.doc.getXmlFragment(bodyFieldName)).map((block) => [block.id, block.element]));
    const paragraphs = currentParagraphs(room.doc);
    const hashes = new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph.hash]));
    const named = new Map(request.paragraphs.map((paragraph) => [paragraph.paragraphId, paragraph.hash]));
    const unseen = paragraphs.filter(
      (paragraph) => !named.has(paragraph.id) && (paragraph.suggestions ?? []).some((suggestion) => suggestion.officeId === request.officeId),
    );
    if (unseen.length > 0) throw conflict('This office has suggestions you have not seen yet. Nothing was decided: look at the list again.');

    const settle: { paragraphId: string; element: Y.XmlElement; ids: Set<string>; fromHash: string }[] = [];
    for (const [paragraphId, hash] of named) {
      const element = blocks.get(paragraphId);
      if (!element) throw AppError.notFound('This paragraph');
      if (hashes.get(paragraphId) !== hash) throw conflict('A paragraph changed since you read it. Nothing was decided: look at it again.');
      const ids = openSuggestions(paragraphId, textBlockJson(element))
        .filter((suggestion) => suggestion.officeId === request.officeId)
        .map((suggestion) => suggestion.id);
      if (ids.length === 0) throw conflict('A paragraph you named no longer has suggestions of this office. Nothing was decided.');
      settle.push({ paragraphId, element, ids: new Set(ids), fromHash: hash });
    }

    const origin = new ServerEdit({ userId: user.id, officeId: user.office.id });
    const decided = settle.reduce((sum, paragraph) => sum + paragraph.ids.size, 0);
    const audit = [
      auditDraft(AuditKind.suggestionsDecided, actorOf(user), letterId, {
        decision: request.decision,
        officeId: request.officeId,
        paragraphs: settle.map(({ paragraphId, ids, fromHash }) => ({ paragraphId, suggestionIds: Array.from(ids), fromHash })),
      }),
    ];
    await room.applyServerEdit(
      origin,
      () => settle.forEach((paragraph) => settleSuggestions(paragraph.element, paragraph.ids, request.decision)),
      audit,
    );
    const after = new Map(currentParagraphs(room.doc).map((paragraph) => [paragraph.id, paragraph]));
    return {
      decided,
      paragraphs: settle.map(({ paragraphId }) => ({ paragraphId, hash: after.get(paragraphId)!.hash, text: after.get(paragraphId)!.text })),
    };
  });
}
