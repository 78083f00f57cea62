import { t } from '../i18n/translate.js';
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { tallyParagraph } from '../../shared/domain/signoff-state.js';
import { blockSuggestions } from '../editor/letter-suggestions.js';
import { emptyLetterState, openReservations, type LetterState } from '../sync/letter-state.js';
import { describeTally, listParagraphs, paragraphMarker, paragraphStates } from './paragraph-signoff.js';

/** What the gutter needs besides the text: the server's sign-offs and the signatory offices. */
export interface GutterInput {
  letterState: LetterState;
  officeIds: readonly string[];
}

interface GutterState {
  input: GutterInput;
  decorations: DecorationSet;
}

export const signoffGutterKey = new PluginKey<GutterState>('signoffGutter');

/**
 * Beside each paragraph, how many offices approved its current text and what blocks it. The
 * hashes come from the editor's own nodes, so a paragraph turns stale while someone types. The
 * gutter repeats what the paragraph panel says in full, so screen readers skip it. Pass a new
 * GutterInput as the transaction meta of `signoffGutterKey`.
 */
export const SignoffGutter = Extension.create({
  name: 'signoffGutter',
  addProseMirrorPlugins() {
    return [
      new Plugin<GutterState>({
        key: signoffGutterKey,
        state: {
          init: () => ({ input: { letterState: emptyLetterState, officeIds: [] }, decorations: DecorationSet.empty }),
          // Only text or sign-off changes move the gutter; a caret move keeps it as it is.
          apply: (transaction, previous, _oldState, newState) => {
            const input = transaction.getMeta(signoffGutterKey) as GutterInput | undefined;
            if (!input && !transaction.docChanged) return previous;
            const next = input ?? previous.input;
            return { input: next, decorations: gutterDecorations(newState.doc, next) };
          },
        },
        props: {
          decorations: (state) => signoffGutterKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ];
  },
});

function gutterDecorations(doc: ProseMirrorNode, input: GutterInput): DecorationSet {
  if (input.officeIds.length === 0) return DecorationSet.empty;
  const widgets = listParagraphs(doc).map((paragraph) => {
    const tally = tallyParagraph(paragraphStates(input.letterState, input.officeIds, paragraph.id, paragraph.hash));
    const marker = paragraphMarker(tally);
    // R3: a paragraph an office holds a reservation on says so beside it.
    const reservedBy = new Set(openReservations(input.letterState, paragraph.id).map((reservation) => reservation.officeId)).size;
    const reserved = reservedBy === 0 ? null : t('signoff.reservedByOffices', { count: reservedBy });
    // S13: open suggestions keep a paragraph from being approved; the gutter counts them.
    const node = doc.nodeAt(paragraph.position);
    const suggestionCount = node ? blockSuggestions(node).length : 0;
    const suggested = suggestionCount === 0 ? null : t('signoff.suggestionCount', { count: suggestionCount });
    const notes = [reserved ? `⚑ ${reserved}` : null, suggested ? `✚ ${suggested}` : null].filter((note): note is string => note !== null);
    const text = `${describeTally(tally)}${marker ? ` · ${marker.label}` : ''}${notes.map((note) => ` · ${note}`).join('')}`;
    return Decoration.widget(paragraph.position, () => renderGutterMark(describeTally(tally), marker, notes), {
      side: -1,
      key: `${paragraph.id}:${text}`,
      ignoreSelection: true,
    });
  });
  return DecorationSet.create(doc, widgets);
}

function renderGutterMark(tallyText: string, marker: ReturnType<typeof paragraphMarker>, notes: readonly string[]): HTMLElement {
  const mark = document.createElement('span');
  mark.className = `signoff-gutter signoff-gutter--${marker?.kind ?? 'none'}`;
  mark.contentEditable = 'false';
  mark.setAttribute('aria-hidden', 'true');
  const tally = document.createElement('span');
  tally.className = 'signoff-gutter__tally';
  tally.textContent = tallyText;
  mark.append(tally);
  if (marker) {
    const label = document.createElement('span');
    label.className = 'signoff-gutter__marker';
    label.textContent = `${marker.icon} ${marker.label}`;
    mark.append(label);
  }
  for (const note of notes) {
    const element = document.createElement('span');
    element.className = 'signoff-gutter__reserved';
    element.textContent = note;
    mark.append(element);
  }
  return mark;
}
