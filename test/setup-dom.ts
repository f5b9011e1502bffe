import '@testing-library/jest-dom/vitest';
import { loadMessages } from '../src/i18n/messages.ts';

// The app loads its texts on demand; components under test get them all up front.
await Promise.all([loadMessages('de'), loadMessages('en')]);
