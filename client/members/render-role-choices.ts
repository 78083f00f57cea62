import { css, html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { type Role, roles } from '../../shared/domain/roles.js';
import { roleLabel } from './role-labels.js';

export interface RoleChoicesOptions {
  legend: string;
  /** Makes the checkbox ids unique within the shadow root. */
  idPrefix: string;
  selected: readonly Role[];
  /** Hides the legend visually when the surroundings already say whose roles these are. */
  isLegendHidden?: boolean;
  /** The id of an error or hint about the choice. */
  describedBy?: string;
  /**
   * The roles this person may give (`assignableRoles` in shared/domain/permissions.ts); the others
   * are shown but cannot be ticked. All four when absent.
   */
  assignable?: readonly Role[];
  /** Called for every change; without it the checkboxes only carry `name="roles"` for a form. */
  onToggle?: (role: Role, checked: boolean) => void;
}

/**
 * The four roles as checkboxes in one fieldset: a member may hold several. The `checked` attribute
 * carries the selection too, so resetting a form brings it back.
 */
export function renderRoleChoices(options: RoleChoicesOptions): TemplateResult {
  const { legend, idPrefix, selected, isLegendHidden = false, describedBy, assignable = roles, onToggle } = options;
  return html`
    <fieldset class="role-choices" aria-describedby=${ifDefined(describedBy)}>
      <legend class=${isLegendHidden ? 'visually-hidden' : ''}>${legend}</legend>
      ${roles.map((role) => {
        const id = `${idPrefix}-${role}`;
        return html`<span class="role-choice">
          <input
            type="checkbox"
            id=${id}
            name="roles"
            value=${role}
            ?checked=${selected.includes(role)}
            .checked=${selected.includes(role)}
            ?disabled=${!assignable.includes(role)}
            @change=${(event: Event) => onToggle?.(role, (event.target as HTMLInputElement).checked)}
          />
          <label for=${id}>${roleLabel[role]}</label>
        </span>`;
      })}
    </fieldset>
  `;
}

export const roleChoicesStyles = css`
  .role-choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    border: none;
    padding: 0;
    margin: 0;
  }
  .role-choices legend:not(.visually-hidden) {
    padding: 0;
    margin-bottom: 0.25rem;
    font-weight: 600;
  }
  .role-choice {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  .role-choice label {
    font-weight: 400;
  }
  .role-choice input:disabled + label {
    color: var(--jl-text-muted);
  }
`;

/** The roles ticked in a form that holds `renderRoleChoices` without `onToggle`. */
export function readRoleChoices(data: FormData): Role[] {
  const ticked = data.getAll('roles').map(String);
  return roles.filter((role) => ticked.includes(role));
}
