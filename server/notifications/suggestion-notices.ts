import { openSuggestions } from '../../shared/domain/suggestions.js';
import type { RevisionWrite } from '../store/store.js';
import type { ParagraphActivity } from './letter-notices.js';

/** How many revisions and suggestions an instance remembers before it starts afresh (the store's dedupe key still tells each once). */
const rememberedMax = 10_000;

/**
 * Finds the suggestions that stored text opens and reports each once as activity on its paragraph
 * (rule N8): the revisions stored with a batch of updates carry each changed paragraph as it now
 * reads, with its suggestion marks. The author is the suggestion's, which the sync server checked
 * against the connection that wrote it (rule S13). A copy of a known suggestion (a paragraph split
 * across it) is not new: the instance remembers what it told, and the notification's dedupe key
 * (the suggestion's id) keeps another instance, or this one after a restart, from telling it twice.
 */
export class SuggestionNotices {
  /** The paragraph of each revision this instance saw opened: a later extension names only the revision. */
  private readonly paragraphOfRevision = new Map<string, string>();
  private readonly told = new Set<string>();

  constructor(private readonly report: (activity: ParagraphActivity) => void) {}

  /** Called with the revisions of each batch of stored updates. */
  stored(letterId: string, revisions: readonly RevisionWrite[]): void {
    for (const write of revisions) {
      const paragraphId = write.op === 'open' ? write.revision.paragraphId : this.paragraphOfRevision.get(write.id);
      if (write.op === 'open') this.remember(this.paragraphOfRevision, write.revision.id, paragraphId!);
      // An extension of a revision opened before this process started: its paragraph is not known here.
      if (paragraphId === undefined) continue;
      const content = write.op === 'open' ? write.revision.content : write.content;
      for (const suggestion of openSuggestions(paragraphId, content)) {
        if (this.told.has(suggestion.id)) continue;
        this.remember(this.told, suggestion.id);
        this.report({
          what: 'suggestion',
          letterId,
          paragraphId,
          by: { id: suggestion.authorId, name: suggestion.authorName },
          activityId: suggestion.id,
        });
      }
    }
  }

  private remember(memory: Set<string>, key: string): void;
  private remember(memory: Map<string, string>, key: string, value: string): void;
  private remember(memory: Set<string> | Map<string, string>, key: string, value?: string): void {
    if (memory.size >= rememberedMax) memory.clear();
    if (memory instanceof Map) memory.set(key, value!);
    else memory.add(key);
  }
}
