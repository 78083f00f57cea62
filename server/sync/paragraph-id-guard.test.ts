import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { bodyOf, changeOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import { deriveSchemaRules } from './schema-rules.js';
import { RefusalKind, UpdateRefusal, checkUpdate, decodeIncomingUpdate } from './update-guard.js';

const rules = deriveSchemaRules(letterSchema());

/** A server holding two paragraphs (a, b) and a list with one (c), and a client in step with it. */
function letter() {
  const server = new Y.Doc();
  const seed = new Y.Doc();
  const list = new Y.XmlElement('bulletList');
  const item = new Y.XmlElement('listItem');
  item.insert(0, [newParagraph('A point.', 'c')]);
  list.insert(0, [item]);
  seed.getXmlFragment(bodyFieldName).insert(0, [newParagraph('First paragraph.', 'a'), newParagraph('Second paragraph.', 'b'), list]);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(seed));
  return { server, client: fork(server) };
}

function fork(server: Y.Doc): Y.Doc {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return client;
}

const block = (doc: Y.Doc, index: number) => bodyOf(doc).get(index) as Y.XmlElement;

/** What `change` on `client` sends, and how the server's guard answers it. */
function verdict(server: Y.Doc, client: Y.Doc, change: () => void): RefusalKind | 'accepted' {
  const update = changeOf(client, change);
  try {
    checkUpdate(server, decodeIncomingUpdate(update), rules, bodyFieldName);
    return 'accepted';
  } catch (error) {
    if (error instanceof UpdateRefusal) return error.kind;
    throw error;
  }
}

describe('INV-10 paragraph ids: what the editor does is accepted', () => {
  it('INV-10e splitting a paragraph: the new half gets a new id in the same transaction', () => {
    const { server, client } = letter();
    expect(
      verdict(server, client, () => {
        (block(client, 0).get(0) as Y.XmlText).delete(5, 11);
        bodyOf(client).insert(1, [newParagraph(' paragraph.', 'a2')]);
      }),
    ).toBe('accepted');
  });

  it('INV-10e the binding reusing an element for the second half: ids swap between old and new', () => {
    const { server, client } = letter();
    expect(
      verdict(server, client, () => {
        block(client, 0).setAttribute('id', 'a2');
        bodyOf(client).insert(0, [newParagraph('First', 'a')]);
      }),
    ).toBe('accepted');
  });

  it('INV-10e a pasted copy whose duplicate id is rewritten in the same transaction', () => {
    const { server, client } = letter();
    expect(
      verdict(server, client, () => {
        const copy = newParagraph('First paragraph.', 'a');
        bodyOf(client).insert(2, [copy]);
        copy.setAttribute('id', 'a-copy');
      }),
    ).toBe('accepted');
  });

  it('INV-10e deleting paragraphs and a list takes their ids with them; a cut paragraph pasted elsewhere keeps its id', () => {
    const { server, client } = letter();
    expect(verdict(server, client, () => bodyOf(client).delete(1, 2))).toBe('accepted');
    const moving = letter();
    expect(
      verdict(moving.server, moving.client, () => {
        bodyOf(moving.client).delete(0, 1);
        bodyOf(moving.client).insert(1, [newParagraph('First paragraph.', 'a')]);
      }),
    ).toBe('accepted');
  });

  it('INV-10e turning a paragraph into a heading: the binding replaces the element, the heading keeps the id', () => {
    const { server, client } = letter();
    expect(
      verdict(server, client, () => {
        bodyOf(client).delete(1, 1);
        const heading = new Y.XmlElement('heading');
        heading.setAttribute('id', 'b');
        heading.setAttribute('level', 2 as never);
        heading.insert(0, [new Y.XmlText('Second paragraph.')]);
        bodyOf(client).insert(1, [heading]);
      }),
    ).toBe('accepted');
  });

  it('INV-10e two people giving one paragraph an id at once: either id is valid', () => {
    const { server, client } = letter();
    const other = fork(server);
    const first = Y.encodeStateVector(other);
    block(other, 1).setAttribute('id', 'b-one');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other, first));
    expect(verdict(server, client, () => block(client, 1).setAttribute('id', 'b-two'))).toBe('accepted');
  });
});

describe('INV-10 paragraph ids: what would leave a paragraph without an id of its own is refused', () => {
  it('INV-10f two new paragraphs with one id', () => {
    const { server, client } = letter();
    expect(verdict(server, client, () => bodyOf(client).insert(0, [newParagraph('x', 'new'), newParagraph('y', 'new')]))).toBe(RefusalKind.paragraphId);
  });

  it('INV-10f a paragraph given the id of one in a list', () => {
    const { server, client } = letter();
    expect(verdict(server, client, () => block(client, 0).setAttribute('id', 'c'))).toBe(RefusalKind.paragraphId);
  });

  it('INV-10f an id set and then removed in one transaction', () => {
    const { server, client } = letter();
    expect(
      verdict(server, client, () => {
        block(client, 0).setAttribute('id', 'a-new');
        block(client, 0).removeAttribute('id');
      }),
    ).toBe(RefusalKind.paragraphId);
  });

  it('INV-10f a new paragraph without an id inside a new list', () => {
    const { server, client } = letter();
    expect(
      verdict(server, client, () => {
        const list = new Y.XmlElement('bulletList');
        const item = new Y.XmlElement('listItem');
        const nameless = new Y.XmlElement('paragraph');
        nameless.insert(0, [new Y.XmlText('no id')]);
        item.insert(0, [nameless]);
        list.insert(0, [item]);
        bodyOf(client).insert(0, [list]);
      }),
    ).toBe(RefusalKind.paragraphId);
  });
});
