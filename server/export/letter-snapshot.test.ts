import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { demoLetterBody } from '../workspace/demo-letter.js';
import { bodyParagraphHashes } from './letter-snapshot.js';

describe('letter snapshot', () => {
  it('hashes the paragraphs of ProseMirror JSON exactly as the sign-off hashes the shared document', () => {
    const doc = prosemirrorJSONToYDoc(letterSchema(), demoLetterBody(), bodyFieldName);
    const body = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(bodyFieldName)) as JSONContent;
    expect(bodyParagraphHashes(body)).toEqual(currentParagraphs(doc).map((paragraph) => paragraph.hash));
  });
});
