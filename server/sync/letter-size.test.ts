import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import type { LetterLimits } from '../../shared/domain/letter-limits.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { newParagraphId } from '../../shared/domain/paragraph-id.js';
import { LetterSize } from './letter-size.js';
import { deriveSchemaRules } from './schema-rules.js';
import { RefusalKind, UpdateRefusal, checkUpdate, decodeIncomingUpdate } from './update-guard.js';

const rules = deriveSchemaRules(letterSchema());
const limits: LetterLimits = { maxLetterBytes: 64 * 1024, maxParagraphs: 10, maxParagraphLength: 100 };

function paragraph(...parts: (string | Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.setAttribute('id', newParagraphId());
  element.insert(0, parts.map((part) => (typeof part === 'string' ? new Y.XmlText(part) : part)));
  return element;
}

/** A server document with its LetterSize, fed as the room feeds it, and a client in step with it. */
function letter(overrides: Partial<LetterLimits> = {}) {
  const server = new Y.Doc();
  const size = new LetterSize(server, bodyFieldName, { ...limits, ...overrides });
  server.on('update', (update: Uint8Array, origin: unknown) => size.noteChange(update.length, origin === 'connection'));
  const client = new Y.Doc();
  client.on('update', (update: Uint8Array) => {
    const growth = checkUpdate(server, decodeIncomingUpdate(update), rules, bodyFieldName);
    size.check(update, growth);
    Y.applyUpdate(server, update, 'connection');
    size.noteApplied(growth);
  });
  return { server, client, body: client.getXmlFragment(bodyFieldName) };
}

function refusalOf(change: () => void): string {
  try {
    change();
    return 'accepted';
  } catch (error) {
    if (error instanceof UpdateRefusal) return error.kind === RefusalKind.tooLarge ? error.message : `other refusal: ${error.kind}`;
    throw error;
  }
}

describe('INV-13 letter limits', () => {
  it('counts a paragraph split by a line break as one paragraph: its two texts together pass the length limit', () => {
    const { body } = letter();
    const text = new Y.XmlText('a'.repeat(60));
    const after = new Y.XmlText('b'.repeat(30));
    body.insert(0, [paragraph(text, new Y.XmlElement('hardBreak'), after)]);
    expect(refusalOf(() => after.insert(0, 'c'.repeat(10)))).toBe('accepted');
    expect(refusalOf(() => after.insert(0, 'd'))).toMatch(/longer than 100 characters/);
  });

  it('counts paragraphs across updates, and counts again after deletions before refusing', () => {
    const { body } = letter();
    for (let i = 0; i < 10; i++) body.insert(body.length, [paragraph(`p${i}`)]);
    expect(refusalOf(() => body.insert(body.length, [paragraph('eleventh')]))).toMatch(/more than 10 paragraphs/);
    body.delete(0, 3);
    expect(refusalOf(() => body.insert(body.length, [paragraph('fits again')]))).toBe('accepted');
  });

  it('measures the letter again before refusing it as too large: deleted text no longer counts', () => {
    const { body } = letter();
    // Each round adds about 130 bytes to the running estimate and nothing that stays: 600 rounds pass 64 KiB.
    for (let round = 0; round < 600; round++) {
      body.insert(body.length, [paragraph('y'.repeat(100))]);
      body.delete(body.length - 1, 1);
    }
    expect(refusalOf(() => body.insert(body.length, [paragraph('still fits')]))).toBe('accepted');
  });

  it('refuses an update that would take the letter past its size, after ones that stayed within it', () => {
    const { body } = letter({ maxParagraphLength: 10_000 });
    for (let i = 0; i < 7; i++) expect(refusalOf(() => body.insert(body.length, [paragraph(`${i}`.padEnd(9_000, 'w'))]))).toBe('accepted');
    expect(refusalOf(() => body.insert(body.length, [paragraph('8'.padEnd(9_000, 'w'))]))).toMatch(/larger than 65536 bytes/);
  });
});
