import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { letterExtensions } from '../../shared/domain/editor-extensions.js';
import { paragraphHash } from '../../shared/domain/paragraph-hash.js';
import { applyLetterStateMessage, emptyLetterState } from '../sync/letter-state.js';
import { SignoffGutter, signoffGutterKey } from './signoff-gutter.js';

const schema = getSchema([...letterExtensions(), SignoffGutter]);
const paragraph = (id: string, text: string) => schema.node('paragraph', { id }, [schema.text(text)]);

function gutterKeys(state: EditorState): string[] {
  const decorations = signoffGutterKey.getState(state)?.decorations;
  return (decorations?.find() ?? []).map((decoration) => String((decoration.spec as { key: string }).key));
}

describe('SignoffGutter', () => {
  it('S3 turns a paragraph stale in the gutter as soon as its text changes', () => {
    const doc = schema.node('doc', null, [paragraph('p1', 'First')]);
    const plugins = SignoffGutter.config.addProseMirrorPlugins!.call({} as never);
    let state = EditorState.create({ doc, plugins });
    const hash = paragraphHash(doc.child(0).toJSON());
    const letterState = applyLetterStateMessage(emptyLetterState, {
      kind: 'signoffs',
      seq: 1,
      signoffs: [{ paragraphId: 'p1', officeId: 'fi', action: 'approve', hash, reason: null, by: 'Aino', at: '' }],
    });
    state = state.apply(state.tr.setMeta(signoffGutterKey, { letterState, officeIds: ['fi', 'ee'] }));
    expect(gutterKeys(state)).toEqual(['p1:1 of 2 offices · Pending']);
    state = state.apply(state.tr.insertText(' edited', 6));
    expect(gutterKeys(state)).toEqual(['p1:0 of 2 offices · Stale']);
  });
});
