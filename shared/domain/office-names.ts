/**
 * How screens and spreadsheets name an office where its full English name is too long or, with
 * four "Ministry of the Interior"s among the signatories, ambiguous: always with its country.
 */

/** The office's English name without "Ministry of (the)" or its country: "Interior", "Government Offices". */
export function shortOfficeName(nameEn: string, country: string): string {
  const withoutMinistry = nameEn.replace(/^ministry (of|for) (the )?/i, '');
  const withoutCountry = withoutMinistry.replace(new RegExp(`\\s+(of|in) ${escapeRegExp(country)}$`, 'i'), '').trim();
  const short = withoutCountry === '' ? nameEn : withoutCountry;
  return short.charAt(0).toUpperCase() + short.slice(1);
}

/** "Finland – Ministry of the Interior": a column heading or label nobody can mistake for another office's. */
export function officeWithCountry(nameEn: string, country: string): string {
  return `${country} – ${nameEn}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
