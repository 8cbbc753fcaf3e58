import { MethodBadge } from '../../ui/MethodBadge';
import { usePluginBindings } from '../plugins/plugin-queries';
import { mockSettingsFlags, type MockForm } from './mock-form';
import type { SettingsFold } from './mock-settings-state';

/**
 * The heading of an existing mock's settings: a disclosure button (inside the h2, the APG
 * pattern) and, folded, one line with the route and every setting that differs from a new
 * mock's, so folding never hides one silently. The line describes the button
 * (aria-describedby); the button's ::after covers it, so a click on the line unfolds too.
 */
export function MockSettingsHead({
  fold,
  projectId,
  mockId,
  form,
}: {
  fold: SettingsFold;
  projectId: string;
  mockId: string;
  form: MockForm;
}) {
  const { data: bound } = usePluginBindings(projectId, mockId);
  const flags = mockSettingsFlags(form, { plugins: bound?.plugins.length ?? 0, chaos: fold.chaos });
  const method = form.kind === 'crud' ? 'CRUD' : form.method;
  const summaryId = `${fold.id}-summary`;
  return (
    <div className="settings-fold" title={fold.open ? undefined : [`${method} ${form.path}`, ...flags].join(' · ')}>
      <h2>
        <button
          type="button"
          className="fold-toggle"
          aria-expanded={fold.open}
          aria-controls={fold.controls}
          aria-describedby={fold.open ? undefined : summaryId}
          onClick={() => fold.setOpen(!fold.open)}
        >
          Mock settings
        </button>
      </h2>
      {!fold.open && (
        <span id={summaryId} className="settings-summary" data-testid="mock-settings-summary">
          <MethodBadge method={method} /> <span className="settings-route">{form.path}</span>
          {flags.map((f) => (
            <span key={f} className={f === 'inactive' || f.startsWith('chaos') ? 'warn-text' : undefined}>
              {' · '}
              {f}
            </span>
          ))}
        </span>
      )}
    </div>
  );
}
