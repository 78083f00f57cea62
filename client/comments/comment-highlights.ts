import { t } from '../i18n/translate.js';
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import type { ThreadEntry } from '../../shared/api/comments.js';
import { resolveAnchor } from '../../shared/domain/comment-anchor.js';
import { listParagraphs } from '../signoff/paragraph-signoff.js';

/** What the highlights are drawn from: the letter's threads and the shared text their anchors point into. */
export interface HighlightInput {
  threads: readonly ThreadEntry[];
  doc: Y.Doc | undefined;
}

interface HighlightState {
  input: HighlightInput;
  decorations: DecorationSet;
}

/** The attribute that names the thread of a highlight or a paragraph's comment mark. */
export const threadIdAttribute = 'data-thread-id';

/** The tooltip of marked words: what clicking them does. */
export const highlightTitle = (): string => t('comments.commentedWordsClickToOpen');

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

/**
 * Marks the words open threads are about (from their anchors, so the marks follow the text while
 * people edit) and, for a thread on a whole paragraph, a mark at the paragraph's end. Resolved
 * threads and passages whose words are gone are not marked. The marks repeat what the comment list
 * says, so screen readers skip them; the comment list is where the threads are read. Pass a new
 * HighlightInput as the transaction meta of `commentHighlightsKey` when the threads change and after
 * each change to the shared text.
 */
export const CommentHighlights = Extension.create<{ onShowThread: (threadId: string) => void }>({
  name: 'commentHighlights',
  addOptions() {
    return { onShowThread: () => undefined };
  },
  addKeyboardShortcuts() {
    return {
      // With the caret in marked words, Alt+Enter opens their thread.
      'Alt-Enter': ({ editor }) => {
        const threadId = threadAtPosition(editor.state, editor.state.selection.from);
        if (!threadId) return false;
        this.options.onShowThread(threadId);
        return true;
      },
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ input: { threads: [], doc: undefined }, decorations: DecorationSet.empty }),
          apply: (transaction, previous, _oldState, newState) => {
            const input = transaction.getMeta(commentHighlightsKey) as HighlightInput | undefined;
            if (input) return { input, decorations: highlightDecorations(newState.doc, input) };
            // The shared text may not have this change yet (local typing reaches it after the view):
            // the marks move with the edit now and are read from the anchors again on the next input.
            if (transaction.docChanged) return { input: previous.input, decorations: previous.decorations.map(transaction.mapping, transaction.doc) };
            return previous;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ];
  },
});

/** The marks for these threads in this text (exported for its unit test). */
export function highlightDecorations(doc: ProseMirrorNode, input: HighlightInput): DecorationSet {
  const open = input.threads.filter((thread) => thread.status === 'open');
  if (open.length === 0 || !input.doc) return DecorationSet.empty;
  const paragraphs = new Map(listParagraphs(doc).map((paragraph) => [paragraph.id, paragraph]));
  const decorations: Decoration[] = [];
  const paragraphMarks = new Map<string, ThreadEntry[]>();
  for (const thread of open) {
    const paragraph = paragraphs.get(thread.paragraphId);
    if (!paragraph) continue;
    if (!thread.anchor) {
      paragraphMarks.set(paragraph.id, [...(paragraphMarks.get(paragraph.id) ?? []), thread]);
      continue;
    }
    const passage = resolveAnchor(input.doc, thread.paragraphId, thread.anchor);
    const node = doc.nodeAt(paragraph.position);
    if (!passage || passage.text === '' || !node) continue;
    // Offsets count a line break as one, as the editor's hard break is one position wide.
    const start = paragraph.position + 1;
    const end = Math.min(start + passage.to, paragraph.position + node.nodeSize - 1);
    if (start + passage.from >= end) continue;
    decorations.push(Decoration.inline(start + passage.from, end, { class: 'comment-highlight', title: highlightTitle(), [threadIdAttribute]: thread.id }, { threadId: thread.id }));
  }
  for (const [paragraphId, threads] of paragraphMarks) {
    const paragraph = paragraphs.get(paragraphId)!;
    const node = doc.nodeAt(paragraph.position)!;
    decorations.push(
      Decoration.widget(paragraph.position + node.nodeSize - 1, () => renderParagraphMark(threads), {
        side: 1,
        key: `comments:${threads.map((thread) => thread.id).join(',')}`,
        ignoreSelection: true,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

function renderParagraphMark(threads: readonly ThreadEntry[]): HTMLElement {
  const mark = document.createElement('span');
  mark.className = 'comment-paragraph-mark';
  mark.contentEditable = 'false';
  mark.setAttribute('aria-hidden', 'true');
  mark.setAttribute(threadIdAttribute, threads[0]!.id);
  mark.title = threads.length === 1 ? t('comments.aCommentOnThisParagraph') : t('comments.commentsOnThisParagraphClick', { count: threads.length });
  mark.textContent = threads.length === 1 ? '💬' : `💬 ${threads.length}`;
  return mark;
}

/** The open thread whose marked words hold this position of the editor, if any. */
export function threadAtPosition(state: EditorState, position: number): string | null {
  const decorations = commentHighlightsKey.getState(state)?.decorations;
  const found = decorations?.find(position, position, (spec: { threadId?: string }) => typeof spec.threadId === 'string') ?? [];
  const innermost = found.sort((a, b) => b.from - a.from)[0];
  return (innermost?.spec as { threadId?: string } | undefined)?.threadId ?? null;
}
