import type { ParagraphHistory, Revision } from '../../shared/api/history.js';
import { SignoffAction } from '../../shared/domain/signoff-state.js';
import type { DiscussionAct } from './discussion-acts.js';

/** A sign-off act on the paragraph, with the text the office saw when it acted. */
export type HistorySignoff = ParagraphHistory['signoffs'][number];

/** One line of a paragraph's history: a revision with the text before it, or a sign-off act. */
export type TimelineEntry =
  | {
      kind: 'revision';
      revision: Revision;
      /** The text before the oldest revision this entry holds. */
      previousText: string | null;
      isNewest: boolean;
      /** Older revisions by the same person in the same minute, shown as one entry with this one (newest first). */
      folded: Revision[];
    }
  | { kind: 'signoff'; signoff: HistorySignoff }
  | { kind: 'discussion'; act: DiscussionAct };

/** How many revisions the panel shows at first and adds with each "Show older revisions". */
export const revisionPageSize = 50;

/**
 * The newest `shownRevisions` revisions and the sign-off acts, comments and reservations
 * (`discussion`, oldest first) of the same period, newest first. Only the shown revisions are
 * paired with their predecessor, so a long history costs no more than a short one until the
 * person asks for older revisions.
 */
export function buildTimeline(
  history: ParagraphHistory,
  shownRevisions: number,
  discussion: readonly DiscussionAct[] = [],
): { entries: TimelineEntry[]; hiddenRevisions: number } {
  const shown = history.revisions.slice(0, shownRevisions);
  const hiddenRevisions = history.revisions.length - shown.length;
  const oldestShown = shown.at(-1);
  // Acts older than the oldest shown revision wait until the person shows older revisions.
  const since = hiddenRevisions > 0 && oldestShown ? timeOf(oldestShown.endedAt) : -Infinity;
  const shownSignoffs = history.signoffs.filter((signoff) => timeOf(signoff.at) >= since);
  const revisions = groupByPersonAndMinute(
    shown.map((revision, index) => ({ kind: 'revision', revision, previousText: history.revisions[index + 1]?.text ?? null, isNewest: index === 0, folded: [] })),
    shownSignoffs,
  );
  const acts: TimelineEntry[] = [
    ...shownSignoffs.map((signoff): TimelineEntry => ({ kind: 'signoff', signoff })),
    ...discussion.filter((act) => timeOf(act.at) >= since).map((act): TimelineEntry => ({ kind: 'discussion', act })),
  ];
  // A stable sort keeps sign-offs before discussion acts of the same moment.
  acts.sort((a, b) => entryTime(a) - entryTime(b));
  return { entries: mergeNewestFirst(revisions, acts), hiddenRevisions };
}

/** Kinds of revision that are someone typing on: several in one minute read as one change. */
const foldableKinds: ReadonlySet<Revision['kind']> = new Set(['created', 'edited']);

/**
 * Folds revisions by one person within one minute into one entry (H6): two people typing for
 * half a minute make a few entries, not dozens. The record keeps every revision; a restore, split,
 * merge or deletion, and a sign-off in between, keep their own entries.
 */
function groupByPersonAndMinute(entries: Extract<TimelineEntry, { kind: 'revision' }>[], signoffs: readonly HistorySignoff[]): TimelineEntry[] {
  const grouped: Extract<TimelineEntry, { kind: 'revision' }>[] = [];
  for (const entry of entries) {
    const group = grouped.at(-1);
    const newest = group?.revision;
    const oldest = group ? (group.folded.at(-1) ?? group.revision) : undefined;
    const fits =
      group &&
      newest &&
      oldest &&
      foldableKinds.has(entry.revision.kind) &&
      foldableKinds.has(oldest.kind) &&
      entry.revision.by === newest.by &&
      entry.revision.officeId === newest.officeId &&
      minuteOf(entry.revision.endedAt) === minuteOf(newest.endedAt) &&
      !signoffs.some((signoff) => timeOf(signoff.at) > timeOf(entry.revision.endedAt) && timeOf(signoff.at) <= timeOf(oldest.endedAt));
    if (fits) {
      group.folded.push(entry.revision);
      group.previousText = entry.previousText;
    } else {
      grouped.push({ ...entry, folded: [] });
    }
  }
  return grouped;
}

function minuteOf(value: string): number {
  return Math.floor(timeOf(value) / 60_000);
}

/** Revisions are already newest first, acts oldest first: one pass merges them. */
function mergeNewestFirst(revisions: TimelineEntry[], signoffsOldestFirst: TimelineEntry[]): TimelineEntry[] {
  const signoffs = [...signoffsOldestFirst].reverse();
  const merged: TimelineEntry[] = [];
  let r = 0;
  let s = 0;
  while (r < revisions.length || s < signoffs.length) {
    const revision = revisions[r];
    const signoff = signoffs[s];
    // On equal times the act comes first: a sign-off (or comment) closes the revision it saw.
    if (signoff && (!revision || entryTime(signoff) >= entryTime(revision))) {
      merged.push(signoff);
      s++;
    } else if (revision) {
      merged.push(revision);
      r++;
    }
  }
  return merged;
}

function entryTime(entry: TimelineEntry): number {
  switch (entry.kind) {
    case 'revision':
      return timeOf(entry.revision.endedAt);
    case 'signoff':
      return timeOf(entry.signoff.at);
    case 'discussion':
      return timeOf(entry.act.at);
    default:
      throw new Error(`unknown timeline entry ${String((entry as { kind: unknown }).kind)}`);
  }
}

function timeOf(value: string): number {
  const time = Date.parse(value);
  return Number.isNaN(time) ? 0 : time;
}

/** Each office's latest approval of the paragraph, in the order the offices first approved. */
export function latestApprovals(history: ParagraphHistory): HistorySignoff[] {
  const byOffice = new Map<string, HistorySignoff>();
  for (const signoff of history.signoffs) {
    if (signoff.action === SignoffAction.approve) byOffice.set(signoff.officeId, signoff);
  }
  return [...byOffice.values()];
}
