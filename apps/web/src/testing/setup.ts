import { configure } from '@testing-library/react';

// Lazy routes load their module on first render; on a busy 2-core CI machine that can take longer
// than Testing Library's default 1 s wait, so `findBy…` waits up to 10 s (it returns as soon as found).
configure({ asyncUtilTimeout: 10_000 });
