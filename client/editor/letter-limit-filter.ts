import { t } from '../i18n/translate.js';
import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { defaultLetterLimits, type LetterLimits } from '../../shared/domain/letter-limits.js';

export interface LetterLimitFilterOptions {
  limits: LetterLimits;
  /** Called when a change of this person's was not made, with why, for the person to read. */
  onRefused: (reason: string) => void;
}

/** A change that adds at least this many positions is a paste (or a drop), worth measuring the whole letter for. */
const pasteSize = 1_000;

const utf8 = new TextEncoder();

function countTextBlocks(doc: ProseMirrorNode): number {
  let count = 0;
  doc.descendants((node) => {
    if (node.isTextblock) count++;
    return !node.isTextblock;
  });
  return count;
}

/** The longest paragraph among those a transaction's steps wrote into, in the transaction's resulting document. */
function longestTouchedParagraph(transaction: Transaction): number {
  let longest = 0;
  const maps = transaction.mapping.maps;
  maps.forEach((map, index) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      let [from, to] = [newStart, newEnd];
      for (const later of maps.slice(index + 1)) [from, to] = [later.map(from, -1), later.map(to, 1)];
      transaction.doc.nodesBetween(from, to, (node) => {
        if (node.isTextblock) longest = Math.max(longest, node.textContent.length);
        return !node.isTextblock;
      });
    });
  });
  return longest;
}

/** Why a local change would take the letter past a limit, or null if it stays within them. */
function limitPassed(transaction: Transaction, limits: LetterLimits): string | null {
  const growth = transaction.doc.content.size - transaction.before.content.size;
  if (growth <= 0) return null;
  if (longestTouchedParagraph(transaction) > limits.maxParagraphLength) {
    return t('editor.paragraphTooLong', { maximum: limits.maxParagraphLength });
  }
  // A new paragraph adds at least two positions (its start and end).
  if (growth >= 2 && countTextBlocks(transaction.doc) > Math.max(limits.maxParagraphs, countTextBlocks(transaction.before))) {
    return t('editor.tooManyParagraphs', { maximum: limits.maxParagraphs });
  }
  if (growth >= pasteSize && utf8.encode(transaction.doc.textContent).length > limits.maxLetterBytes) {
    return t('editor.theLetterWouldBeLarger');
  }
  return null;
}

/**
 * Keeps this person's own changes (typing, paste, drop) within the letter's limits before they
 * reach the shared document: the server would refuse the update (close code 4413) and close the
 * connection. The change is not made and the person is told why. Other people's changes pass.
 */
export const LetterLimitFilter = Extension.create<LetterLimitFilterOptions>({
  name: 'letterLimitFilter',

  addOptions() {
    return { limits: defaultLetterLimits, onRefused: () => undefined };
  },

  addProseMirrorPlugins() {
    const { limits, onRefused } = this.options;
    return [
      new Plugin({
        key: new PluginKey('letterLimitFilter'),
        filterTransaction: (transaction) => {
          if (!transaction.docChanged || isChangeOrigin(transaction)) return true;
          const reason = limitPassed(transaction, limits);
          if (reason === null) return true;
          onRefused(reason);
          return false;
        },
      }),
    ];
  },
});
