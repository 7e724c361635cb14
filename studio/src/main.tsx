// First import: the page's chunk starts downloading before the rest of the studio's code is evaluated.
import './preload-first-page';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { i18n, languageReady } from './i18n/i18n';

// respectReducedMotion: modals and menus appear without animation for people who ask their system for less motion.
const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'md', respectReducedMotion: true });

// The remembered language's strings may be a chunk of their own: render once they are there (no English flash).
void languageReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        <Notifications position="top-right" />
        <I18nextProvider i18n={i18n}>
          <App />
        </I18nextProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
