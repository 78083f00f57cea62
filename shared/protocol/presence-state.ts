import * as Y from 'yjs';
import { z } from 'zod';

/**
 * The largest presence entry accepted, in characters of its JSON: a name, an office and a caret
 * take a few hundred; the rest of the budget is slack. A larger entry closes its connection (1009).
 */
export const maxPresenceEntryLength = 2048;

const idSchema = z.object({ client: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), clock: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict();

/** A Yjs relative position as JSON (`JSON.stringify` of a Y.RelativePosition, as awareness sends it). */
const relativePositionSchema = z
  .object({
    type: idSchema.nullish(),
    tname: z.string().max(64).nullish(),
    item: idSchema.nullish(),
    assoc: z.number().int().min(-1).max(1).optional(),
  })
  .strict();

/** A caret: where the selection starts (anchor) and where it ends (head), as the y-tiptap caret plugin sends it. */
export const presenceCursorSchema = z.object({ anchor: relativePositionSchema, head: relativePositionSchema }).strict();
export type PresenceCursor = z.infer<typeof presenceCursorSchema>;

/**
 * Whether one encoded relative position points into `body` of `doc`. A root-type name other than
 * the body's is refused before decoding: Yjs would create a root type of that name to resolve it.
 */
function pointsInto(position: z.infer<typeof relativePositionSchema>, doc: Y.Doc, body: Y.XmlFragment, bodyName: string): boolean {
  if (position.tname != null && position.tname !== bodyName) return false;
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(position), doc);
    if (absolute === null) return false;
    return absolute.type === body || Y.isParentOf(body, absolute.type._item);
  } catch {
    return false;
  }
}

/**
 * The caret of a presence entry if it is a pair of relative positions that decode inside the
 * letter's body (the XmlFragment named `bodyName` in `doc`); null for anything else. The result is
 * rebuilt from the checked fields only, so nothing else a client put there passes on.
 */
export function checkPresenceCursor(cursor: unknown, doc: Y.Doc, bodyName: string): PresenceCursor | null {
  const parsed = presenceCursorSchema.safeParse(cursor);
  if (!parsed.success) return null;
  const body = doc.getXmlFragment(bodyName);
  const { anchor, head } = parsed.data;
  return pointsInto(anchor, doc, body, bodyName) && pointsInto(head, doc, body, bodyName) ? parsed.data : null;
}
