import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared';

// Integration tests start the real editor (Next.js production build), which takes a while on a
// loaded machine: above APP_READY_WITHIN_MS (@newsroom/testing) plus a fresh database, so a server
// that never gets ready fails with its own output rather than a bare hook timeout.
export default mergeConfig(shared, defineConfig({ test: { hookTimeout: 240_000 } }));
