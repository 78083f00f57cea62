import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { RevisionKind } from '../../shared/api/history.js';
import { plainText } from '../../shared/domain/current-paragraphs.js';
import { bodyFieldName, paragraphIdAttribute } from '../../shared/domain/editor-extensions.js';
import type { TextBlockJson } from '../../shared/domain/paragraph-hash.js';
import { collectTextBlocks, enclosingTextBlock, isTextBlockElement, letterTextBlocks, textBlockJson } from '../../shared/domain/yjs-text-blocks.js';
import type { RevisionRecord, RevisionWrite } from '../store/store.js';
import { nativeParagraphHash } from './native-paragraph-hash.js';

/** Who a change is attributed to: the user and office of the connection that sent it. */
export interface Author {
  userId: string | null;
  officeId: string | null;
}

/** What the tracker needs to know about the origin of a Yjs transaction. */
export interface ChangeOrigin {
  author: Author;
  /** Set when the change puts back the text of this earlier revision. */
  restoredFrom?: string;
  /**
   * Set for a change another server instance applied and recorded: it is followed (so that the
   * next local change is judged against it) but not recorded twice.
   */
  recordedElsewhere?: boolean;
}

/**
 * The newest revision of a paragraph that still exists, as the tracker keeps it in memory: its
 * words but not its marks, which the stored revision has (this is held for every loaded paragraph).
 */
interface Tracked {
  revisionId: string;
  kind: RevisionKind;
  blockType: string;
  hash: string;
  text: string;
  userId: string | null;
  startedAt: string;
  lastChangeAt: number;
  changes: number;
  /** Whether a further change by the same person may still be folded into this revision. */
  open: boolean;
}

interface ParagraphState {
  content: TextBlockJson;
  hash: string;
  text: string;
}

const newRevisionId = () => randomBytes(16).toString('hex');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
const isDeleted = (type: Y.AbstractType<any>) => type._item !== null && type._item.deleted;

/**
 * Records paragraph revisions as the server applies changes to a letter. Consecutive changes to
 * one paragraph by one person, with pauses shorter than `pauseMs`, form one revision; a change by
 * someone else, a sign-off (`seal`) or a longer pause opens the next. An update costs only the
 * paragraphs it touched, except that inserting or removing whole paragraphs checks which of the
 * known ones still exist.
 */
export class RevisionTracker {
  private readonly tracked = new Map<string, Tracked>();
  /** Each paragraph id's element, and back: an element's id can change (a duplicate being renamed). */
  private readonly elementOf = new Map<string, Y.XmlElement>();
  private readonly idOf = new WeakMap<Y.XmlElement, string>();
  private writes: RevisionWrite[] = [];
  private body: Y.XmlFragment | null = null;

