import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { translator } from './translate.js';

/**
 * Re-renders its element as soon as the interface language changes. Lit keeps the DOM it can
 * reuse, so inputs and the editor keep what was typed in them.
 */
export class LanguageController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  private readonly onLanguageChanged = () => this.host.requestUpdate();

  hostConnected(): void {
    translator.on('languageChanged', this.onLanguageChanged);
  }

  hostDisconnected(): void {
    translator.off('languageChanged', this.onLanguageChanged);
  }
}
