import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import './i18n';
import { AuthProvider } from './auth/AuthContext';
import { ensureLoopbackHost } from './auth/auth';
import App from './App';

if (!ensureLoopbackHost()) {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrowserRouter basename="/console">
        <AuthProvider>
          <App />
        </AuthProvider>
      </BrowserRouter>
    </StrictMode>,
  );
}
