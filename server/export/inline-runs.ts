import type { JSONContent } from '@tiptap/core';
import { isAllowedLinkHref } from '../../shared/domain/link-policy.js';
import { SuggestionKind, suggestionAttributesSchema, type SuggestionAttributes } from '../../shared/domain/suggestions.js';

/** The open suggestions a stretch of text is part of: proposed for insertion, for deletion, or both. */
export interface RunSuggestions {
  insertion: SuggestionAttributes | null;
  deletion: SuggestionAttributes | null;
}

/** A stretch of text with one set of marks, or a line break: what every exporter writes inline. */
export type InlineRun =
  | { kind: 'text'; text: string; isBold: boolean; isItalic: boolean; href: string | null; suggestions: RunSuggestions }
  | { kind: 'break'; suggestions: RunSuggestions };

type Marks = NonNullable<JSONContent['marks']>;

function suggestionOf(marks: Marks, kind: SuggestionKind): SuggestionAttributes | null {
  const parsed = suggestionAttributesSchema.safeParse(marks.find((mark) => mark.type === kind)?.attrs);
  return parsed.success ? parsed.data : null;
}

function suggestionsOf(marks: Marks): RunSuggestions {
  return { insertion: suggestionOf(marks, SuggestionKind.insertion), deletion: suggestionOf(marks, SuggestionKind.deletion) };
}

/** The inline content of a paragraph or heading as runs. */
export function inlineRuns(block: JSONContent): InlineRun[] {
  return (block.content ?? []).flatMap((node): InlineRun[] => {
    const marks = node.marks ?? [];
    if (node.type === 'hardBreak') return [{ kind: 'break', suggestions: suggestionsOf(marks) }];
    if (node.type !== 'text' || !node.text) return [];
    const link = marks.find((mark) => mark.type === 'link');
    return [
      {
        kind: 'text',
        text: node.text,
        isBold: marks.some((mark) => mark.type === 'bold'),
        isItalic: marks.some((mark) => mark.type === 'italic'),
        // Checked again here: a letter kept from before the link policy, or restored from a backup, may hold any address.
        href: isAllowedLinkHref(link?.attrs?.['href']) ? link.attrs['href'] : null,
        suggestions: suggestionsOf(marks),
      },
    ];
  });
}

/**
 * The runs as the text stands before any open suggestion is accepted: proposed insertions left
 * out, words proposed for deletion still there. What the PDF prints (its appendix lists the proposals).
 */
export function runsWithoutProposals(runs: readonly InlineRun[]): InlineRun[] {
  return runs.filter((run) => run.suggestions.insertion === null);
}

/** The suggestion a run shows as in a tracked-changes view: a deletion over a proposed insertion wins. */
export function shownSuggestion(run: InlineRun): { kind: SuggestionKind; attrs: SuggestionAttributes } | null {
  if (run.suggestions.deletion) return { kind: SuggestionKind.deletion, attrs: run.suggestions.deletion };
  if (run.suggestions.insertion) return { kind: SuggestionKind.insertion, attrs: run.suggestions.insertion };
  return null;
}
