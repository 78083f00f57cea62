import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tells its element whether a media query matches, and renders the element again when that changes. */
export class MediaQueryController implements ReactiveController {
  private readonly list: MediaQueryList;
  private readonly host: ReactiveControllerHost;
  /** Whether the query matches now. */
  matches: boolean;

  constructor(host: ReactiveControllerHost, query: string) {
    this.host = host;
    this.list = matchMedia(query);
    this.matches = this.list.matches;
    host.addController(this);
  }

  hostConnected(): void {
    this.matches = this.list.matches;
    this.list.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.list.removeEventListener('change', this.onChange);
  }

  private readonly onChange = (): void => {
    this.matches = this.list.matches;
    this.host.requestUpdate();
  };
}
