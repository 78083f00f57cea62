import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultHandlers, toMdast, type Handle } from 'hast-util-to-mdast';
import mammoth from 'mammoth';
import type { FootnoteDefinition, Root } from 'mdast';
import type { DocxArchive } from './check-docx-archive.js';
import { markTrackedChanges, type WordChange } from './word-tracked-changes.js';

/** Where mammoth points a note reference, and where the note points back. */
const noteTarget = /^#((?:foot|end)note-\d+)$/;
const noteBackLink = /^#(?:foot|end)note-ref-\d+$/;

export interface DocxContent {
  tree: Root;
  /** Images, for the person's information: a letter holds text only. */
  imageCount: number;
  /** The tracked changes of the text, by the number of the markers around their words in `tree`. */
  changes: WordChange[];
  /** Tracked changes of formatting or paragraph breaks, read as Word shows them accepted. */
  otherChanges: number;
}

const mainPart = 'word/document.xml';

/**
 * Reads a Word document into the same syntax tree a Markdown file gives: mammoth turns the
 * document's structure (headings, lists, emphasis, links, notes) into HTML, and hast-util-to-mdast
 * turns that into Markdown's tree, where mammoth's note links become real footnotes again. Tracked
 * insertions and deletions are kept, between markers (see word-tracked-changes.ts).
 * Throws if the file is not a readable Word document.
 */
export async function readDocx(archive: DocxArchive): Promise<DocxContent> {
  let imageCount = 0;
  const marked = markTrackedChanges(new TextDecoder().decode(archive.get(mainPart)));
  const parts = new Map(archive);
  parts.set(mainPart, new TextEncoder().encode(marked.xml));
  const { value: html } = await mammoth.convertToHtml(
    // mammoth reads a document from any object that lists and reads its parts: these are the parts
    // check-docx-archive.ts unpacked (within its limits), with the main part rewritten.
    { file: archiveReader(parts) } as unknown as Parameters<typeof mammoth.convertToHtml>[0],
    {
      // Letters written in Word often carry their title in the Title style rather than Heading 1.
      styleMap: ["p[style-name='Title'] => h1:fresh"],
      // Images are counted, never decoded: a letter holds text only.
      convertImage: mammoth.images.imgElement(async () => {
        imageCount++;
        return { src: '' };
      }),
    },
  );
  const hast = fromHtml(html, { fragment: true });
  const tree = toMdast(hast, { handlers: { sup: noteReference, ol: orderedListOrNotes } }) as Root;
  return { tree: hoistNotes(tree), imageCount, changes: marked.changes, otherChanges: marked.otherChanges };
}

/** The parts as mammoth asks for them: whether one exists, and its bytes, text or base64. */
function archiveReader(parts: ReadonlyMap<string, Uint8Array>) {
  return {
    exists: (name: string) => parts.has(name),
    read: async (name: string, encoding?: string) => {
      const bytes = parts.get(name);
      if (!bytes) throw new Error(`The Word document has no part ${name}`);
      if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
    },
  };
}

/** `<sup><a href="#footnote-1">[1]</a></sup>` is a reference to a note. */
const noteReference: Handle = (state, element) => {
  const target = noteTargetOf(element);
  if (target) return { type: 'footnoteReference', identifier: target, label: target };
  return state.all(element);
};

/** mammoth puts the notes in an `<ol>` of `<li id="footnote-1">` at the end. */
const orderedListOrNotes: Handle = (state, element) => {
  const items = element.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
  const isNotes = items.length > 0 && items.every((item) => typeof item.properties['id'] === 'string' && noteTarget.test(`#${item.properties['id']}`));
  if (!isNotes) return defaultHandlers.ol(state, element);
  return items.map((item): FootnoteDefinition => {
    const identifier = String(item.properties['id']);
    const content = { ...item, children: withoutBackLinks(item.children) };
    return { type: 'footnoteDefinition', identifier, label: identifier, children: state.toFlow(state.all(content)) };
  });
};

function noteTargetOf(element: Element): string | null {
  const [only] = element.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  if (only?.type !== 'element' || only.tagName !== 'a') return null;
  const match = noteTarget.exec(String(only.properties['href'] ?? ''));
  return match ? match[1]! : null;
}

function withoutBackLinks(children: ElementContent[]): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child];
    if (child.tagName === 'a' && noteBackLink.test(String(child.properties['href'] ?? ''))) return [];
    return [{ ...child, children: withoutBackLinks(child.children) }];
  });
}

/** Notes are looked up among the top-level nodes: bring any that sit inside a wrapper to the top. */
function hoistNotes(tree: Root): Root {
  const notes: FootnoteDefinition[] = [];
  const rest = tree.children.filter((node) => {
    if (node.type !== 'footnoteDefinition') return true;
    notes.push(node);
    return false;
  });
  return { ...tree, children: [...rest, ...notes] };
}
