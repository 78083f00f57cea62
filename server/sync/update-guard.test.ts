import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { deriveSchemaRules } from './schema-rules.js';
import { RefusalKind, UpdateRefusal, checkUpdate, decodeIncomingUpdate } from './update-guard.js';

const rules = deriveSchemaRules(letterSchema());

/** The server's document, and a client that starts from the same state. */
function pair() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  return { server, client, body: client.getXmlFragment(bodyFieldName) };
}

/** Runs `change` on the client and returns only what it added, as the client would send it. */
function changeOf(client: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  change();
  return Y.encodeStateAsUpdate(client, before);
}

function paragraph(text: string, attributes: Record<string, string> = { id: 'p1' }): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** A new client holding exactly what the server has. */
function fork(server: Y.Doc): { client: Y.Doc; text: () => Y.XmlText } {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const body = client.getXmlFragment(bodyFieldName);
  return { client, text: () => (body.get(0) as Y.XmlElement).get(0) as Y.XmlText };
}

function check(server: Y.Doc, update: Uint8Array): void {
  checkUpdate(server, decodeIncomingUpdate(update), rules, bodyFieldName);
}

function refusalOf(server: Y.Doc, update: Uint8Array): RefusalKind | 'accepted' {
  try {
    check(server, update);
    return 'accepted';
  } catch (error) {
    if (error instanceof UpdateRefusal) return error.kind;
    throw error;
  }
}

