import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The baseline of the inbox's initial JS and time until interactive: React and nothing else, built by the
// same Vite with the same configuration.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <h1>An empty React page</h1>
  </StrictMode>,
);
