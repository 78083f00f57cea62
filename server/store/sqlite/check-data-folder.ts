import fs from 'node:fs';
import path from 'node:path';

/**
 * Refuses to start on a data folder that holds something but not the database file: most likely a
 * volume that is not mounted or a file that was moved, and a fresh database would hide that behind
 * an empty workspace. A new or empty folder gets a new database, and so does any folder when
 * `allowCreate` (CREATE_DATABASE=on) says so.
 */
export function checkDataFolder(databaseFile: string, allowCreate: boolean): void {
  if (allowCreate || fs.existsSync(databaseFile)) return;
  const folder = path.dirname(databaseFile);
  const entries = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  if (entries.length === 0) return;
  throw new Error(
    `The database file ${databaseFile} is missing, but its folder is not empty (it holds ${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', …' : ''}). ` +
      'If the data volume is not mounted or the file was moved, put it back and start again. ' +
      'To start a new, empty database in this folder, set CREATE_DATABASE=on.',
  );
}
