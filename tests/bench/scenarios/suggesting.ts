import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { bodyFieldName } from '../../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../../shared/domain/letter-schema.js';
import { SuggestionKind, type SuggestionAttributes, type SuggestionAuthor } from '../../../shared/domain/suggestions.js';
import { deriveSchemaRules } from '../../../server/sync/schema-rules.js';
import { SuggestionGuard } from '../../../server/sync/suggestion-guard.js';
import { checkUpdate, decodeIncomingUpdate } from '../../../server/sync/update-guard.js';
import { changeOf } from '../../integration/harness/letter-body.js';
import { measure, type Timing } from '../measure.js';

export interface SuggestingScenarioOptions {
  paragraphs: number;
  /** Open suggestions spread over the letter before typing starts. */
  suggestions: number;
  keystrokes: number;
}

export interface SuggestingScenarioResult {
  options: SuggestingScenarioOptions;
  /** An editor typing plain words: the checks every update passes, then applying it. */
  normalTyping: Timing;
  /** A suggest-only approver typing one proposal, keystroke by keystroke (rule S13). */
  suggestOnlyTyping: Timing;
  /** An editor in suggesting mode typing one proposal of their own. */
  editorSuggesting: Timing;
  /** A hostile editor re-sending a copy of someone else's suggestion (moved within its paragraph) with every update. */
  copyOfOthers: Timing;
}

const sentence = 'The ministers agree that a common answer at the external border serves every Member State. ';
const rules = deriveSchemaRules(letterSchema());

const helena: SuggestionAuthor = { userId: 'user-helena', name: 'Helena Virtanen', officeId: 'fi-interior' };
const kadri: SuggestionAuthor = { userId: 'user-kadri', name: 'Kadri Tamm', officeId: 'ee-interior' };
const aino: SuggestionAuthor = { userId: 'user-aino', name: 'Aino Mäkelä', officeId: 'fi-interior' };
const at = '2026-12-01T10:00:00.000Z';
const attributesOf = (author: SuggestionAuthor, id: string): SuggestionAttributes => ({ id, authorId: author.userId, authorName: author.name, officeId: author.officeId, time: at });

/** A letter of `paragraphs` paragraphs of about 400 characters; the first `suggestions` of them hold a proposal each, by Kadri or Aino. */
function buildLetter({ paragraphs, suggestions }: SuggestingScenarioOptions): Y.Doc {
  const content = Array.from({ length: paragraphs }, (_, i) => {
    const text = [{ type: 'text', text: `${i}. ${sentence.repeat(4)}` }] as { type: string; text: string; marks?: unknown[] }[];
    if (i < suggestions) {
      const author = i % 2 === 0 ? kadri : aino;
      const kind = i % 3 === 0 ? SuggestionKind.deletion : SuggestionKind.insertion;
      text.push({ type: 'text', text: ' as proposed', marks: [{ type: kind, attrs: attributesOf(author, `suggestion-${String(i).padStart(4, '0')}`) }] });
    }
    return { type: 'paragraph', attrs: { id: `p${i}` }, content: text };
  });
  return prosemirrorJSONToYDoc(letterSchema(), { type: 'doc', content }, bodyFieldName);
}

const textOf = (doc: Y.Doc, paragraph: number) => (doc.getXmlFragment(bodyFieldName).get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;

/** One person's client of the letter: each keystroke is the update it would send. */
function clientOf(server: Y.Doc) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
  return (change: (doc: Y.Doc) => void): Uint8Array => changeOf(doc, () => change(doc));
}

/** What the room does with an update of an editor or a suggest-only connection: every check, then applying it. */
function admitter(server: Y.Doc) {
  const guard = new SuggestionGuard(server, bodyFieldName);
  return (update: Uint8Array, author: SuggestionAuthor, canEdit: boolean) => {
    const decoded = decodeIncomingUpdate(update);
    checkUpdate(server, decoded, rules, bodyFieldName);
    guard.admit(decoded, author, canEdit);
    Y.applyUpdate(server, update);
  };
}

/**
 * Times the server's work on `updates` sent one after the other (the last `runs` of them; the
 * others warm up), so that the client's work to make them is not counted.
 */
function timeAdmitting(updates: Uint8Array[], admit: (update: Uint8Array) => void, runs: number): Timing {
  let next = 0;
  return measure(() => admit(updates[next++]!), runs, updates.length - runs);
}

/**
 * Typing in suggesting mode on a letter with open suggestions, against typing plain words: the
 * server's work per keystroke (decode, schema and suggestion checks, apply), in process. Each kind
 * of typing runs on a letter of its own, so that one does not grow the letter for the next.
 */
export function runSuggestingScenario(options: SuggestingScenarioOptions): SuggestingScenarioResult {
  const runs = options.keystrokes;
  const count = runs + Math.ceil(runs / 10);
  const target = Math.min(options.paragraphs - 1, options.suggestions + Math.floor((options.paragraphs - options.suggestions) / 2));
  const typing = (author: SuggestionAuthor, canEdit: boolean, marks?: Record<string, unknown>): Timing => {
    const server = buildLetter(options);
    const send = clientOf(server);
    const admit = admitter(server);
    const updates = Array.from({ length: count }, (_, keystroke) =>
      send((doc) => textOf(doc, target).insert(textOf(doc, target).length, String.fromCharCode(97 + (keystroke % 26)), marks)),
    );
    return timeAdmitting(updates, (update) => admit(update, author, canEdit), runs);
  };
  const normalTyping = typing(helena, true);
  const suggestOnlyTyping = typing(kadri, false, { [SuggestionKind.insertion]: attributesOf(kadri, 'suggestion-typed-by-kadri') });
  const editorSuggesting = typing(helena, true, { [SuggestionKind.insertion]: attributesOf(helena, 'suggestion-typed-by-helena') });

  // Kadri's proposal " as proposed" ends paragraph 0: the editor moves it to the start and back, one move per update.
  const server = buildLetter(options);
  const send = clientOf(server);
  const admit = admitter(server);
  const others = { [SuggestionKind.deletion]: attributesOf(kadri, 'suggestion-0000') };
  const proposal = ' as proposed';
  const moves = Array.from({ length: count }, (_, move) =>
    send((doc) =>
      doc.transact(() => {
        const text = textOf(doc, 0);
        const toStart = move % 2 === 0;
        text.delete(toStart ? text.length - proposal.length : 0, proposal.length);
        text.insert(toStart ? 0 : text.length, proposal, others);
      }),
    ),
  );
  const copyOfOthers = timeAdmitting(moves, (update) => admit(update, helena, true), runs);
  return { options, normalTyping, suggestOnlyTyping, editorSuggesting, copyOfOthers };
}
