import { Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { SuggestionKind, newSuggestionAttributes, openSuggestions } from '../../shared/domain/suggestions.js';
import type { TextBlockJson } from '../../shared/domain/paragraph-hash.js';
import {
  type SuggestingResult,
  plainInsertion,
  refusalWhileSuggesting,
  refusals,
  suggestInsertion,
  suggestKeyDeletion,
  suggestPaste,
  withoutInheritedSuggestions,
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
    const lineBreak = state.tr.insert(1 + 'First'.length, schema.nodes['hardBreak']!.create());
    expect(refusalWhileSuggesting(lineBreak, false)).toBe(refusals.lineBreak);
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

describe('outside suggesting mode: typing inside someone’s proposal does not extend it', () => {
  const proposal = (author: typeof kadri) => schema.marks[SuggestionKind.insertion]!.create(newSuggestionAttributes(author));
  const strike = (author: typeof kadri) => schema.marks[SuggestionKind.deletion]!.create(newSuggestionAttributes(author));

  it('S13 a character typed inside Aino’s proposed words is plain text, and her proposal keeps only her words', () => {
    const state = stateOf([text('We '), text('firmly', proposal(aino)), text(' agree.')]);
    const inside = 1 + 'We fir'.length;
    // What ProseMirror would do by itself: the typed text takes on her mark.
    const inherited = state.apply(state.tr.insertText('X', inside));
    expect(suggestionsOf(inherited)).toEqual([{ kind: SuggestionKind.insertion, text: 'firXmly', authorId: aino.userId }]);
    const plain = plainInsertion(state, inside, inside, 'X');
    expect(plain).not.toBeNull();
    const next = state.apply(plain!);
    expect(next.doc.textContent).toBe('We firXmly agree.');
    expect(suggestionsOf(next)).toEqual([{ kind: SuggestionKind.insertion, text: 'firmly', authorId: aino.userId }]);
  });

  it('S13 typing into words someone proposed for deletion does not mark the new words for deletion; typing elsewhere is left to the editor', () => {
    const state = stateOf([text('We '), text('firmly', strike(aino)), text(' agree.')]);
    const next = state.apply(plainInsertion(state, 1 + 'We fi'.length, 1 + 'We fi'.length, 'n')!);
    expect(suggestionsOf(next)).toEqual([{ kind: SuggestionKind.deletion, text: 'firmly', authorId: aino.userId }]);
    expect(plainInsertion(state, 1, 1, 'So ')).toBeNull();
  });

  it('S13 text that reached the proposal another way (composition, a command) has the inherited mark taken off afterwards; moved words keep theirs', () => {
    const state = stateOf([text('We '), text('firmly', proposal(aino)), text(' agree.')]);
    const typed = state.tr.insertText('X', 1 + 'We fir'.length);
    const after = state.apply(typed);
    const fix = withoutInheritedSuggestions([typed], after, () => false);
    expect(suggestionsOf(after.apply(fix!))).toEqual([{ kind: SuggestionKind.insertion, text: 'firmly', authorId: aino.userId }]);
    // Others' changes arriving, and the suggesting editor's own, are left as they are.
    expect(withoutInheritedSuggestions([typed], after, () => true)).toBeNull();
    // Aino's words cut and put back at the end keep her mark.
    const moved = state.tr.delete(1 + 'We '.length, 1 + 'We firmly'.length);
    moved.insert(moved.doc.child(0).nodeSize - 1, text('firmly', proposal(aino)));
    expect(withoutInheritedSuggestions([moved], state.apply(moved), () => false)).toBeNull();
  });

  it('S13 splitting and joining a paragraph inside someone’s proposal outside suggesting mode keeps every word under its author', () => {
    const state = stateOf([text('We '), text('firmly agree', proposal(aino))], [text('Second.')]);
    const split = state.tr.split(1 + 'We firmly'.length);
    const afterSplit = state.apply(split);
    expect(withoutInheritedSuggestions([split], afterSplit, () => false)).toBeNull();
    expect([...suggestionsOf(afterSplit, 0), ...suggestionsOf(afterSplit, 1)].map((suggestion) => suggestion.text)).toEqual(['firmly', ' agree']);
    const join = afterSplit.tr.join(afterSplit.doc.child(0).nodeSize);
    const afterJoin = afterSplit.apply(join);
    expect(withoutInheritedSuggestions([join], afterJoin, () => false)).toBeNull();
    expect(suggestionsOf(afterJoin)).toEqual([{ kind: SuggestionKind.insertion, text: 'firmly agree', authorId: aino.userId }]);
  });
});

describe('suggesting mode: new words are the typist’s own, wherever they go', () => {
  it('S13 typing inside someone else’s proposal proposes one’s own words, and theirs stay theirs', () => {
    const ainos = schema.marks[SuggestionKind.insertion]!.create(newSuggestionAttributes(aino));
    const state = stateOf([text('We '), text('firmly', ainos), text(' agree.')]);
    const inside = 1 + 'We fir'.length;
    const next = applied(state, suggestInsertion(state, inside, inside, 'X', kadri));
    expect(next.doc.textContent).toBe('We firXmly agree.');
    expect(suggestionsOf(next)).toEqual([
      { kind: SuggestionKind.insertion, text: 'firmly', authorId: aino.userId },
      { kind: SuggestionKind.insertion, text: 'X', authorId: kadri.userId },
    ]);
  });

  it('S13 pasting inside someone else’s proposal proposes the pasted words as one’s own', () => {
    const ainos = schema.marks[SuggestionKind.insertion]!.create(newSuggestionAttributes(aino));
    const state = withCaret(stateOf([text('We '), text('firmly', ainos), text(' agree.')]), 0, 'We fir'.length);
    const pasted = new Slice(schema.node('doc', null, [schema.node('paragraph', null, [text('XY')])]).content, 1, 1);
    const next = applied(state, suggestPaste(state, pasted, kadri));
    expect(suggestionsOf(next).map(({ text: words, authorId }) => [words, authorId])).toEqual([
      ['firmly', aino.userId],
      ['XY', kadri.userId],
    ]);
  });
});
