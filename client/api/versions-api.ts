import {
  type SaveVersionRequest,
  type VersionComparison,
  versionComparisonSchema,
  type VersionDetail,
  versionDetailSchema,
  type VersionSummary,
  versionListSchema,
  versionSummarySchema,
} from '../../shared/api/versions.js';
import { requestJson } from './request-json.js';

const versionsBase = (letterId: string) => `/api/letters/${encodeURIComponent(letterId)}/versions`;

/** Stands for the letter's text as it is now, wherever a version can be named. */
export const currentTextRef = 'current';

/** The letter's saved versions, newest first. */
export async function loadVersions(letterId: string): Promise<VersionSummary[]> {
  const { versions } = await requestJson(versionsBase(letterId), versionListSchema);
  return versions;
}

export async function saveVersion(letterId: string, request: SaveVersionRequest): Promise<VersionSummary> {
  return requestJson(versionsBase(letterId), versionSummarySchema, { method: 'POST', body: request });
}

export async function loadVersion(letterId: string, versionId: string): Promise<VersionDetail> {
  return requestJson(`${versionsBase(letterId)}/${encodeURIComponent(versionId)}`, versionDetailSchema);
}

/** Two states of the letter, paragraph by paragraph: each a version id or `currentTextRef`. */
export async function compareVersions(letterId: string, from: string, to: string): Promise<VersionComparison> {
  const query = new URLSearchParams({ from, to });
  return requestJson(`/api/letters/${encodeURIComponent(letterId)}/compare?${query.toString()}`, versionComparisonSchema);
}
