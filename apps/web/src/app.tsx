import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { configureApiClient } from './api/client';
import { createQueryClient } from './api/query-client';
import { markSignedOut } from './features/auth/api';
import { currentUiLanguage, i18n } from './i18n';
import { createRouter } from './router';

function createApp() {
  const queryClient = createQueryClient();
  const router = createRouter();
  configureApiClient({
    language: currentUiLanguage,
    fallbackMessage: (kind) => i18n.t(kind === 'network' ? 'common.networkError' : 'common.serverError'),
    // The session ended (expired, or signed out in another tab): RequireAuth sees no one
    // signed in and shows the sign-in page, keeping the current address as "next".
    onUnauthenticated: () => markSignedOut(queryClient),
  });
  return { queryClient, router };
}

export function App() {
  const [{ queryClient, router }] = useState(createApp);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
