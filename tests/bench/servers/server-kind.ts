/** The servers a benchmark round runs, one after the other. */
export const ServerKind = {
  relay: 'raw relay',
  jointly: 'Jointly',
  yWebsocket: '@y/websocket-server',
  hocuspocus: '@hocuspocus/server',
  /** Jointly's scaled-out deployment with one instance: PostgreSQL and Redis instead of the SQLite file. */
  jointlyScaledOne: 'Jointly, 1 instance on PostgreSQL + Redis',
  /** Two Jointly instances on one PostgreSQL and one Redis, the clients spread over both. */
  jointlyScaledTwo: 'Jointly, 2 instances on PostgreSQL + Redis',
} as const;
export type ServerKind = (typeof ServerKind)[keyof typeof ServerKind];

/** The servers compared in the main table: the relay, Jointly as `npm start` runs it, and the references. */
export const serverKinds: readonly ServerKind[] = [ServerKind.relay, ServerKind.jointly, ServerKind.yWebsocket, ServerKind.hocuspocus];

/** The deployments of "two instances against one": the relay for the ratios, then Jointly on one and on two instances. */
export const instanceKinds: readonly ServerKind[] = [ServerKind.relay, ServerKind.jointly, ServerKind.jointlyScaledOne, ServerKind.jointlyScaledTwo];

/** Hocuspocus frames carry the document name and need its own provider; the others speak y-websocket. */
export function speaksHocuspocus(kind: ServerKind): boolean {
  return kind === ServerKind.hocuspocus;
}

/** Every deployment of Jointly: the same server program, with sessions and its own address for letters. */
export function isJointly(kind: ServerKind): boolean {
  return kind === ServerKind.jointly || kind === ServerKind.jointlyScaledOne || kind === ServerKind.jointlyScaledTwo;
}

/** Jointly instances of the PostgreSQL + Redis deployment; 0 for the others. */
export function scaledInstances(kind: ServerKind): number {
  return kind === ServerKind.jointlyScaledOne ? 1 : kind === ServerKind.jointlyScaledTwo ? 2 : 0;
}
