import { preloadFirstPage } from './routes';

// Imports are evaluated in order before main.tsx's own code runs: imported first, this starts the page's
// download before the rest of the entry (Mantine, React DOM, the shell) is evaluated, not after.
preloadFirstPage();
