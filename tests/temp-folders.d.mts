/** The mkdtemp prefix of a folder of `kind` (e.g. `it`, `pg`) owned by this process. */
export function ownedPrefix(kind: string): string;
/** Makes a folder of `kind` owned by this process. */
export function makeOwnedFolder(kind: string): string;
/** Removes the folders whose owner has gone; returns their names. */
export function removeAbandonedFolders(): Promise<string[]>;
