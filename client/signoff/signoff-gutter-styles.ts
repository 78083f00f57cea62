import { css } from 'lit';
import { layoutMedia } from '../ui/layout-breakpoints.js';

/** The gutter marks sit in the letter text's right margin, level with their paragraph; on a phone, on a line above it. */
export const signoffGutterStyles = css`
  jl-editor .letter-text:has(.signoff-gutter) {
    padding-right: 11rem;
  }
  jl-editor .signoff-gutter {
    position: absolute;
    right: 0.75rem;
    width: 9.5rem;
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    margin-top: 0.125rem;
    font-family: var(--jl-font);
    font-size: 0.8125rem;
    line-height: 1.3;
    color: var(--jl-text-muted);
    user-select: none;
    white-space: normal;
  }
  jl-editor .signoff-gutter__marker {
    font-weight: 600;
  }
  jl-editor .signoff-gutter--stale .signoff-gutter__marker,
  jl-editor .signoff-gutter--changes .signoff-gutter__marker {
    color: var(--jl-warning);
  }
  jl-editor .signoff-gutter--approved .signoff-gutter__marker {
    color: var(--jl-success);
  }
  jl-editor .signoff-gutter__reserved {
    font-weight: 600;
    color: var(--jl-warning);
  }
  @media ${layoutMedia.phone} {
    jl-editor .letter-text:has(.signoff-gutter) {
      padding-right: 0.75rem;
    }
    jl-editor .signoff-gutter {
      position: static;
      width: auto;
      flex-flow: row wrap;
      gap: 0 0.75rem;
      margin: 0 0 0.125rem;
    }
  }
`;
