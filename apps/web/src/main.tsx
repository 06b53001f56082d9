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

createRoot(root).render(
  <StrictMode>
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </trpc.Provider>
  </StrictMode>,
);
