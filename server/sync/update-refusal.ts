export const RefusalKind = {
  malformed: 'malformed',
  missingDependencies: 'missing_dependencies',
  /** The update contradicts itself (a client listed twice, a reference forward): Yjs would not apply it as it reads. */
  inconsistent: 'inconsistent',
  schema: 'schema',
  /** A paragraph left without a well-formed id of its own (invariant 10). */
  paragraphId: 'paragraph_id',
  /** The letter would pass its size, paragraph-count or paragraph-length limit (close code 4413). */
  tooLarge: 'too_large',
} as const;
export type RefusalKind = (typeof RefusalKind)[keyof typeof RefusalKind];

/** An update the server will not apply. Nothing of it has been applied or stored. */
export class UpdateRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
  ) {
    super(message);
    this.name = 'UpdateRefusal';
  }
}
