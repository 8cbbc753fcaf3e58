import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { queryClient } from './app/query-client';
import { ErrorBoundary } from './ui/ErrorBoundary';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/mocks.css';
import './styles/responses.css';
import './styles/forms.css';
import './styles/overlays.css';
import './styles/logs.css';
import './styles/stats.css';
import './styles/proxy.css';
import './styles/pipelines.css';
import './styles/federation.css';
import './styles/import.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary area="MockDeck">
        <App />
      </ErrorBoundary>
    </QueryClientProvider>
  </StrictMode>,
);
