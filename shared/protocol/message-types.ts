/**
 * Message types on `/sync/:letterId`. Numbers 0–3 are y-protocols' own, so any stock
 * y-websocket client interoperates. Jointly's own messages use 100–127 (see PROTOCOL.md).
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Server → client: the highest of this connection's update frames committed to the store. */
  saved: 100,
  /** Server → client: this connection's rights changed (a role changed); see access-message.ts. */
  access: 101,
  /** Server → client: sign-offs, status, signatories and final signatures; see letter-state-message.ts. */
  letterState: 102,
  /** Client → server: send the full letter state again (the client saw a gap in 102's numbers); see letter-state-request.ts. */
  letterStateRequest: 103,
  /** Server → client, first on joining: the generation of the letter's stored text; see text-generation-message.ts. */
  textGeneration: 104,
  /** Server → client: comment threads and who may comment; see letter-comments-message.ts. */
  letterComments: 105,
} as const;

export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** The first number of Jointly's own message range. */
export const projectMessageRangeStart = 100;
