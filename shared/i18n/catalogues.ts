import en from './en.json' with { type: 'json' };
import type { Language } from './languages.js';

/** A catalogue: message keys grouped by feature, each message an i18next string. */
export type Catalogue = { [key: string]: string | Catalogue };

/** Every supported language's catalogue, bundled so both sides have them without a fetch. */
export const catalogues: Record<Language, Catalogue> = { en };
