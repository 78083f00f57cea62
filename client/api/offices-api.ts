import type { Office } from '../../shared/api/offices.js';
import { officeListResponseSchema } from '../../shared/api/letters.js';
import { requestJson } from './request-json.js';

/** Every office, in signing order. */
export async function loadOffices(): Promise<Office[]> {
  const { offices } = await requestJson('/api/offices', officeListResponseSchema);
  return offices;
}
