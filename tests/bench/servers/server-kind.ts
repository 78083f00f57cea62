/** The servers a benchmark round runs, one after the other. */
export const ServerKind = {
  relay: 'raw relay',
  jointly: 'Jointly',
  yWebsocket: '@y/websocket-server',
  hocuspocus: '@hocuspocus/server',
} as const;
export type ServerKind = (typeof ServerKind)[keyof typeof ServerKind];

export const serverKinds: readonly ServerKind[] = Object.values(ServerKind);

/** Hocuspocus frames carry the document name and need its own provider; the others speak y-websocket. */
export function speaksHocuspocus(kind: ServerKind): boolean {
  return kind === ServerKind.hocuspocus;
}
