import { describe, expect, it } from 'vitest';
import { officeWithCountry, shortOfficeName } from './office-names.js';

describe('office names', () => {
  it('shortens an office to what tells it apart next to its country', () => {
    expect(shortOfficeName('Ministry of the Interior', 'Finland')).toBe('Interior');
    expect(shortOfficeName('Ministry of Immigration and Integration', 'Denmark')).toBe('Immigration and Integration');
    expect(shortOfficeName('Government Offices of Sweden', 'Sweden')).toBe('Government Offices');
    expect(shortOfficeName('Federal Chancellery', 'Austria')).toBe('Federal Chancellery');
  });

  it('names an office with its country in front', () => {
    expect(officeWithCountry('Ministry of the Interior', 'Estonia')).toBe('Estonia – Ministry of the Interior');
  });
});
