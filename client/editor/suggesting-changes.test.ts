import { Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { SuggestionKind, newSuggestionAttributes, openSuggestions } from '../../shared/domain/suggestions.js';
import type { TextBlockJson } from '../../shared/domain/paragraph-hash.js';
import {
  type SuggestingResult,
  refusalWhileSuggesting,
  refusals,
  suggestInsertion,
  suggestKeyDeletion,
  suggestPaste,
} from './suggesting-changes.js';

const schema = letterSchema();
const kadri = { userId: 'user-kadri', name: 'Kadri Tamm', officeId: 'ee-interior' };
const aino = { userId: 'user-aino', name: 'Aino Mäkelä', officeId: 'fi-interior' };

function stateOf(...paragraphs: ProseMirrorNode[][]): EditorState {
  const doc = schema.node(
    'doc',
    null,
    paragraphs.map((content, index) => schema.node('paragraph', { id: `paragraph-${index + 1}` }, content)),
  );
  return EditorState.create({ schema, doc });
}

const text = (words: string, ...marks: ReturnType<typeof schema.mark>[]) => schema.text(words, marks);

function applied(state: EditorState, result: SuggestingResult): EditorState {
  if ('refused' in result) throw new Error(`refused: ${result.refused}`);
  return state.apply(result.transaction);
}

/** The caret at character `offset` of paragraph `index` (0-based). */
function withCaret(state: EditorState, index: number, offset: number): EditorState {
  let position = 0;
  state.doc.forEach((node, at, i) => {
    if (i === index) position = at + 1 + offset;
  });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, position)));
}

const suggestionsOf = (state: EditorState, index = 0) => {
  const block = state.doc.child(index).toJSON() as TextBlockJson;
  return openSuggestions(`paragraph-${index + 1}`, block).map(({ kind, text: words, authorId }) => ({ kind, text: words, authorId }));
};

describe('suggesting: what typing, deleting and pasting become', () => {
  it('S13 typed text becomes one proposed insertion of its author, keystroke after keystroke', () => {
    let state = withCaret(stateOf([text('The ministers agree.')]), 0, 'The ministers agree'.length);
    for (const character of ' fully') {
      const { from, to } = state.selection;
      state = applied(state, suggestInsertion(state, from, to, character, kadri));
    }
    expect(state.doc.textContent).toBe('The ministers agree fully.');
    expect(suggestionsOf(state)).toEqual([{ kind: SuggestionKind.insertion, text: ' fully', authorId: kadri.userId }]);
  });

  it('S13 a deletion leaves the words in place, marked as proposed for deletion, and moves the caret before them', () => {
    let state = withCaret(stateOf([text('The ministers agree.')]), 0, 'The ministers'.length);
    for (let i = 0; i < ' ministers'.length; i++) state = applied(state, suggestKeyDeletion(state, kadri, false));
    expect(state.doc.textContent).toBe('The ministers agree.');
    expect(suggestionsOf(state)).toEqual([{ kind: SuggestionKind.deletion, text: ' ministers', authorId: kadri.userId }]);
    expect(state.selection.from).toBe(1 + 'The'.length);
  });

  it('S13 deleting across another person’s proposal marks it for deletion; one’s own proposal goes at once', () => {
    const ainos = schema.marks[SuggestionKind.insertion]!.create(newSuggestionAttributes(aino));
    const own = schema.marks[SuggestionKind.insertion]!.create(newSuggestionAttributes(kadri));
    let state = stateOf([text('We '), text('firmly ', ainos), text('jointly ', own), text('agree.')]);
    const start = 1;
    const end = start + 'We firmly jointly '.length;
    state = applied(state, suggestKeyDeletion(state.apply(state.tr.setSelection(TextSelection.create(state.doc, start, end))), kadri, false));
    expect(state.doc.textContent).toBe('We firmly agree.');
    expect(suggestionsOf(state)).toEqual([
      { kind: SuggestionKind.deletion, text: 'We firmly ', authorId: kadri.userId },
      { kind: SuggestionKind.insertion, text: 'firmly ', authorId: aino.userId },
    ]);
  });

  it('S13 typing over a selection proposes the deletion and the new words together', () => {
    let state = stateOf([text('We agree.')]);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 4, 9)));
    state = applied(state, suggestInsertion(state, 4, 9, 'concur', kadri));
    expect(state.doc.textContent).toBe('We agreeconcur.');
    expect(suggestionsOf(state).map((suggestion) => suggestion.kind)).toEqual([SuggestionKind.deletion, SuggestionKind.insertion]);
  });

  it('S13 splitting or joining paragraphs, even inside a proposal, is refused and changes nothing', () => {
    const own = schema.marks[SuggestionKind.insertion]!.create(newSuggestionAttributes(kadri));
    const state = withCaret(stateOf([text('First '), text('proposed words', own)], [text('Second.')]), 1, 0);
    expect(suggestKeyDeletion(state, kadri, false)).toEqual({ refused: refusals.paragraphs });
    const atEnd = withCaret(state, 0, 'First proposed words'.length);
    expect(suggestKeyDeletion(atEnd, kadri, true)).toEqual({ refused: refusals.paragraphs });
    const split = state.tr.split(1 + 'First prop'.length);
    expect(refusalWhileSuggesting(split, false)).toBe(refusals.paragraphs);
    const join = state.tr.join(state.doc.child(0).nodeSize);
    expect(refusalWhileSuggesting(join, false)).toBe(refusals.paragraphs);
  });

  it('S13 formatting is refused while suggesting; others’ changes and the suggesting editor’s own pass', () => {
    const state = stateOf([text('We agree.')]);
    expect(refusalWhileSuggesting(state.tr.addMark(1, 3, schema.marks['bold']!.create()), false)).toBe(refusals.formatting);
    expect(refusalWhileSuggesting(state.tr.insertText('x', 1), true)).toBeNull();
    const own = suggestInsertion(state, 1, 1, 'So ', kadri);
    expect('transaction' in own && refusalWhileSuggesting(own.transaction, false)).toBeNull();
    expect(refusalWhileSuggesting(state.tr.insertText('x', 1), false)).toBe(refusals.other);
  });

  it('S13 pasted words become a proposed insertion without their formatting; several paragraphs are refused', () => {
    const state = withCaret(stateOf([text('We agree.')]), 0, 2);
    const bold = schema.marks['bold']!.create();
    const pasted = new Slice(schema.node('doc', null, [schema.node('paragraph', null, [text(' all', bold)])]).content, 1, 1);
    const next = applied(state, suggestPaste(state, pasted, kadri));
    expect(next.doc.textContent).toBe('We all agree.');
    expect(suggestionsOf(next)).toEqual([{ kind: SuggestionKind.insertion, text: ' all', authorId: kadri.userId }]);
    const two = new Slice(
      schema.node('doc', null, [schema.node('paragraph', null, [text('One')]), schema.node('paragraph', null, [text('Two')])]).content,
      1,
      1,
    );
    expect(suggestPaste(state, two, kadri)).toEqual({ refused: refusals.pastedParagraphs });
  });
});
