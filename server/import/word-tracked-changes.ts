import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { SuggestionKind } from '../../shared/domain/suggestions.js';
import { ImportError } from './import-errors.js';

const wordNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** One tracked change of a Word document's text: what it proposes, and who made it in Word. */
export interface WordChange {
  kind: SuggestionKind;
  /** `w:author` as the file says it: untrusted text. */
  author: string;
  /** `w:date`, when the file gives one. */
  date: string | null;
}

/** The main part of a Word document rewritten so that mammoth reads its tracked changes as marked text. */
export interface MarkedDocument {
  xml: string;
  /** By the number their markers carry. */
  changes: WordChange[];
  /** Tracked changes of formatting and of paragraph breaks, which come in as Word shows them accepted. */
  otherChanges: number;
}

/*
 * Markers around each change's words. Noncharacters are legal in XML yet never in text, and any
 * the file holds are removed first, so a file cannot forge one. They travel through mammoth, HTML
 * and Markdown's tree as text, and mdast-to-letter-blocks turns them into suggestion marks.
 */
export const changeStart = '\uFDD0';
export const changeEnd = '\uFDD2';
export const markerClose = '\uFDD1';
const anyMarkerCharacter = /[\uFDD0-\uFDEF]/g;
const hasMarkerCharacter = /[\uFDD0-\uFDEF]/;

/** The markers in a text, each with its change's number and whether it opens or closes it. */
export const markerPattern = /([\uFDD0\uFDD2])(\d{1,7})\uFDD1/g;

const changeKinds: Record<string, SuggestionKind> = {
  ins: SuggestionKind.insertion,
  moveTo: SuggestionKind.insertion,
  del: SuggestionKind.deletion,
  moveFrom: SuggestionKind.deletion,
};

/**
 * Finds the tracked insertions and deletions (`w:ins`, `w:del`, and moves as both) of a Word
 * document's text, and rewrites the part so that mammoth, which drops deleted text and flattens
 * insertions, reads both with markers around them: each change is unwrapped, its deleted words
 * (`w:delText`) become ordinary text, and a marker run stands before and after it.
 * A part that declares a document type is refused: Word never writes one, and entities are a way
 * to make a small file expand or reach outside it.
 */
export function markTrackedChanges(xml: string): MarkedDocument {
  if (/<!DOCTYPE/i.test(xml)) throw ImportError.broken('The Word document declares a document type, which Word never writes. Save it again in Word and retry.');
  const refuse = () => {
    throw ImportError.broken('The Word document could not be read. Open it in Word, save it again as .docx and retry.');
  };
  const document = new DOMParser({ errorHandler: { warning: () => undefined, error: refuse, fatalError: refuse } }).parseFromString(xml, 'text/xml');
  removeMarkerCharacters(document);

  const changes: WordChange[] = [];
  let otherChanges = 0;
  const found = Array.from(document.getElementsByTagNameNS(wordNamespace, '*')).filter((element) => {
    if (/PrChange$/.test(element.localName ?? '')) otherChanges++;
    if (!(element.localName! in changeKinds)) return false;
    // An empty w:ins or w:del inside properties marks a paragraph break (or a table row) as changed.
    if (/Pr$/.test((element.parentNode as Element | null)?.localName ?? '')) {
      otherChanges++;
      return false;
    }
    return true;
  });
  for (const element of found) {
    const number = changes.length;
    changes.push({
      kind: changeKinds[element.localName!]!,
      author: element.getAttributeNS(wordNamespace, 'author') ?? '',
      date: element.getAttributeNS(wordNamespace, 'date') || null,
    });
    for (const deleted of Array.from(element.getElementsByTagNameNS(wordNamespace, 'delText'))) renameToText(deleted);
    const parent = element.parentNode!;
    parent.insertBefore(markerRun(document, `${changeStart}${number}${markerClose}`, element.prefix), element);
    while (element.firstChild) parent.insertBefore(element.firstChild, element);
    parent.insertBefore(markerRun(document, `${changeEnd}${number}${markerClose}`, element.prefix), element);
    parent.removeChild(element);
  }
  return { xml: changes.length > 0 ? new XMLSerializer().serializeToString(document) : xml, changes, otherChanges };
}

/** Takes the marker characters out of every piece of text the file holds, so that only ours remain. */
function removeMarkerCharacters(document: Document): void {
  for (const name of ['t', 'delText']) {
    for (const element of Array.from(document.getElementsByTagNameNS(wordNamespace, name))) {
      for (let child = element.firstChild; child; child = child.nextSibling) {
        const value = child.nodeValue ?? '';
        if (child.nodeType !== child.TEXT_NODE || !hasMarkerCharacter.test(value)) continue;
        // xmldom writes a text node's `data`; keep `nodeValue` the same.
        (child as Text).data = child.nodeValue = value.replace(anyMarkerCharacter, '');
      }
    }
  }
}

function markerRun(document: Document, text: string, prefix: string | null): Element {
  const name = (local: string) => (prefix ? `${prefix}:${local}` : local);
  const run = document.createElementNS(wordNamespace, name('r'));
  const words = document.createElementNS(wordNamespace, name('t'));
  words.appendChild(document.createTextNode(text));
  run.appendChild(words);
  return run;
}

/** `w:delText` as `w:t`, keeping its words and its `xml:space`. */
function renameToText(deleted: Element): void {
  const text = deleted.ownerDocument.createElementNS(wordNamespace, deleted.prefix ? `${deleted.prefix}:t` : 't');
  for (const attribute of Array.from(deleted.attributes)) text.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
  while (deleted.firstChild) text.appendChild(deleted.firstChild);
  deleted.parentNode!.replaceChild(text, deleted);
}
