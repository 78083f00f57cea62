import { VersionKind } from '../../shared/api/versions.js';

/** How a version came to be saved, in words. */
export const versionKindLabel: Record<VersionKind, string> = {
  [VersionKind.named]: 'Named',
  [VersionKind.statusChange]: 'Automatic, at a status change',
};
