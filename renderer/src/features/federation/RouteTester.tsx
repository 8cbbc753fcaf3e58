import { useState } from 'react';
import { routeFederation, type FederationService } from '../../../../shared/models';
import { CopyButton } from '../../ui/CopyButton';

/** Base paths from the most specific down, each with its project and level: where a path lands at a glance. */
export function BasePathMap({
  services,
  projectName,
}: {
  services: FederationService[];
  projectName: (id: string) => string;
}) {
  const sorted = [...services].sort((a, b) => a.base_path.localeCompare(b.base_path));
  return (
    <section className="federation-panel" aria-labelledby="fed-map-title">
      <h3 id="fed-map-title">Base paths</h3>
      {sorted.length === 0 ? (
        <p className="muted">No services yet.</p>
      ) : (
        <ul className="fed-map" aria-label="Base-path map">
          {sorted.map((s) => (
            <li
              key={s.name}
              style={{ paddingLeft: `${(s.base_path === '/' ? 0 : s.base_path.split('/').length - 2) * 14}px` }}
            >
              <code>{s.base_path}</code> <span className="fed-arrow-text">→</span> <strong>{s.name}</strong>{' '}
              <span className="muted">({projectName(s.workspace_id)})</span>{' '}
              <span className={`fed-level fed-level-${s.reality_level}`}>{s.reality_level}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Which service a path goes to, at which level, and the path its project sees: the same
 * function the server routes with (routeFederation), run on the definition as edited.
 */
export function RouteTester({
  services,
  baseUrl,
  projectName,
}: {
  services: FederationService[];
  baseUrl: string | null;
  projectName: (id: string) => string;
}) {
  const [path, setPath] = useState(() => services[0]?.base_path ?? '/');
  const valid = path.startsWith('/');
  const route = valid ? routeFederation(services, path) : null;
  return (
    <section className="federation-panel" aria-labelledby="fed-route-title">
      <h3 id="fed-route-title">Route tester</h3>
      <label className="fed-route-input">
        <span>Path</span>
        <input className="mono" value={path} aria-label="Path to route" onChange={(e) => setPath(e.target.value)} />
      </label>
      <div className="fed-route-result" role="status" aria-label="Route result">
        {!valid ? (
          <span className="field-error">A path starts with "/", e.g. /auth/login</span>
        ) : route ? (
          <>
            <div>
              <strong data-testid="route-service">{route.service.name}</strong> ({projectName(route.workspace_id)}) at{' '}
              <span className={`fed-level fed-level-${route.service.reality_level}`} data-testid="route-level">
                {route.service.reality_level}
              </span>
            </div>
            <div>
              the project sees <code data-testid="route-service-path">{route.service_path}</code>
            </div>
          </>
        ) : (
          <span className="muted">No service's base path matches: the server answers 404 NO_FEDERATED_SERVICE.</span>
        )}
      </div>
      {baseUrl && valid && (
        <div className="fed-route-url">
          <code>{`${baseUrl}${path}`}</code> <CopyButton text={`${baseUrl}${path}`} label="Copy the URL" />
        </div>
      )}
    </section>
  );
}
