import { ImportWarningCode, type ImportWarning } from '../../shared/api/import-warnings.js';
import { t } from '../i18n/translate.js';

const warningText: Record<ImportWarningCode, (count: number) => string> = {
  [ImportWarningCode.quotationsFlattened]: () => t('import.warningQuotations'),
  [ImportWarningCode.codeBlocksFlattened]: () => t('import.warningCodeBlocks'),
  [ImportWarningCode.tablesFlattened]: () => t('import.warningTables'),
  [ImportWarningCode.imagesLeftOut]: () => t('import.warningImages'),
  [ImportWarningCode.linksMadePlain]: () => t('import.warningLinks'),
  [ImportWarningCode.directionControlsRemoved]: (count) => t('import.warningDirectionControls', { count }),
  [ImportWarningCode.trackedChangesAccepted]: () => t('import.warningTrackedChangesAccepted'),
  [ImportWarningCode.trackedFormattingAccepted]: () => t('import.warningTrackedFormatting'),
};

/** What an import changed, said in the interface's language. */
export function importWarningText(warning: ImportWarning): string {
  return warningText[warning.code](warning.count ?? 1);
}
