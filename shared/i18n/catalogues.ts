import en from './en.json' with { type: 'json' };
import da from './da.json' with { type: 'json' };
import et from './et.json' with { type: 'json' };
import lv from './lv.json' with { type: 'json' };
import lt from './lt.json' with { type: 'json' };
import nb from './nb.json' with { type: 'json' };
import pl from './pl.json' with { type: 'json' };
import fi from './fi.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import type { Language } from './languages.js';

/** A catalogue: message keys grouped by feature, each message an i18next string. */
export type Catalogue = { [key: string]: string | Catalogue };

/** Every supported language's catalogue, bundled so both sides have them without a fetch. */
export const catalogues: Record<Language, Catalogue> = { en, da, et, lv, lt, nb, pl, fi, sv };
