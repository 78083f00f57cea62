export const projectRoot: string;
/** Whether a process with this id is still running. */
export function isAlive(pid: number): boolean;
/** Builds the server into a fresh folder owned by this process: its entry and the folder (`sourcemap` as in production). */
export function buildServer(options?: { sourcemap?: boolean }): Promise<{ main: string; folder: string }>;
export function removeServerBuild(folder: string): void;
/** Removes builds left by runs that were killed before they could. */
export function removeAbandonedBuilds(): void;