describe('update guard', () => {
  it('accepts paragraphs, headings, lists, marks and typing as the editor writes them', () => {
    const { server, client, body } = pair();
    const first = changeOf(client, () => {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as unknown as string);
      heading.setAttribute('id', 'h1');
      heading.insert(0, [new Y.XmlText('Background')]);
      const list = new Y.XmlElement('bulletList');
      const item = new Y.XmlElement('listItem');
      item.insert(0, [paragraph('first point', { id: 'p2' })]);
      list.insert(0, [item]);
      body.insert(0, [heading, paragraph('Dear colleagues,'), list]);
    });
    expect(refusalOf(server, first)).toBe('accepted');
    Y.applyUpdate(server, first);

    const typing = changeOf(client, () => {
      const text = (body.get(1) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(5, 'dear ');
      text.format(0, 4, { bold: {} });
      text.format(0, 4, { link: { href: 'https://europa.eu' } });
      text.delete(0, 1);
    });
    expect(refusalOf(server, typing)).toBe('accepted');
  });

  it('accepts an update the server already has (a client resending after reconnect)', () => {
    const { server, client, body } = pair();
    const update = changeOf(client, () => body.insert(0, [paragraph('Hello')]));
    Y.applyUpdate(server, update);
    expect(refusalOf(server, update)).toBe('accepted');
  });

  it('refuses an update whose dependencies the server does not have', () => {
    const { server, client, body } = pair();
    changeOf(client, () => body.insert(0, [paragraph('never sent')]));
    const later = changeOf(client, () => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'x'));
    expect(refusalOf(server, later)).toBe(RefusalKind.missingDependencies);
  });

  it('refuses a deletion of content the server does not have', () => {
    const { server, client, body } = pair();
    const insert = changeOf(client, () => body.insert(0, [paragraph('abc')]));
    const deletion = changeOf(client, () => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 2));
    const onlyDeletes = Y.diffUpdate(deletion, Y.encodeStateVectorFromUpdate(Y.mergeUpdates([insert, deletion])));
    expect(refusalOf(server, onlyDeletes)).toBe(RefusalKind.missingDependencies);
  });

  it('refuses a paragraph inside a paragraph', () => {
    const { server, client } = pair();
    const update = changeOf(client, () => {
      const outer = paragraph('outer');
      outer.insert(1, [paragraph('inner', { id: 'p9' })]);
      client.getXmlFragment(bodyFieldName).insert(0, [outer]);
    });
    expect(refusalOf(server, update)).toBe(RefusalKind.schema);
  });

  it('refuses node types the letter schema does not have', () => {
    const { server, client, body } = pair();
    const update = changeOf(client, () => body.insert(0, [new Y.XmlElement('script')]));
    expect(refusalOf(server, update)).toBe(RefusalKind.schema);
  });

  it('refuses attributes the node does not have', () => {
    const { server, client, body } = pair();
    const update = changeOf(client, () => body.insert(0, [paragraph('x', { id: 'p1', onclick: 'alert(1)' })]));
    expect(refusalOf(server, update)).toBe(RefusalKind.schema);
  });

  it('refuses writes outside the letter body', () => {
    const { server, client } = pair();
    const update = changeOf(client, () => client.getMap('settings').set('x', 1));
    expect(refusalOf(server, update)).toBe(RefusalKind.schema);
  });

  it('refuses links to anything but http(s) and mailto', () => {
    const { server, client, body } = pair();
    Y.applyUpdate(server, changeOf(client, () => body.insert(0, [paragraph('click here')])));
    const hostile = fork(server);
    const script = changeOf(hostile.client, () => hostile.text().format(0, 5, { link: { href: 'javascript:alert(1)' } }));
    expect(refusalOf(server, script)).toBe(RefusalKind.schema);
    const honest = fork(server);
    const mail = changeOf(honest.client, () => honest.text().format(0, 5, { link: { href: 'mailto:desk@example.org' } }));
    expect(refusalOf(server, mail)).toBe('accepted');
  });

  it('refuses unknown marks and embedded objects in text', () => {
    const { server, client, body } = pair();
    Y.applyUpdate(server, changeOf(client, () => body.insert(0, [paragraph('abc')])));
    const blink = fork(server);
    expect(refusalOf(server, changeOf(blink.client, () => blink.text().format(0, 1, { blink: {} })))).toBe(RefusalKind.schema);
    const embed = fork(server);
    expect(refusalOf(server, changeOf(embed.client, () => embed.text().insertEmbed(1, { image: 'x' })))).toBe(RefusalKind.schema);
  });

  it('refuses nesting beyond the depth limit', () => {
    const { server, client, body } = pair();
    const update = changeOf(client, () => {
      let list = new Y.XmlElement('bulletList');
      const top = list;
      for (let level = 0; level < rules.maxDepth; level++) {
        const item = new Y.XmlElement('listItem');
        const inner = new Y.XmlElement('bulletList');
        item.insert(0, [paragraph(`level ${level}`, { id: `p${level}` }), inner]);
        list.insert(0, [item]);
        list = inner;
      }
      body.insert(0, [top]);
    });
    expect(refusalOf(server, update)).toBe(RefusalKind.schema);
  });

  it('calls bytes that do not decode malformed', () => {
    expect(() => decodeIncomingUpdate(new Uint8Array([255, 255, 255, 255, 255, 1, 2]))).toThrow(UpdateRefusal);
  });

  it('recognises the empty update a client sends when it has nothing new', () => {
    const { client } = pair();
    expect(decodeIncomingUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(client))).isEmpty).toBe(true);
  });
});

describe('update guard on changes to existing paragraphs', () => {
  it('accepts changing an attribute of an existing block (a heading level, a paragraph id)', () => {
    const { server, client, body } = pair();
    const base = changeOf(client, () => {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as unknown as string);
      heading.insert(0, [new Y.XmlText('Background')]);
      body.insert(0, [heading, paragraph('text')]);
    });
    Y.applyUpdate(server, base);
    const relevel = changeOf(client, () => (body.get(0) as Y.XmlElement).setAttribute('level', 3 as unknown as string));
    expect(refusalOf(server, relevel)).toBe('accepted');
    Y.applyUpdate(server, relevel);
    const reid = changeOf(client, () => (body.get(1) as Y.XmlElement).setAttribute('id', 'p-new'));
    expect(refusalOf(server, reid)).toBe('accepted');
  });

  it('still refuses overwriting an existing attribute with one the node does not have', () => {
    const { server, client, body } = pair();
    Y.applyUpdate(server, changeOf(client, () => body.insert(0, [paragraph('text', { id: 'p1' })])));
    const hostile = fork(server);
    const hostileBody = hostile.client.getXmlFragment(bodyFieldName);
    const update = changeOf(hostile.client, () => (hostileBody.get(0) as Y.XmlElement).setAttribute('id', { nested: 'object' } as never));
    expect(refusalOf(server, update)).toBe(RefusalKind.schema);
  });
});
