/** The person a server edit is made for. */
export interface EditAuthor {
  userId: string;
  officeId: string;
}

/**
 * The origin of a change the server makes for a person (a restore, a decision on suggestions):
 * attributed to them as if their own connection had sent it. See Room.applyServerEdit.
 */
export class ServerEdit {
  constructor(
    readonly author: EditAuthor,
    /** Set when the change puts back the text of this earlier revision. */
    readonly restoredFrom?: string,
  ) {}
}
