import { getSchema } from '@tiptap/core';
import { EditorState, type Plugin, type PluginView, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { prosemirrorJSONToYDoc, ySyncPlugin } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName, letterExtensions } from '../../shared/domain/editor-extensions.js';
import { remoteChangeSelectionPlugin } from './remote-change-selection.js';
import { typedTextInPlacePlugin } from './typed-text-in-place.js';

// People typing into one paragraph, each with the letter's schema and the real Yjs binding, their
// keystrokes crossing on the way: whatever the order in which changes arrive, each person's words
// must come out whole, where that person put the caret.

const schema = getSchema(letterExtensions());

/**
 * Just enough of a ProseMirror view for the Yjs binding: it applies transactions to its state and
 * tells the plugins' views, as the browser's view does, without a DOM.
 */
class HeadlessView {
  state: EditorState;
  private readonly pluginViews: PluginView[] = [];

  constructor(state: EditorState) {
    this.state = state;
    for (const plugin of state.plugins) {
      const view = plugin.spec.view?.(this as unknown as EditorView);
      if (view) this.pluginViews.push(view);
    }
  }

  dispatch(transaction: Transaction): void {
    const previous = this.state;
    this.state = this.state.apply(transaction);
    for (const view of this.pluginViews) view.update?.(this as unknown as EditorView, previous);
  }

  hasFocus(): boolean {
    return false;
  }

  destroy(): void {
    for (const view of this.pluginViews) view.destroy?.();
  }
}

/** Deterministic randomness, so that a failing round can be run again from its seed. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

interface Typist {
  view: HeadlessView;
  doc: Y.Doc;
  /** Updates this person's editor sent that have not reached each other person yet. */
  outbox: Map<Typist, Uint8Array[]>;
  /** Where in the opening text this person puts the caret. */
  offset: number;
  words: string;
  typed: number;
}

const base = 'Both offices agree on this text.';
const views: HeadlessView[] = [];

afterEach(() => {
  for (const view of views.splice(0)) view.destroy();
});

/** Opens the letter for each person, all starting from the same stored paragraph (with its id, as the server keeps it). */
function openParagraph(offsets: number[], words: string[], withFix: boolean): Typist[] {
  const stored = prosemirrorJSONToYDoc(
    schema,
    { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'paragraph-1' }, content: [{ type: 'text', text: base }] }] },
    bodyFieldName,
  );
  const typists = offsets.map((offset, index): Typist => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(stored));
    // In the editor's order: typed text is placed before the binding writes the rest.
    const plugins: Plugin[] = withFix
      ? [typedTextInPlacePlugin(), ySyncPlugin(doc.getXmlFragment(bodyFieldName)) as Plugin, remoteChangeSelectionPlugin()]
      : [ySyncPlugin(doc.getXmlFragment(bodyFieldName)) as Plugin];
    const view = new HeadlessView(EditorState.create({ schema, plugins }));
    views.push(view);
    // Inside the paragraph: position 1 is its start.
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 1 + offset)));
    return { view, doc, outbox: new Map(), offset, words: words[index]!, typed: 0 };
  });
  for (const typist of typists) {
    for (const other of typists) if (other !== typist) typist.outbox.set(other, []);
    typist.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'network') return;
      for (const queue of typist.outbox.values()) queue.push(update);
    });
  }
  return typists;
}

function deliverOne(from: Typist, to: Typist): void {
  const update = from.outbox.get(to)!.shift();
  if (update) Y.applyUpdate(to.doc, update, 'network');
}

/** Everyone types one character at a time, in random order, while updates arrive late and in random order. */
function typeTogether(typists: Typist[], random: () => number): void {
  const pending = (): [Typist, Typist][] => typists.flatMap((from) => [...from.outbox].filter(([, queue]) => queue.length > 0).map(([to]) => [from, to] as [Typist, Typist]));
  for (;;) {
    const typing = typists.filter((typist) => typist.typed < typist.words.length);
    const deliveries = pending();
    if (typing.length === 0 && deliveries.length === 0) return;
    if (typing.length > 0 && (deliveries.length === 0 || random() < 0.5)) {
      const typist = typing[Math.floor(random() * typing.length)]!;
      const { view } = typist;
      view.dispatch(view.state.tr.insertText(typist.words[typist.typed]!));
      typist.typed += 1;
    } else {
      const [from, to] = deliveries[Math.floor(random() * deliveries.length)]!;
      deliverOne(from, to);
    }
  }
}

