import { t } from '../i18n/translate.js';
import { VersionKind } from '../../shared/api/versions.js';

/** How a version came to be saved, in words. */
export const versionKindLabel: Record<VersionKind, string> = {
  get [VersionKind.named]() { return t('versions.named'); },
  get [VersionKind.statusChange]() { return t('versions.automaticAtAStatusChange'); },
};