  constructor(
    private readonly letterId: string,
    private readonly pauseMs: number,
    private readonly originOf: (transactionOrigin: unknown) => ChangeOrigin | null,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Starts tracking a loaded document whose newest stored revisions are `latest`. Returns the
   * revisions that record text the store has no revision for (kept before history began).
   */
  start(doc: Y.Doc, latest: readonly RevisionRecord[]): RevisionRecord[] {
    for (const revision of latest) {
      if (revision.kind === RevisionKind.deleted || revision.kind === RevisionKind.merged) continue;
      this.tracked.set(revision.paragraphId, {
        revisionId: revision.id,
        kind: revision.kind,
        blockType: revision.content.type,
        hash: revision.hash,
        text: plainText(revision.content),
        userId: revision.userId,
        startedAt: revision.startedAt,
        lastChangeAt: Date.parse(revision.endedAt),
        changes: revision.changes,
        open: false,
      });
    }
    const at = new Date(this.now()).toISOString();
    const found: RevisionRecord[] = [];
    const present = new Set<string>();
    for (const { id, element } of letterTextBlocks(doc.getXmlFragment(bodyFieldName))) {
      this.remember(id, element);
      present.add(id);
      const state = stateOf(element);
      if (this.tracked.get(id)?.hash === state.hash) continue;
      found.push(this.record(id, RevisionKind.recorded, state, { userId: null, officeId: null }, at));
    }
    for (const id of Array.from(this.tracked.keys())) {
      if (present.has(id)) continue;
      const last = this.tracked.get(id)!;
      found.push(this.record(id, RevisionKind.deleted, lastStateOf(last), { userId: null, officeId: null }, at));
      this.tracked.delete(id);
    }
    this.writes = [];
    this.body = doc.getXmlFragment(bodyFieldName);
    this.body.observeDeep(this.onChange);
    return found;
  }

  stop(): void {
    this.body?.unobserveDeep(this.onChange);
    this.body = null;
  }

  /** The revision writes of the changes applied since the last call, to be stored with their update. */
  takeWrites(): RevisionWrite[] {
    const writes = this.writes;
    this.writes = [];
    return writes;
  }

  /** A sign-off on these paragraphs: their next change opens a new revision. */
  seal(paragraphIds: Iterable<string>): void {
    for (const id of paragraphIds) {
      const tracked = this.tracked.get(id);
      if (tracked) tracked.open = false;
    }
  }

  private remember(id: string, element: Y.XmlElement): void {
    this.elementOf.set(id, element);
    this.idOf.set(element, id);
  }

  private readonly onChange = (events: Y.YEvent<Y.XmlElement | Y.XmlText>[], transaction: Y.Transaction): void => {
    const origin = this.originOf(transaction.origin);
    if (!origin) return;
    const touched = new Set<Y.XmlElement>();
    let structural = false;
    for (const event of events) {
      const block = enclosingTextBlock(event.target);
      if (block) {
        touched.add(block);
        if (event.target === block && event.keys.has(paragraphIdAttribute)) structural = true;
        continue;
      }
      // A change to the body or a list: whole paragraphs came or went.
      structural = true;
      for (const part of event.changes.delta) {
        if (!Array.isArray(part.insert)) continue;
        for (const inserted of part.insert as unknown[]) {
          if (!(inserted instanceof Y.XmlElement)) continue;
          if (isTextBlockElement(inserted)) touched.add(inserted);
          else for (const nested of collectTextBlocks(inserted)) touched.add(nested.element);
        }
      }
    }
    this.recordChanges(touched, structural, origin);
  };

  private recordChanges(touched: Set<Y.XmlElement>, structural: boolean, origin: ChangeOrigin): void {
    const at = this.now();
    const states = new Map<string, ParagraphState>();
    const gone = new Set<string>();
    for (const element of touched) {
      if (isDeleted(element)) continue;
      const id = element.getAttribute(paragraphIdAttribute);
      if (typeof id !== 'string' || id.length === 0) continue;
      const previousId = this.idOf.get(element);
      if (previousId !== undefined && previousId !== id && this.elementOf.get(previousId) === element) {
        this.elementOf.delete(previousId);
        gone.add(previousId);
      }
      this.remember(id, element);
      states.set(id, stateOf(element));
    }
    if (structural) {
      for (const [id, element] of this.elementOf) {
        if (!isDeleted(element)) continue;
        this.elementOf.delete(id);
        gone.add(id);
      }
    }
    const created = [...states.keys()].filter((id) => !this.tracked.has(id));
    const edited = [...states.keys()].filter((id) => this.tracked.has(id) && this.tracked.get(id)!.hash !== states.get(id)!.hash);
    const removed = [...gone].filter((id) => !states.has(id) && !this.elementOf.has(id) && this.tracked.has(id));
    const author = origin.author;
    const iso = new Date(at).toISOString();
    if (origin.recordedElsewhere) return this.follow(states, [...created, ...edited], removed, at, iso);
    // Split and merge are judged on the words before this change, so read them before recording it.
    const textBefore = new Map([...edited, ...removed].map((id) => [id, this.tracked.get(id)!.text]));

    for (const id of created) {
      const state = states.get(id)!;
      const source = edited.find((candidate) => isSplitFrom(textBefore.get(candidate)!, states.get(candidate)!.text, state.text));
      this.writes.push({
        op: 'open',
        revision: this.record(id, source ? RevisionKind.split : RevisionKind.created, state, author, iso, { related: source ?? null }),
      });
    }
    for (const id of edited) {
      const state = states.get(id)!;
      const last = this.tracked.get(id)!;
      const folds = !origin.restoredFrom && last.open && last.userId === author.userId && at - last.lastChangeAt <= this.pauseMs;
      if (folds) {
        last.hash = state.hash;
        last.text = state.text;
        last.lastChangeAt = at;
        last.changes += 1;
        this.writes.push({ op: 'extend', id: last.revisionId, endedAt: iso, content: state.content, hash: state.hash, changes: last.changes });
        continue;
      }
      const kind = origin.restoredFrom ? RevisionKind.restored : RevisionKind.edited;
      this.writes.push({ op: 'open', revision: this.record(id, kind, state, author, iso, { restoredFrom: origin.restoredFrom ?? null }) });
    }
    for (const id of removed) {
      const last = this.tracked.get(id)!;
      const into = edited.find((candidate) => isMergedInto(textBefore.get(id)!, textBefore.get(candidate)!, states.get(candidate)!.text));
      const kind = into ? RevisionKind.merged : RevisionKind.deleted;
      this.writes.push({ op: 'open', revision: this.record(id, kind, lastStateOf(last), author, iso, { related: into ?? null }) });
      this.tracked.delete(id);
    }
  }

  /** Takes in a change recorded elsewhere: the paragraphs' newest revisions are someone else's now. */
  private follow(states: Map<string, ParagraphState>, changed: string[], removed: string[], at: number, iso: string): void {
    for (const id of changed) {
      const state = states.get(id)!;
      this.tracked.set(id, {
        revisionId: '',
        kind: RevisionKind.edited,
        blockType: state.content.type,
        hash: state.hash,
        text: state.text,
        userId: null,
        startedAt: iso,
        lastChangeAt: at,
        changes: 0,
        open: false,
      });
    }
    for (const id of removed) this.tracked.delete(id);
  }

  /** Builds a new revision and makes it the paragraph's newest. */
  private record(
    paragraphId: string,
    kind: RevisionKind,
    state: ParagraphState,
    author: Author,
    at: string,
    links: { related?: string | null; restoredFrom?: string | null } = {},
  ): RevisionRecord {
    const revision: RevisionRecord = {
      id: newRevisionId(),
      letterId: this.letterId,
      paragraphId,
      kind,
      userId: author.userId,
      officeId: author.officeId,
      startedAt: at,
      endedAt: at,
      content: state.content,
      hash: state.hash,
      changes: 1,
      relatedParagraphId: links.related ?? null,
      restoredFrom: links.restoredFrom ?? null,
    };
    const ended = kind === RevisionKind.deleted || kind === RevisionKind.merged;
    if (!ended) {
      this.tracked.set(paragraphId, {
        revisionId: revision.id,
        kind,
        blockType: state.content.type,
        hash: state.hash,
        text: state.text,
        userId: author.userId,
        startedAt: at,
        lastChangeAt: Date.parse(at),
        changes: 1,
        // A restore or text found on loading is a revision of its own; typing after it starts the next.
        open: kind !== RevisionKind.restored && kind !== RevisionKind.recorded,
      });
    }
    return revision;
  }
}

/** A paragraph as it was when it went: its words (its marks are in the revision before). */
function lastStateOf(last: Tracked): ParagraphState {
  const content: TextBlockJson = { type: last.blockType, content: last.text.length > 0 ? [{ type: 'text', text: last.text }] : [] };
  return { content, hash: last.hash, text: last.text };
}

function stateOf(element: Y.XmlElement): ParagraphState {
  const content = textBlockJson(element);
  return { content, hash: nativeParagraphHash(content), text: plainText(content) };
}

/** A new paragraph holds the words an edited one lost at its end or start: it was split off. */
function isSplitFrom(before: string, after: string, split: string): boolean {
  const piece = split.trim();
  if (piece.length === 0) return false;
  if (before.startsWith(after) && before.slice(after.length).trim() === piece) return true;
  return before.endsWith(after) && before.slice(0, before.length - after.length).trim() === piece;
}

/** A removed paragraph's words now stand in an edited one that grew by them: it was merged into it. */
function isMergedInto(removedText: string, before: string, after: string): boolean {
  const piece = removedText.trim();
  if (piece.length === 0) return false;
  return after.includes(piece) && after.length >= before.length + piece.length;
}