/** The paragraph as this person sees it, once everything has arrived. */
function shownText(typist: Typist): string {
  return typist.view.state.doc.textContent;
}

/** The opening text with only this person's words, at the spot the person chose. */
function ownEdit(typist: Typist): string {
  return `${base.slice(0, typist.offset)}${typist.words}${base.slice(typist.offset)}`;
}

/** The text with everyone else's words taken out: what this person alone would have written. */
function withoutOthers(text: string, typist: Typist, typists: Typist[]): string {
  return typists.filter((other) => other !== typist).reduce((rest, other) => rest.replace(other.words, ''), text);
}

function runRound(seed: number, offsets: number[], words: string[], withFix = true): { texts: string[]; intact: boolean[] } {
  const typists = openParagraph(offsets, words, withFix);
  typeTogether(typists, randomFrom(seed));
  const texts = typists.map(shownText);
  return { texts, intact: typists.map((typist) => withoutOthers(texts[0]!, typist, typists) === ownEdit(typist)) };
}

const end = base.length;
const middle = base.indexOf(' agree');
const spots: Record<string, number[]> = {
  'two people at the start and at the end': [0, end],
  'two people at the same spot at the end': [end, end],
  'two people at the same spot in the middle': [middle, middle],
  'three people at the start, in the middle and at the end': [0, middle, end],
  'three people at the same spot': [middle, middle, middle],
};
// Signs each person alone types, absent from the opening text: where they land shows where each caret was.
const markedWords = ['<MT-1/2/3>', '[KD+4*5*6]', '{JN=7~8~9}'];
// Words as people type them, with spaces typed before spaces and letters before the same letters:
// a keystroke must land where it was typed, not one character later where the text reads the same.
const everydayWords = [' Mette writes tt ee here ', ' Kadri adds  ss oo there ', ' Janis puts ee  in too '];

describe('typing together in one paragraph', () => {
  for (const [kind, words] of Object.entries({ 'marked words': markedWords, 'everyday words': everydayWords })) {
    for (const [situation, offsets] of Object.entries(spots)) {
      it(`keeps each person's ${kind} whole and in place: ${situation}`, () => {
        for (let seed = 1; seed <= 40; seed++) {
          const { texts, intact } = runRound(seed, offsets, words.slice(0, offsets.length));
          // Everyone sees the same text, and every person's words in it are whole, where they typed them.
          expect(new Set(texts).size, `seed ${seed}`).toBe(1);
          expect(intact, `seed ${seed}: ${texts[0]}`).toEqual(offsets.map(() => true));
        }
      });
    }
  }

  it("the binding of @tiptap/y-tiptap still needs this: without it, words typed after someone else's keystrokes come out scrambled", () => {
    // What the binding of @tiptap/y-tiptap 3.0.9 does by itself: the words typed at the end come
    // out reversed. Should a later version fix it, this fails, and the fix can go.
    const { texts } = runRound(1, [0, end], markedWords.slice(0, 2), false);
    expect(texts[0]).not.toContain(markedWords[1]);
  });
});

describe('typed text written where it was typed', () => {
  it('keeps the formatting the person typed with, and sends one update per keystroke', () => {
    const [person, reader] = openParagraph([base.indexOf(' agree'), 0], ['', ''], true);
    const sent: Uint8Array[] = [];
    person!.doc.on('update', (update: Uint8Array) => sent.push(update));
    const { view } = person!;
    // Bold switched on, then a space typed before a space, and a letter.
    view.dispatch(view.state.tr.setStoredMarks([schema.marks['bold']!.create()]));
    for (const character of [' ', 'a']) view.dispatch(view.state.tr.insertText(character));
    for (const update of sent) Y.applyUpdate(reader!.doc, update, 'network');

    expect(sent).toHaveLength(2);
    const shown = reader!.view.state.doc.firstChild!;
    expect(shown.textContent).toBe('Both offices a agree on this text.');
    const bold: string[] = [];
    shown.forEach((node) => {
      if (node.marks.some((mark) => mark.type.name === 'bold')) bold.push(node.text ?? '');
    });
    expect(bold).toEqual([' a']);
  });
});
