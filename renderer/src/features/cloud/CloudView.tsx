import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { AccountScreen } from './account/AccountScreen';
import { AuditScreen } from './audit/AuditScreen';
import { YourDataScreen } from './account/YourDataScreen';
import { OrgSwitcher } from './auth/OrgSwitcher';
import { SignInScreen } from './auth/SignInScreen';
import { SignOutButton } from './auth/SignOutButton';
import { CloudErrorNotice } from './CloudErrorNotice';
import { CLOUD_PANEL_ID, CloudTabs, cloudTabId } from './CloudTabs';
import { useCloudStatus } from './cloud-queries';
import { DeploymentsScreen } from './deployments/DeploymentsScreen';
import { HelpScreen } from './help/HelpScreen';
import { StatusScreen } from './status/StatusScreen';
import { SyncScreen } from './sync/SyncScreen';
import { TeamScreen } from './team/TeamScreen';
import { TokensScreen } from './tokens/TokensScreen';
import './cloud.css';
import './cloud-screens.css';
import './team/team.css';

/** The Cloud screens, in place of the project area. */
export function CloudView() {
  const { tab, openCloud, closeCloud } = useAppStore(
    useShallow((s) => ({ tab: s.cloudTab, openCloud: s.openCloud, closeCloud: s.closeCloud })),
  );
  useCloseOnProjectNav(closeCloud);
  const { data: status, error } = useCloudStatus();
  const user = status?.user;

  return (
    <section className="cloud-view" aria-label="Cloud">
      <header className="project-header cloud-header">
        <div className="project-title-row">
          <div className="project-title">
            <h1>MockForge Cloud</h1>
            <p className="muted project-desc">
              {status ? (
                <>
                  {status.signedIn
                    ? `Signed in${user ? ` as ${user.username}${user.email ? ` (${user.email})` : ''}` : ''}`
                    : 'Not signed in'}{' '}
                  · <code>{status.baseUrl}</code>
                  {status.via === 'env-token' && ' · using MOCKDECK_CLOUD_TOKEN'}
                </>
              ) : (
                'Checking your cloud sign-in…'
              )}
            </p>
          </div>
          <div className="toolbar">
            {status?.signedIn && <OrgSwitcher />}
            {/* Signed out too: a failing sign-in is when "is the cloud down?" matters most. */}
            {!status?.signedIn && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => openCloud(tab === 'status' ? 'account' : 'status')}
              >
                {tab === 'status' ? 'Sign in' : 'Service status'}
              </button>
            )}
            {status?.signedIn && status.via === 'session' && (
              <SignOutButton keychain={status.secrets.kind === 'keychain'} />
            )}
            <button type="button" className="btn btn-small" onClick={closeCloud}>
              Back to projects
            </button>
          </div>
        </div>
        {status?.signedIn && <CloudTabs current={tab} onSelect={openCloud} />}
      </header>
      <div
        className="cloud-body"
        {...(status?.signedIn ? { id: CLOUD_PANEL_ID, role: 'tabpanel', 'aria-labelledby': cloudTabId(tab) } : {})}
      >
        <CloudErrorNotice error={error} />
        {!status && !error && <div className="loading">Loading…</div>}
        {status && !status.signedIn && tab !== 'status' && <SignInScreen status={status} />}
        {!status?.signedIn && tab === 'status' && (
          <ErrorBoundary area="the status screen">
            <StatusScreen />
          </ErrorBoundary>
        )}
        {status?.signedIn && (
          <ErrorBoundary area="the cloud screen">
            {tab === 'account' && <AccountScreen status={status} />}
            {tab === 'tokens' && <TokensScreen />}
            {tab === 'sync' && <SyncScreen />}
            {tab === 'deployments' && <DeploymentsScreen />}
            {tab === 'team' && <TeamScreen />}
            {tab === 'audit' && <AuditScreen />}
            {tab === 'data' && <YourDataScreen />}
            {tab === 'help' && <HelpScreen />}
            {tab === 'status' && <StatusScreen />}
          </ErrorBoundary>
        )}
      </div>
    </section>
  );
}

/**
 * Picking a project (sidebar, palette, a new project) leaves the Cloud screens. Clicking the
 * project that is already selected changes no state, so the sidebar's project entries are
 * also watched directly: the user expects that click to bring the project back.
 */
function useCloseOnProjectNav(close: () => void): void {
  useEffect(() => {
    const off = useAppStore.subscribe((s, prev) => {
      if (s.projectId !== prev.projectId || s.view !== prev.view || s.mockId !== prev.mockId) close();
    });
    const onClick = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('nav[aria-label="Projects"] li button')) close();
    };
    document.addEventListener('click', onClick, true);
    return () => {
      off();
      document.removeEventListener('click', onClick, true);
    };
  }, [close]);
}
