import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { findReorderingCharacter, locateReorderingCharacters } from '../../shared/domain/text-policy.js';

export interface DirectionControlFilterOptions {
  /** Called after characters were taken out of what the person pasted or typed, with the first one. */
  onRemoved: (removed: number, example: string) => void;
}

/** Whether a step of a local change brings in a direction control. */
function insertsDirectionControl(step: unknown): boolean {
  const slice = (step as { slice?: Slice }).slice;
  return slice !== undefined && findReorderingCharacter(slice.content.textBetween(0, slice.content.size, '', '')) !== null;
}

/**
 * Takes direction controls (rule T1) out of whatever this person adds to the text, by paste,
 * drop, typing or an input method, before it reaches the shared document: the server would refuse
 * the change and close the connection. Other people's changes are left alone.
 */
export const DirectionControlFilter = Extension.create<DirectionControlFilterOptions>({
  name: 'directionControlFilter',

  addOptions() {
    return { onRemoved: () => undefined };
  },

  addProseMirrorPlugins() {
    const { onRemoved } = this.options;
    return [
      new Plugin({
        key: new PluginKey('directionControlFilter'),
        appendTransaction: (transactions: readonly Transaction[], _oldState, newState) => {
          const maps = transactions.flatMap((transaction) => transaction.mapping.maps);
          const ranges: [number, number][] = [];
          let index = 0;
          for (const transaction of transactions) {
            const isLocal = !isChangeOrigin(transaction);
            for (const step of transaction.steps) {
              index += 1;
              if (!isLocal || !insertsDirectionControl(step)) continue;
              step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
                let [from, to] = [newStart, newEnd];
                for (const map of maps.slice(index)) [from, to] = [map.map(from, -1), map.map(to, 1)];
                ranges.push([from, to]);
              });
            }
          }
          if (ranges.length === 0) return null;
          const found = new Map<number, string>();
          for (const [from, to] of ranges) {
            newState.doc.nodesBetween(from, to, (node, position) => {
              if (!node.isText) return true;
              for (const { index, character } of locateReorderingCharacters(node.text!)) {
                const at = position + index;
                if (at >= from && at < to) found.set(at, character);
              }
              return false;
            });
          }
          if (found.size === 0) return null;
          const cleaned = newState.tr;
          for (const at of [...found.keys()].sort((a, b) => b - a)) cleaned.delete(at, at + 1);
          onRemoved(found.size, [...found.values()][0]!);
          return cleaned;
        },
      }),
    ];
  },
});
