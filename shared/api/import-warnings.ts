import { z } from 'zod';

/**
 * What an import changed because a letter cannot hold it, as stable codes: the preview lists them
 * and the client says each in the person's language.
 */
export const ImportWarningCode = {
  /** Block quotations became ordinary paragraphs. */
  quotationsFlattened: 'quotations_flattened',
  /** Code blocks became ordinary paragraphs. */
  codeBlocksFlattened: 'code_blocks_flattened',
  /** Tables became one paragraph per row. */
  tablesFlattened: 'tables_flattened',
  /** Images were left out: a letter holds text only. */
  imagesLeftOut: 'images_left_out',
  /** Links to anything but web pages and e-mail addresses became plain text. */
  linksMadePlain: 'links_made_plain',
  /** Invisible direction control characters were removed (rule T1); `count` says how many. */
  directionControlsRemoved: 'direction_controls_removed',
  /** A Word file's tracked changes came in accepted: the person may not suggest in this letter. */
  trackedChangesAccepted: 'tracked_changes_accepted',
  /** Tracked changes of formatting and paragraph breaks came in accepted: a suggestion proposes words only. */
  trackedFormattingAccepted: 'tracked_formatting_accepted',
} as const;
export type ImportWarningCode = (typeof ImportWarningCode)[keyof typeof ImportWarningCode];

/** One thing the import changed: its code, and how many where a number matters. */
export const importWarningSchema = z.object({
  code: z.enum(Object.values(ImportWarningCode) as [ImportWarningCode, ...ImportWarningCode[]]),
  count: z.number().int().positive().optional(),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;
