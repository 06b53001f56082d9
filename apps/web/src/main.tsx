import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
// First, so every component's own CSS comes after the resets.
import './styles.css';
import { router } from './app/router';
import { queryClient, trpc, trpcClient } from './lib/trpc';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must have a #root element');

// The router's updates are not transitions: a page is drawn in one pass. As a transition its
// render yields every 5 ms and starts over when a query answers meanwhile (the header's
// `auth.me`), which on a slow phone drew the first results 200 ms later. The router loads a
// page's code before it switches to it, and no page suspends on its data, so nothing is lost.
createRoot(root).render(
  <StrictMode>
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} useTransitions={false} />
      </QueryClientProvider>
    </trpc.Provider>
  </StrictMode>,
);
